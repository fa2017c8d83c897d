import type { Db } from '@cloudbase/database'
import ExcelJS from 'exceljs'
import type { z } from 'zod'
import {
  CASE_STATUS_LABELS,
  DISPOSITION_LABELS,
  LEDGER_LABELS,
  OPEN_CASE_STATUSES,
  SATISFACTION_LABELS,
  type CaseSummary,
  type ExportInputSchema,
  type Figures,
  type FiguresInputSchema,
  type InboxInputSchema,
  type LedgerInputSchema,
  type SimilarNearbyInputSchema,
} from '../../types/cases'
import type { ActionContext } from '../core/define-function'
import { distanceMeters, toLngLat } from '../core/geo'
import { CASE_COLLECTIONS, type CaseDoc } from './collections'
import { formatShanghai, shanghaiRange } from './domain/deadlines'
import { computeFigures, formatRate } from './domain/figures'
import { figuresFromCounters } from './figure-counters'
import { publicName, toSummary } from './views'

/*
 * Reading across cases: a unit's boxes (待签收, 办理中, 退单, 超期, 待回访, 待评价), the
 * four ledgers, the 督办考核 figures and their export, and similar open cases nearby.
 */

type Box = z.output<typeof InboxInputSchema>['box']
type Where = Record<string, unknown>

/**
 * Each box as one or more disjoint queries, each with the field its page is ordered by.
 * 超期 is three: unsigned past the acknowledgement deadline (which is never later than the
 * handling deadline, so this covers unsigned cases past both), and processing or returned
 * cases past the handling deadline. Plain equality-and-range queries instead of an `$or`
 * or an `$in`, so each is one index range: the page reads only its own cases and each
 * count is answered from the index without reading a case.
 */
function boxQueries(db: Db, unitId: string, box: Box, now: Date): Array<{ where: Where; order: 'ackDueAt' | 'handleDueAt' | 'revisitDueAt' }> {
  const _ = db.command
  const at = now.toISOString()
  const base = { handlingUnitId: unitId }
  switch (box) {
    case 'to_sign':
      return [{ where: { ...base, status: 'pending_sign' }, order: 'ackDueAt' }]
    case 'processing':
      return [{ where: { ...base, status: 'processing' }, order: 'handleDueAt' }]
    case 'returned':
      return [{ where: { ...base, status: 'returned' }, order: 'handleDueAt' }]
    case 'overdue':
      return [
        { where: { ...base, status: 'pending_sign', ackDueAt: _.lt(at) }, order: 'ackDueAt' },
        { where: { ...base, status: 'processing', handleDueAt: _.lt(at) }, order: 'handleDueAt' },
        { where: { ...base, status: 'returned', handleDueAt: _.lt(at) }, order: 'handleDueAt' },
      ]
    case 'revisit':
      return [{ where: { ...base, status: 'resolved', rating: null, revisitDueAt: _.lte(at) }, order: 'revisitDueAt' }]
    case 'resolved':
      return [{ where: { ...base, status: 'resolved' }, order: 'handleDueAt' }]
  }
}

const BOXES: Box[] = ['to_sign', 'processing', 'returned', 'overdue', 'revisit', 'resolved']

/** One unit's box with the counts of every box (the tabs' badges). Staff of the unit or above. */
export async function inbox(ctx: ActionContext, input: z.output<typeof InboxInputSchema>) {
  await ctx.requireCapabilityAt('cases.handle', input.unitId)
  const { db } = ctx.rt
  const now = ctx.now()
  const cases = db.collection(CASE_COLLECTIONS.cases)
  const count = async (box: Box) => {
    const parts = await Promise.all(boxQueries(db, input.unitId, box, now).map((q) => cases.where(q.where).count() as Promise<{ total: number }>))
    return parts.reduce((n, p) => n + p.total, 0)
  }
  const totals = await Promise.all(BOXES.map(count))
  const counts = Object.fromEntries(BOXES.map((b, i) => [b, totals[i]!])) as Record<Box, number>
  // Most urgent first: the earliest deadline at the top. Each part gives its first
  // skip+limit, and the merge keeps the page (boxes are small; skip is capped by the contract).
  const parts = await Promise.all(
    boxQueries(db, input.unitId, input.box, now).map(async (q) => {
      const res = await cases.where(q.where).orderBy(q.order, 'asc').limit(Math.min(1000, input.skip + input.limit)).get()
      return (res.data as CaseDoc[]).map((d) => ({ d, due: String(d[q.order] ?? '') }))
    }),
  )
  const page = parts
    .flat()
    .sort((a, b) => a.due.localeCompare(b.due) || a.d._id.localeCompare(b.d._id))
    .slice(input.skip, input.skip + input.limit)
  return { items: page.map(({ d }) => toSummary(d, now)), total: counts[input.box], counts }
}

function ledgerQuery(db: Db, unitId: string, ledger: string | undefined, from: string, to: string): Record<string, unknown> {
  const _ = db.command
  const { start, end } = shanghaiRange(from, to)
  const q: Record<string, unknown> = { unitScope: unitId, 'resolution.resolvedAt': _.gte(start.toISOString()).and(_.lt(end.toISOString())) }
  if (ledger) q['resolution.ledger'] = ledger
  return q
}

/** 四本台账: cases resolved in the range under the unit (and every unit below it), filed in one ledger. */
export async function ledger(ctx: ActionContext, input: z.output<typeof LedgerInputSchema>): Promise<{ items: CaseSummary[]; total: number }> {
  await ctx.requireCapabilityAt('cases.handle', input.unitId)
  const { db } = ctx.rt
  const q = ledgerQuery(db, input.unitId, input.ledger, input.from, input.to)
  const cases = db.collection(CASE_COLLECTIONS.cases)
  const [page, count] = await Promise.all([
    cases.where(q).orderBy('resolution.resolvedAt', 'desc').skip(input.skip).limit(input.limit).get(),
    cases.where(q).count() as Promise<{ total: number }>,
  ])
  const now = ctx.now()
  return { items: (page.data as CaseDoc[]).map((d) => toSummary(d, now)), total: count.total }
}

async function readAll(db: Db, collection: string, where: Record<string, unknown>): Promise<CaseDoc[]> {
  const out: CaseDoc[] = []
  for (let skip = 0; ; skip += 1000) {
    const query = db.collection(collection).where(where)
    const page = (await query.orderBy('submittedAt', 'asc').skip(skip).limit(1000).get()).data as CaseDoc[]
    out.push(...page)
    if (page.length < 1000) return out
  }
}

/** 受理量、办结率、按时办结率、满意率、参评率 for the unit's subtree, and per handling unit (from the counters). */
export async function figures(ctx: ActionContext, input: z.output<typeof FiguresInputSchema>): Promise<Figures & { byUnit: Array<Figures & { unitId: string; unitName: string }> }> {
  await ctx.requireCapabilityAt('cases.handle', input.unitId)
  return figuresFromCounters(ctx.rt.db, input.unitId, input.from, input.to)
}

/** The ledger (or all four) as an .xlsx for the 月抽查 / 年终述职; stored through the storage port. */
export async function exportLedger(ctx: ActionContext, input: z.output<typeof ExportInputSchema>): Promise<{ fileId: string; url: string; fileName: string; rowCount: number }> {
  const unit = await ctx.requireCapabilityAt('cases.handle', input.unitId)
  const { db } = ctx.rt
  const q = ledgerQuery(db, input.unitId, input.ledger, input.from, input.to)
  const docs = await readAll(db, CASE_COLLECTIONS.cases, q)
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(input.ledger ? LEDGER_LABELS[input.ledger] : '四本台账')
  sheet.columns = [
    { header: '编号', key: 'number', width: 20 },
    { header: '台账', key: 'ledger', width: 10 },
    { header: '类别', key: 'category', width: 12 },
    { header: '诉求内容', key: 'description', width: 40 },
    { header: '承办单位', key: 'unit', width: 20 },
    { header: '受理时间', key: 'submittedAt', width: 18 },
    { header: '办结时间', key: 'resolvedAt', width: 18 },
    { header: '处理方式', key: 'disposition', width: 18 },
    { header: '答复内容', key: 'reply', width: 40 },
    { header: '按时办结', key: 'onTime', width: 10 },
    { header: '状态', key: 'status', width: 14 },
    { header: '评价', key: 'rating', width: 10 },
  ]
  for (const d of docs) {
    const r = d.resolution!
    sheet.addRow({
      number: d.number,
      ledger: LEDGER_LABELS[r.ledger],
      category: d.categoryName,
      description: d.description,
      unit: d.handlingUnitName,
      submittedAt: formatShanghai(d.submittedAt),
      resolvedAt: formatShanghai(r.resolvedAt),
      disposition: DISPOSITION_LABELS[r.disposition],
      reply: r.reply,
      onTime: r.onTime ? '是' : '否',
      status: CASE_STATUS_LABELS[d.status],
      rating: d.rating ? SATISFACTION_LABELS[d.rating.value] : '',
    })
  }
  const f = computeFigures(docs, shanghaiRange(input.from, input.to))
  sheet.addRow({})
  sheet.addRow({ number: `按时办结率 ${formatRate(f.onTimeRate)}；满意率 ${formatRate(f.satisfactionRate)}；参评率 ${formatRate(f.ratingRate)}` })
  const fileName = `${unit.name}${input.ledger ? LEDGER_LABELS[input.ledger] : '四本台账'}${input.from}至${input.to}.xlsx`
  const fileId = await ctx.rt.storage.save(fileName, Buffer.from(await book.xlsx.writeBuffer()))
  return { fileId, url: await ctx.rt.storage.url(fileId), fileName, rowCount: docs.length }
}

/**
 * Open cases of the same category near the point, nearest first, so a resident can press
 * 我也遇到 instead of filing the same thing again. No contact; the petitioner's name only
 * masked, and only when they allowed it.
 */
export async function similarNearby(ctx: ActionContext, input: z.output<typeof SimilarNearbyInputSchema>) {
  const { db } = ctx.rt
  const _ = db.command
  const Geo = db.Geo as unknown as { Point: new (lng: number, lat: number) => unknown }
  const res = await db
    .collection(CASE_COLLECTIONS.cases)
    .where({
      location: _.geoNear({ geometry: new Geo.Point(input.location.lng, input.location.lat) as never, maxDistance: input.radiusMeters }),
      categoryCode: input.categoryCode,
      status: _.in([...OPEN_CASE_STATUSES]),
    })
    .limit(5)
    .get()
  return {
    items: (res.data as CaseDoc[]).map((d) => ({
      id: d._id,
      number: d.number,
      categoryName: d.categoryName,
      description: d.description,
      statusLabel: CASE_STATUS_LABELS[d.status],
      distanceMeters: Math.round(distanceMeters(input.location, toLngLat(d.location)!)),
      followerCount: d.followerCount,
      petitionerName: publicName(d),
    })),
  }
}

