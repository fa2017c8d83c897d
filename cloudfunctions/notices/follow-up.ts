import type { FollowUpMethod } from '../../types/notices'
import { AppError } from '../core/app-error'
import { COLLECTIONS } from '../core/collections'
import { transaction } from '../core/data'
import { docWith, join, type Joins, type WithJoins } from '../core/joins'
import type { ActionContext } from '../core/define-function'
import { notifyNew } from '../core/outbox'
import { loadNotice } from './access'
import { NOTICE_COLLECTIONS, type NoticeDoc, type ReceiptDoc } from './collections'
import { homeUnitOf, remindRefusal } from './domain/reach'
import { noticeMessage, NOTICE_PUSH_KIND } from './fanout'

/*
 * Reaching the people a notice did not reach: 再次提醒 (a subscribe message, at most once a
 * day and only with a grant) and recording a 电话/上门/代为告知, which counts as reached.
 * Staff name a person by the receipt reference `notReached` gave them, never by openid; they
 * must hold a notice role at that person's grid (or above).
 */

/**
 * The receipt with its notice (and `joins`) in one request, if the caller may follow the
 * person up. Without a receipt the notice is read on its own, so an unknown notice is
 * refused as such first.
 */
async function requireReceipt<J extends Joins>(
  ctx: ActionContext,
  noticeId: string,
  ref: string,
  joins: J,
): Promise<{ notice: NoticeDoc; receipt: ReceiptDoc; found: WithJoins<J> }> {
  const found = await docWith(ctx.rt.db, NOTICE_COLLECTIONS.receipts, ref, {
    ...joins,
    notice: join(NOTICE_COLLECTIONS.notices, { _id: noticeId }),
  })
  const notice = found?.notice[0] ?? (await loadNotice(ctx, noticeId))
  const receipt = found?.doc
  if (!found || !receipt || receipt.noticeId !== noticeId)
    throw new AppError('NOT_FOUND', '找不到这位居民的接收记录，请刷新名单')
  await ctx.requireCapabilityAt('notices.publish', homeUnitOf(receipt.unitPath) ?? notice.unitId)
  if (notice.status === 'withdrawn') throw new AppError('CONFLICT', '这条通知已撤回')
  return { notice, receipt, found }
}

/** 记录已告知: the follow-up is kept on the receipt and the person counts as reached. */
export async function recordFollowUp(
  ctx: ActionContext,
  input: { noticeId: string; openid: string; method: FollowUpMethod; note: string },
): Promise<{ reached: boolean }> {
  const { receipt } = await requireReceipt(ctx, input.noticeId, input.openid, {})
  const followUp = {
    method: input.method,
    note: input.note,
    at: ctx.now().toISOString(),
    by: ctx.requireCaller().openid,
  }
  await ctx.rt.db
    .collection(NOTICE_COLLECTIONS.receipts)
    .doc(receipt._id)
    .update({
      followUp: ctx.rt.db.command.set(followUp),
      reachedBy: receipt.reachedBy === 'none' ? 'follow_up' : receipt.reachedBy,
    })
  return { reached: true }
}

/**
 * 再次提醒: one subscribe message now (紧急) or after quiet hours, at most once a day. The
 * person's grant for the notice template comes with the receipt. The message's key names
 * the `remindedAt` this transaction moves the receipt to from the one it read, which no
 * other transaction can also do: it goes in with no read of the outbox (notifyNew).
 */
export async function remindAgain(ctx: ActionContext, noticeId: string, ref: string): Promise<{ remindedAt: string }> {
  const db = ctx.rt.db
  const templateId = ctx.rt.templates[NOTICE_PUSH_KIND]?.id ?? null
  const { notice, receipt, found } = await requireReceipt(ctx, noticeId, ref, {
    grant: join(COLLECTIONS.subscriptions, { templateId: templateId ?? '' }, { on: ['openid', 'openid'] }),
  })
  const grant = templateId ? (found.grant[0] ?? null) : null
  const now = ctx.now()
  const refusal = remindRefusal(now, receipt.remindedAt, (grant?.remaining ?? 0) > 0)
  if (refusal) throw new AppError('RATE_LIMITED', refusal)
  const remindedAt = now.toISOString()
  await transaction(db, async (tx) => {
    const current = await tx.collection(NOTICE_COLLECTIONS.receipts).doc(receipt._id).get()
    if (current?.remindedAt !== receipt.remindedAt) throw new AppError('CONFLICT', '刚刚已有同事提醒过了')
    await tx.collection(NOTICE_COLLECTIONS.receipts).doc(receipt._id).update({ remindedAt })
    const key = `notice:${notice._id}:remind:${receipt._id}:${remindedAt}`
    await notifyNew(tx, [noticeMessage(notice, receipt.openid, key, `提醒：${notice.title}`, true)], now)
  })
  return { remindedAt }
}
