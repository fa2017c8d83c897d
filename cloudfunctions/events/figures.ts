import type { Db } from '@cloudbase/database'
import ExcelJS from 'exceljs'
import type { EventFigures, EventFiguresReport, UnitEventFigures } from '../../types/events-figures'
import { MONTHLY_KINDS, monthLabel, percent } from '../../types/events-figures-labels'
import { EVENT_KIND_LABELS } from '../../types/events-labels'
import type { UnitDoc } from '../core/collections'
import { aggregated } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { orgUnits } from '../core/org-cache'
import { EVENT_COLLECTIONS as E, type EventDoc } from './collections'
import { monthFigures, monthRange, type MonthEvent } from './domain/figures'
import { pickTally, TALLY_COLLECTION, type TallyDoc } from './tally'

/*
 * 活动统计 (issue 12): a unit's month, per community below it (a community sees itself,
 * a street or the district their communities), and its Excel export for the 月抽查 /
 * 年终述职 beside the case ledger. One aggregate whatever the number of people: the month's
 * events of the subtree (index unitScope+status+startAt), each joined with its tally.
 */

const PAGE = 1000

type EventRow = Pick<EventDoc, '_id' | 'unitId' | 'unitName' | 'kind' | 'attendanceClosedAt'> & { tally: TallyDoc[] }

/** The month's published events of the subtree, each with its tally joined (one request per thousand events). */
async function monthEvents(db: Db, unitId: string, month: string): Promise<EventRow[]> {
  const _ = db.command
  const { start, end } = monthRange(month)
  const out: EventRow[] = []
  for (let skip = 0; ; skip += PAGE) {
    const page = await aggregated<EventRow>(
      db
        .collection(E.events)
        .aggregate()
        .match({ unitScope: unitId, status: 'published', startAt: _.gte(start).and(_.lt(end)) })
        .sort({ startAt: 1, _id: 1 })
        .skip(skip)
        .limit(PAGE)
        .project({ unitId: 1, unitName: 1, kind: 1, attendanceClosedAt: 1 })
        .lookup({ from: TALLY_COLLECTION, localField: '_id', foreignField: '_id', as: 'tally' }),
    )
    out.push(...page)
    if (page.length < PAGE) return out
  }
}

/** The communities a unit's figures list: itself if it is one, else every community below it, in the tree's order. */
async function communitiesOf(db: Db, unit: UnitDoc): Promise<Array<{ id: string; name: string }>> {
  if (unit.kind === 'community') return [{ id: unit._id, name: unit.name }]
  const all = [...(await orgUnits(db)).values()]
  return all
    .filter((u) => u.kind === 'community' && u.ancestors.includes(unit._id))
    .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0) || a.name.localeCompare(b.name, 'zh'))
    .map((u) => ({ id: u._id, name: u.name }))
}

/** 活动统计 for a unit and month. */
export async function eventFigures(
  ctx: ActionContext,
  input: { unitId: string; month: string },
): Promise<EventFiguresReport> {
  const unit = await ctx.requireCapabilityAt('events.manage', input.unitId)
  const db = ctx.rt.db
  const [events, communities] = await Promise.all([monthEvents(db, unit._id, input.month), communitiesOf(db, unit)])
  const rows: MonthEvent[] = events.map((e) => ({
    unitId: e.unitId,
    unitName: e.unitName,
    kind: e.kind,
    // Held and closed: a tally even when nobody signed up or came (no document was written).
    tally: e.attendanceClosedAt ? pickTally(e.tally[0] ?? null) : null,
  }))
  return { month: input.month, unitId: unit._id, unitName: unit.name, ...monthFigures(communities, rows) }
}

const yesNo = (held: boolean) => (held ? '是' : '否')

/** One line of the sheet: the same figures the page shows, in the same words. */
export function sheetRow(name: string, f: EventFigures, monthly: string[], byKind: UnitEventFigures['byKind'] = []) {
  return [
    name,
    f.events,
    byKind.map((k) => `${EVENT_KIND_LABELS[k.kind]}${k.events}`).join('、'),
    ...monthly,
    f.held,
    f.signUps,
    f.present,
    percent(f.attendanceRate),
    f.absent,
    percent(f.noShowRate),
    f.walkIns,
    f.attendees,
    f.partyMembers,
    percent(f.partyShare),
    f.hours,
    f.rated,
    percent(f.satisfactionRate),
  ]
}

export const SHEET_HEADER = [
  '单位',
  '活动场次',
  '按类别',
  '板凳会',
  '老党员讲故事',
  '党史知识竞赛',
  '已举办',
  '报名人数',
  '签到人数',
  '出勤率',
  '缺席人数',
  '缺席率',
  '现场补登',
  '参加人数',
  '其中党员',
  '党员占比',
  '服务时长（小时）',
  '评价人数',
  '满意率',
]

/** The month as an .xlsx: one row per community, then the total; stored through the storage port. */
export async function exportFigures(
  ctx: ActionContext,
  input: { unitId: string; month: string },
): Promise<{ fileId: string; url: string; fileName: string; rowCount: number }> {
  const r = await eventFigures(ctx, input)
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('活动统计')
  sheet.addRow(SHEET_HEADER)
  for (const u of r.units)
    sheet.addRow(
      sheetRow(
        u.unitName,
        u,
        u.monthly.map((m) => yesNo(m.held)),
        u.byKind,
      ),
    )
  // The total says how many of the listed units held each monthly kind.
  const heldBy = MONTHLY_KINDS.map((k) => r.units.filter((u) => u.monthly.some((m) => m.kind === k && m.held)).length)
  sheet.addRow(
    sheetRow(
      '合计',
      r.total,
      heldBy.map((n) => `${n}/${r.units.length}`),
    ),
  )
  sheet.getRow(1).font = { bold: true }
  sheet.columns.forEach((c, i) => (c.width = i === 0 || i === 2 ? 24 : 12))
  const fileName = `${r.unitName}活动统计${monthLabel(r.month)}.xlsx`
  const fileId = await ctx.rt.storage.save(fileName, Buffer.from(await book.xlsx.writeBuffer()))
  return { fileId, url: await ctx.rt.storage.url(fileId), fileName, rowCount: r.units.length }
}
