import ExcelJS from 'exceljs'
import type { NotReachedPerson, Reach, ReachCounts } from '../../types/notices'
import { maskName, maskPhone } from '../../types/mask'
import { roleGrants } from '../../types/policy'
import { COLLECTIONS, type UnitDoc } from '../core/collections'
import { collection, type Where } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { grantIdFor } from '../core/outbox'
import { loadNotice, requireReachUnit } from './access'
import { NOTICE_COLLECTIONS, type NoticeDoc, type ReceiptDoc } from './collections'
import { ALL_UNITS, remindRefusal, seesContact } from './domain/reach'
import { NOTICE_PUSH_KIND } from './fanout'

/*
 * The reach view: counts per notice and per unit, straight from the receipts by index-only
 * counts (no running counters to drift), and the people not reached yet.
 */

async function countsAt(ctx: ActionContext, noticeId: string, unitKey: string): Promise<ReachCounts> {
  const receipts = ctx.rt.db.collection(NOTICE_COLLECTIONS.receipts)
  const count = async (extra: Record<string, unknown>) =>
    (await receipts.where({ noticeId, unitPath: unitKey, ...extra }).count()).total
  const [recipients, read, acknowledged, followedUp, notReached, pushed, noPermission] = await Promise.all([
    count({}),
    count({ read: true }),
    count({ acked: true }),
    count({ reachedBy: 'follow_up' }),
    count({ reachedBy: 'none' }),
    count({ push: 'queued' }),
    count({ push: 'no_grant' }),
  ])
  // A receipt is the in-app delivery: it is in the resident's list the moment it is written.
  return { recipients, delivered: recipients, read, acknowledged, followedUp, notReached, pushed, noPermission }
}

/**
 * The rows of a reach view: the whole notice breaks down into its communities and grids; a
 * grid (or a 小区) into its 楼栋.
 */
async function breakdownUnits(ctx: ActionContext, n: NoticeDoc, unit: UnitDoc): Promise<UnitDoc[]> {
  const _ = ctx.rt.db.command
  const whole = unit._id === n.unitId
  const wanted = whole ? n.audienceIds : [unit._id]
  const kinds = whole ? ['community', 'grid'] : ['building']
  const found = await collection(ctx.rt.db, COLLECTIONS.units)
    .where(_.or([{ _id: _.in(wanted) }, { ancestors: _.in(wanted), kind: _.in(kinds) }]))
    .limit(500)
    .get()
  const rows = found.filter((u) => wanted.includes(u._id) || kinds.includes(u.kind))
  return rows.filter((u) => u.kind !== 'street' && u.kind !== 'district').sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0))
}

export async function reachOf(ctx: ActionContext, noticeId: string, unitId?: string): Promise<Reach> {
  const n = await loadNotice(ctx, noticeId)
  const unit = await requireReachUnit(ctx, n, unitId)
  const whole = unit._id === n.unitId
  const units = await breakdownUnits(ctx, n, unit)
  return {
    noticeId: n._id,
    title: n.title,
    status: n.status,
    fanoutDone: n.fanout?.done ?? false,
    total: await countsAt(ctx, n._id, whole ? ALL_UNITS : unit._id),
    byUnit: await Promise.all(
      units.map(async (u) => ({ unitId: u._id, unitName: u.name, ...(await countsAt(ctx, n._id, u._id)) })),
    ),
  }
}

async function grantHolders(ctx: ActionContext, openids: string[]): Promise<Set<string>> {
  const ids = openids.flatMap((o) => grantIdFor(ctx.rt.templates, o, NOTICE_PUSH_KIND) ?? [])
  if (ids.length === 0) return new Set()
  const grants = await collection(ctx.rt.db, COLLECTIONS.subscriptions)
    .where({ _id: ctx.rt.db.command.in(ids) })
    .limit(ids.length)
    .get()
  return new Set(grants.filter((g) => g.remaining > 0).map((g) => g.openid))
}

/** The caller's units where they may publish notices: full contacts only for their own grid. */
function viewerUnits(ctx: ActionContext): string[] {
  return ctx.assignments.filter((a) => roleGrants(a.role, 'notices.publish')).map((a) => a.unitId)
}

/** People of `unitId` (default: the whole notice) not reached yet, as this viewer may see them. */
export async function notReached(
  ctx: ActionContext,
  input: { noticeId: string; unitId?: string; limit: number },
): Promise<{ items: NotReachedPerson[]; total: number }> {
  const n = await loadNotice(ctx, input.noticeId)
  const unit = await requireReachUnit(ctx, n, input.unitId)
  const db = ctx.rt.db
  const where: Where<ReceiptDoc> = {
    noticeId: n._id,
    unitPath: unit._id === n.unitId ? ALL_UNITS : unit._id,
    reachedBy: 'none',
  }
  const receiptsOf = collection(db, NOTICE_COLLECTIONS.receipts)
  const [receipts, total] = await Promise.all([
    // In index order (as the receipts were written): a sort would read every unreached receipt.
    receiptsOf.where(where).limit(input.limit).get(),
    receiptsOf.where(where).count(),
  ])
  const openids = receipts.map((r) => r.openid)
  const places = [...new Set(receipts.flatMap((r) => r.unitPath.slice(2)))]
  const [users, units, grants] = await Promise.all([
    openids.length
      ? collection(db, COLLECTIONS.users)
          .where({ _id: db.command.in(openids) })
          .limit(openids.length)
          .get()
      : [],
    places.length
      ? collection(db, COLLECTIONS.units)
          .where({ _id: db.command.in(places) })
          .limit(places.length)
          .get()
      : [],
    grantHolders(ctx, openids),
  ])
  const userById = new Map(users.map((u) => [u._id, u]))
  const unitName = new Map(units.map((u) => [u._id, u.name]))
  const mine = viewerUnits(ctx)
  const now = ctx.now()
  const items = receipts.map((r): NotReachedPerson => {
    const user = userById.get(r.openid)
    const full = seesContact(mine, r.unitPath)
    return {
      ref: r._id,
      name: (full ? user?.name : maskName(user?.name)) || '未填写姓名',
      phone: (full ? user?.phone : maskPhone(user?.phone)) || '',
      // 第一网格 · 东园小区 · 3号楼: where to knock.
      unitName: r.unitPath
        .slice(2)
        .map((u) => unitName.get(u) ?? '')
        .filter(Boolean)
        .join(' · '),
      read: r.read,
      pushed: r.push === 'queued',
      canRemind: remindRefusal(now, r.remindedAt, grants.has(r.openid)) === null,
      remindedAt: r.remindedAt,
    }
  })
  return { items, total }
}

/** 导出触达情况: the reach figures by unit and the people not reached, as this viewer may see them. */
export async function exportReach(
  ctx: ActionContext,
  noticeId: string,
): Promise<{ fileId: string; fileName: string; url: string }> {
  const reach = await reachOf(ctx, noticeId)
  const people = await notReached(ctx, { noticeId, limit: 200 })
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
  for (const p of people.items) missing.addRow({ ...p, read: p.read ? '是' : '否' })
  if (people.total > people.items.length)
    missing.addRow({ name: `另有 ${people.total - people.items.length} 人，请在小程序中按网格查看` })
  const fileName = `通知触达情况-${reach.title}.xlsx`
  const fileId = await ctx.rt.storage.save(fileName, Buffer.from(await book.xlsx.writeBuffer()))
  return { fileId, fileName, url: await ctx.rt.storage.url(fileId) }
}
