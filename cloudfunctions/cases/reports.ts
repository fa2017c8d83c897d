import type { Db } from '@cloudbase/database'
import ExcelJS from 'exceljs'
import type { z } from 'zod'
import {
  CASE_STATUS_LABELS,
  DISPOSITION_LABELS,
  LEDGER_LABELS,
  SATISFACTION_LABELS,
  type Figures,
} from '../../types/cases'
import type { ExportInputSchema, FiguresInputSchema, LedgerInputSchema } from '../../types/cases-contract'
import { collection, countedPage, type Where } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { CASE_COLLECTIONS, type CaseDoc } from './collections'
import { formatShanghai, shanghaiRange } from './domain/deadlines'
import { computeFigures, formatRate } from './domain/figures'
import { figuresFromCounters } from './figure-counters'
import { toSummary } from './views'

/*
 * 督办考核 reports: the four ledgers (四本台账) of resolved cases, the figures and the
 * ledger export for the 月抽查 / 年终述职.
 */

function ledgerQuery(db: Db, unitId: string, ledger: string | undefined, from: string, to: string): Where<CaseDoc> {
  const _ = db.command
  const { start, end } = shanghaiRange(from, to)
  const q: Where<CaseDoc> = {
    unitScope: unitId,
    'resolution.resolvedAt': _.gte(start.toISOString()).and(_.lt(end.toISOString())),
  }
  if (ledger) q['resolution.ledger'] = ledger
  return q
}

/** 四本台账: cases resolved in the range under the unit (and every unit below it), filed in one ledger. */
export async function ledger(ctx: ActionContext, input: z.output<typeof LedgerInputSchema>) {
  await ctx.requireCapabilityAt('cases.handle', input.unitId)
  const { db } = ctx.rt
  const q = ledgerQuery(db, input.unitId, input.ledger, input.from, input.to)
  const cases = collection(db, CASE_COLLECTIONS.cases)
  const { docs, hasMore, total } = await countedPage(
    cases.where(q),
    cases.where(q).orderBy('resolution.resolvedAt', 'desc'),
    input,
  )
  const now = ctx.now()
  return { items: docs.map((d) => toSummary(d, now)), total, hasMore, page: input.page, pageSize: input.pageSize }
}

async function readAll(db: Db, where: Where<CaseDoc>): Promise<CaseDoc[]> {
  const out: CaseDoc[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = await collection(db, CASE_COLLECTIONS.cases)
      .where(where)
      .orderBy('submittedAt', 'asc')
      .skip(skip)
      .limit(1000)
      .get()
    out.push(...page)
    if (page.length < 1000) return out
  }
}

/** 受理量、办结率、按时办结率、满意率、参评率 for the unit's subtree, and per handling unit (from the counters). */
export async function figures(
  ctx: ActionContext,
  input: z.output<typeof FiguresInputSchema>,
): Promise<Figures & { byUnit: Array<Figures & { unitId: string; unitName: string }> }> {
  await ctx.requireCapabilityAt('cases.handle', input.unitId)
  return figuresFromCounters(ctx.rt.db, input.unitId, input.from, input.to)
}

/** The ledger (or all four) as an .xlsx for the 月抽查 / 年终述职; stored through the storage port. */
export async function exportLedger(
  ctx: ActionContext,
  input: z.output<typeof ExportInputSchema>,
): Promise<{ fileId: string; url: string; fileName: string; rowCount: number }> {
  const unit = await ctx.requireCapabilityAt('cases.handle', input.unitId)
  const { db } = ctx.rt
  const q = ledgerQuery(db, input.unitId, input.ledger, input.from, input.to)
  const docs = await readAll(db, q)
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
  sheet.addRow({
    number: `按时办结率 ${formatRate(f.onTimeRate)}；满意率 ${formatRate(f.satisfactionRate)}；参评率 ${formatRate(f.ratingRate)}`,
  })
  const fileName = `${unit.name}${input.ledger ? LEDGER_LABELS[input.ledger] : '四本台账'}${input.from}至${input.to}.xlsx`
  const fileId = await ctx.rt.storage.save(fileName, Buffer.from(await book.xlsx.writeBuffer()))
  return { fileId, url: await ctx.rt.storage.url(fileId), fileName, rowCount: docs.length }
}
