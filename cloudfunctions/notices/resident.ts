import type { NoticeDetail, NoticeSummary } from '../../types/notices'
import { AppError } from '../core/app-error'
import { collection } from '../core/data'
import { docWith, join } from '../core/joins'
import type { ActionContext } from '../core/define-function'
import { loadNotice } from './access'
import { NOTICE_COLLECTIONS, type NoticeDoc, type ReceiptDoc } from './collections'
import { receiptId } from './domain/reach'
import { isExpired, toDetail, toSummary } from './views'

/*
 * What residents do: their list (pinned first, expired in an archive), opening a notice
 * (marks it read at server time), 我已知晓, and following a 公示. A notice is only ever
 * reached through one's own receipt: someone outside its audience gets NOT_FOUND.
 */

/** A resident's receipts are few (a community sends a handful a week); the newest 200 cover the list. */
const RECEIPTS_READ = 200

async function myReceipts(ctx: ActionContext): Promise<ReceiptDoc[]> {
  return collection(ctx.rt.db, NOTICE_COLLECTIONS.receipts)
    .where({ openid: ctx.requireCaller().openid, withdrawn: false })
    .orderBy('publishedAt', 'desc')
    .limit(RECEIPTS_READ)
    .get()
}

function byPinnedThenNewest(a: NoticeSummary, b: NoticeSummary): number {
  return Number(b.pinned) - Number(a.pinned) || b.publishedAt.localeCompare(a.publishedAt)
}

export async function listNotices(
  ctx: ActionContext,
  input: { archive: boolean; limit: number },
): Promise<{ items: NoticeSummary[]; unread: number }> {
  const now = ctx.now()
  const all = (await myReceipts(ctx)).map((r) => toSummary(r, now))
  const current = all.filter((s) => !s.expired)
  const items = (input.archive ? all.filter((s) => s.expired) : current.sort(byPinnedThenNewest)).slice(0, input.limit)
  return { items, unread: current.filter((s) => !s.read).length }
}

/** 首页: the unread count and the newest 紧急 notice still in effect (the banner). */
export async function noticeHome(ctx: ActionContext): Promise<{ unread: number; urgent: NoticeSummary | null }> {
  const now = ctx.now()
  const current = (await myReceipts(ctx)).filter((r) => !isExpired(r.expiresAt, now)).map((r) => toSummary(r, now))
  return { unread: current.filter((s) => !s.read).length, urgent: current.find((s) => s.priority === 'urgent') ?? null }
}

/** The caller's receipt with its notice: one request. */
async function myReceipt(ctx: ActionContext, noticeId: string): Promise<{ r: ReceiptDoc; notice: NoticeDoc }> {
  const id = receiptId(noticeId, ctx.requireCaller().openid)
  const found = await docWith(ctx.rt.db, NOTICE_COLLECTIONS.receipts, id, {
    notice: join(NOTICE_COLLECTIONS.notices, { _id: noticeId }),
  })
  if (!found) throw new AppError('NOT_FOUND', '找不到该通知，可能不是发给您的')
  return { r: found.doc, notice: found.notice[0] ?? (await loadNotice(ctx, noticeId)) }
}

/**
 * The notice as the caller now sees it: `r` with the fields this call wrote (each write is
 * conditional, so what it set holds), or read again when a write found the receipt already
 * changed by another call of theirs.
 */
async function detail(ctx: ActionContext, notice: NoticeDoc, r: ReceiptDoc, wrote: boolean): Promise<NoticeDetail> {
  const now = wrote ? r : ((await collection(ctx.rt.db, NOTICE_COLLECTIONS.receipts).doc(r._id).get()) ?? r)
  return toDetail(notice, now, ctx.now(), ctx.rt.storage)
}

/**
 * Marks read once, at server time; reading counts as reached unless staff already reached
 * them. Answers the receipt as written, or null when another call had marked it read.
 */
async function markRead(ctx: ActionContext, r: ReceiptDoc): Promise<ReceiptDoc | null> {
  if (r.read) return r
  const receipts = collection(ctx.rt.db, NOTICE_COLLECTIONS.receipts)
  const readAt = ctx.now().toISOString()
  // The likely case first, as read: not reached yet. Staff reaching them meanwhile makes it miss.
  if (r.reachedBy === 'none') {
    const patch = { read: true, readAt, reachedBy: 'read' as const }
    if ((await receipts.where({ _id: r._id, read: false, reachedBy: 'none' }).update(patch)) === 1)
      return { ...r, ...patch }
  }
  const patch = { read: true, readAt }
  return (await receipts.where({ _id: r._id, read: false }).update(patch)) === 1 ? { ...r, ...patch } : null
}

export async function openNotice(ctx: ActionContext, noticeId: string): Promise<NoticeDetail> {
  const { r, notice } = await myReceipt(ctx, noticeId)
  const read = await markRead(ctx, r)
  return detail(ctx, notice, read ?? r, read !== null)
}

/** 我已知晓: only where the notice asks for it, and not on a withdrawn one. */
export async function acknowledgeNotice(ctx: ActionContext, noticeId: string): Promise<NoticeDetail> {
  const { r, notice } = await myReceipt(ctx, noticeId)
  if (!r.ackRequired) throw new AppError('BAD_REQUEST', '这条通知不需要确认知晓')
  if (r.withdrawn) throw new AppError('CONFLICT', '这条通知已撤回，无需确认')
  const read = await markRead(ctx, r)
  const acked = { acked: true, ackedAt: ctx.now().toISOString() }
  const done = await collection(ctx.rt.db, NOTICE_COLLECTIONS.receipts)
    .where({ _id: r._id, acked: false })
    .update(acked)
  return detail(ctx, notice, { ...(read ?? r), ...acked }, read !== null && done === 1)
}

/** 关注公示: followers are told of each progress update. */
export async function followNotice(ctx: ActionContext, noticeId: string, following: boolean): Promise<NoticeDetail> {
  const { r, notice } = await myReceipt(ctx, noticeId)
  if (r.kind !== 'publicity') throw new AppError('BAD_REQUEST', '只有公示可以关注进展')
  await collection(ctx.rt.db, NOTICE_COLLECTIONS.receipts).doc(r._id).update({ following })
  return detail(ctx, notice, { ...r, following }, true)
}
