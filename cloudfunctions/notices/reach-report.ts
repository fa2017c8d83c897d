import ExcelJS from 'exceljs'
import type { NotReachedPerson, Reach } from '../../types/notices'
import { maskName, maskPhone } from '../../types/mask'
import { roleGrants } from '../../types/policy'
import type { UnitDoc } from '../core/collections'
import type { ActionContext } from '../core/define-function'
import { orgUnits, unitsByIds } from '../core/org-cache'
import { loadNotice, requireReachUnit } from './access'
import { NOTICE_COLLECTIONS } from './collections'
import { ALL_UNITS, remindRefusal, seesContact } from './domain/reach'
import { NOTICE_PUSH_KIND } from './fanout'
import { NO_REACH, reachByUnit, unreachedPage, type UnreachedRow } from './reach-counts'

/*
 * The reach view: counts per notice and per unit, straight from the receipts (no running
 * counters to drift), and the people not reached yet — each one aggregate (reach-counts.ts).
 */

/** Units of the org tree at `wanted` or of `kinds` below them: the rows of a reach view, in the tree's order. */
async function unitRows(ctx: ActionContext, wanted: readonly string[], kinds: readonly string[]): Promise<UnitDoc[]> {
  const all = [...(await orgUnits(ctx.rt.db)).values()]
  return all
    .filter((u) => wanted.includes(u._id) || (kinds.includes(u.kind) && u.ancestors.some((a) => wanted.includes(a))))
    .filter((u) => u.kind !== 'street' && u.kind !== 'district')
    .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0))
    .slice(0, 500)
}

/**
 * The rows of a reach view: the whole notice breaks down into its communities and grids; a
 * grid (or a 小区) into its 楼栋. A unit asked for is checked before anything is read and
 * taken for a part of the notice; should it be the sending unit itself, the figures are
 * those of the whole notice, read again.
 */
export async function reachOf(ctx: ActionContext, noticeId: string, unitId?: string): Promise<Reach> {
  return (await reachWith(ctx, noticeId, unitId)).reach
}

/**
 * `reachOf`; with `peopleLimit`, also the first people of the whole notice not reached yet,
 * brought by the same request (the export wants both).
 */
async function reachWith(
  ctx: ActionContext,
  noticeId: string,
  unitId: string | undefined,
  peopleLimit?: number,
): Promise<{ reach: Reach; unreached: UnreachedRow[] }> {
  const db = ctx.rt.db
  const asked = unitId === undefined ? null : await ctx.requireCapabilityAt('notices.publish', unitId)
  const partRows = asked ? await unitRows(ctx, [asked._id], ['building']) : []
  const buckets = asked ? [...new Set([asked._id, ...partRows.map((u) => u._id)])] : [ALL_UNITS]
  const people = peopleLimit === undefined ? undefined : { bucket: ALL_UNITS, limit: peopleLimit }
  const first = await reachByUnit(db, noticeId, buckets, people)
  let counts = first.counts
  const n = first.notice ?? (await loadNotice(ctx, noticeId))
  const unit = await requireReachUnit(ctx, n, unitId)
  const whole = unit._id === n.unitId
  if (whole && asked) ({ counts } = await reachByUnit(db, noticeId, [ALL_UNITS]))
  const units = whole ? await unitRows(ctx, n.audienceIds, ['community', 'grid']) : partRows
  const reach: Reach = {
    noticeId: n._id,
    title: n.title,
    status: n.status,
    fanoutDone: n.fanout?.done ?? false,
    total: counts.get(whole ? ALL_UNITS : unit._id) ?? NO_REACH,
    byUnit: units.map((u) => ({ unitId: u._id, unitName: u.name, ...(counts.get(u._id) ?? NO_REACH) })),
  }
  return { reach, unreached: first.unreached }
}

/** The caller's units where they may publish notices: full contacts only for their own grid. */
function viewerUnits(ctx: ActionContext): string[] {
  return ctx.assignments.filter((a) => roleGrants(a.role, 'notices.publish')).map((a) => a.unitId)
}

/** Whether the person behind a receipt holds a grant for the notices' subscribe message. */
function holdsGrant(ctx: ActionContext, r: UnreachedRow): boolean {
  const id = ctx.rt.templates[NOTICE_PUSH_KIND]?.id
  return !!id && r.grants.some((g) => g.templateId === id && g.remaining > 0)
}

/**
 * People of `unitId` (default: the whole notice) not reached yet, as this viewer may see them.
 * The total is what the page holds when it is not full; else counted.
 */
export async function notReached(
  ctx: ActionContext,
  input: { noticeId: string; unitId?: string; limit: number },
): Promise<{ items: NotReachedPerson[]; total: number }> {
  const db = ctx.rt.db
  if (input.unitId !== undefined) await ctx.requireCapabilityAt('notices.publish', input.unitId)
  let bucket = input.unitId ?? ALL_UNITS
  let receipts = await unreachedPage(db, input.noticeId, bucket, input.limit)
  const n = receipts[0]?.notice[0] ?? (await loadNotice(ctx, input.noticeId))
  const unit = await requireReachUnit(ctx, n, input.unitId)
  if (unit._id === n.unitId && bucket !== ALL_UNITS)
    receipts = await unreachedPage(db, input.noticeId, (bucket = ALL_UNITS), input.limit)
  const total =
    receipts.length < input.limit
      ? receipts.length
      : (
          await db
            .collection(NOTICE_COLLECTIONS.receipts)
            .where({ noticeId: input.noticeId, unitPath: bucket, reachedBy: 'none' })
            .count()
        ).total
  return { items: await people(ctx, receipts), total }
}

/** Receipts not reached yet as this viewer may see their people: full contacts only in their own grid. */
async function people(ctx: ActionContext, receipts: readonly UnreachedRow[]): Promise<NotReachedPerson[]> {
  const places = await unitsByIds(
    ctx.rt.db,
    receipts.flatMap((r) => r.unitPath.slice(2)),
  )
  const mine = viewerUnits(ctx)
  const now = ctx.now()
  return receipts.map((r): NotReachedPerson => {
    const user = r.user[0]
    const full = seesContact(mine, r.unitPath)
    return {
      ref: r._id,
      name: (full ? user?.name : maskName(user?.name)) || '未填写姓名',
      phone: (full ? user?.phone : maskPhone(user?.phone)) || '',
      // 第一网格 · 东园小区 · 3号楼: where to knock.
      unitName: r.unitPath
        .slice(2)
        .map((u) => places.get(u)?.name ?? '')
        .filter(Boolean)
        .join(' · '),
      read: r.read,
      pushed: r.push === 'queued',
      canRemind: remindRefusal(now, r.remindedAt, holdsGrant(ctx, r)) === null,
      remindedAt: r.remindedAt,
    }
  })
}

/** The people the export lists; more are counted in a last line. */
const EXPORT_PEOPLE = 200

/** 导出触达情况: the reach figures by unit and the people not reached, as this viewer may see them. */
export async function exportReach(
  ctx: ActionContext,
  noticeId: string,
): Promise<{ fileId: string; fileName: string; url: string }> {
  const { reach, unreached } = await reachWith(ctx, noticeId, undefined, EXPORT_PEOPLE)
  const listed = await people(ctx, unreached)
  const total = unreached.length < EXPORT_PEOPLE ? unreached.length : reach.total.notReached
  const book = new ExcelJS.Workbook()
  const figures = book.addWorksheet('触达情况')
  figures.columns = [
    { header: '单位', key: 'unitName', width: 24 },
    { header: '应收人数', key: 'recipients', width: 10 },
    { header: '已送达', key: 'delivered', width: 10 },
    { header: '已读', key: 'read', width: 10 },
    { header: '已确认知晓', key: 'acknowledged', width: 12 },
    { header: '已另行告知', key: 'followedUp', width: 12 },
    { header: '未触达', key: 'notReached', width: 10 },
    { header: '已推送', key: 'pushed', width: 10 },
    { header: '未授权推送', key: 'noPermission', width: 12 },
  ]
  figures.addRow({ unitName: '合计', ...reach.total })
  for (const row of reach.byUnit) figures.addRow(row)
  const missing = book.addWorksheet('未触达名单')
  missing.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '电话', key: 'phone', width: 16 },
    { header: '网格', key: 'unitName', width: 20 },
    { header: '已读', key: 'read', width: 8 },
  ]
  for (const p of listed) missing.addRow({ ...p, read: p.read ? '是' : '否' })
  if (total > listed.length) missing.addRow({ name: `另有 ${total - listed.length} 人，请在小程序中按网格查看` })
  const fileName = `通知触达情况-${reach.title}.xlsx`
  const fileId = await ctx.rt.storage.save(fileName, Buffer.from(await book.xlsx.writeBuffer()))
  return { fileId, fileName, url: await ctx.rt.storage.url(fileId) }
}
