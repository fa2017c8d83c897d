import type { Db } from '@cloudbase/database'
import { maskName } from '../../types/mask'
import { thing } from '../../types/notifications'
import type { WishStatus } from '../../types/wishes'
import { AppError } from '../core/app-error'
import { COLLECTIONS, type UserDoc } from '../core/collections'
import { collection, isDuplicateWrite, transaction, type Tx } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { notifyNew } from '../core/outbox'
import { requireCommunity, standings } from './actors'
import { WISH_COLLECTIONS as W, type WishDoc } from './collections'
import { addDays, shanghaiDate } from './domain/dates'
import { transition } from './domain/state-machine'
import { wishNotice } from './notices'
import { loadSettings } from './settings'
import { historyEntry, loadWish, refuse } from './transitions'

/*
 * 认领: the one step that is not a transaction. Exactly one of many simultaneous claims must
 * win, and a volunteer may hold only so many open claims, so a claim is two conditional
 * single-document updates (the slot, then the wish); its notices follow in a transaction
 * of their own, marked due by the winning update so the sweep can finish them after a crash.
 */

/** Frees one of the claimer's open-claim slots; inside the transition that ends the claim. */
export async function freeSlot(tx: Tx, openid: string): Promise<void> {
  const ref = tx.collection(W.claimSlots).doc(openid)
  const slots = await ref.get()
  if (slots && slots.open > 0) await ref.update({ open: slots.open - 1 })
}

/**
 * Reserves an open-claim slot with a conditional update, so a volunteer tapping several
 * wishes at once cannot pass the limit. Returns false at the limit. The same update marks
 * the slot for the `wishes.repairClaimSlots` sweep (`auditDueAt`): a process killed before
 * the claim's winning update, or before it gave a losing slot back, leaves `open` one too
 * high, and the sweep recounts it.
 */
export async function reserveSlot(db: Db, openid: string, limit: number, now: Date): Promise<boolean> {
  const _ = db.command
  const slots = collection(db, W.claimSlots)
  const take = { open: _.inc(1), auditDueAt: now.toISOString() }
  const tryTake = async () => (await slots.where({ _id: openid, open: _.lt(limit) }).update(take)) === 1
  if (await tryTake()) return true
  if (await slots.doc(openid).get()) return false
  await transaction(db, async (tx) => {
    const ref = tx.collection(W.claimSlots).doc(openid)
    if (!(await ref.get())) await ref.set({ open: 0, auditDueAt: null })
  })
  return tryTake()
}

/** A claim this volunteer already won: tapping 认领 again answers it instead of refusing. */
function standingClaim(wish: WishDoc, openid: string): { claimedAt: string; claimDeadline: string } | null {
  if (wish.status !== 'claimed' || wish.claimerId !== openid || !wish.claimedAt || !wish.claimDeadline) return null
  return { claimedAt: wish.claimedAt, claimDeadline: wish.claimDeadline }
}

/**
 * Decides a claim. Exactly one of many simultaneous claims wins: the claim is a conditional
 * single-document update `where({_id, status: 'open'})`, atomic in CloudBase and in the
 * embedded database; everyone else gets CONFLICT. The same update marks the claim's notices
 * as due (`claimNoticeDueAt`), so the notices cannot be lost once the claim is won. A
 * repeated claim by the winner (a second tap, two taps at once) answers the standing claim,
 * holding no second slot.
 */
export async function takeClaim(
  ctx: Pick<ActionContext, 'rt' | 'assignments' | 'now' | 'requireCaller'>,
  id: string,
): Promise<{ claimedAt: string; claimDeadline: string; wish: WishDoc }> {
  const { db } = ctx.rt
  const openid = ctx.requireCaller().openid
  const now = ctx.now()
  const _ = db.command
  const wish = await loadWish(db, id)
  const repeat = standingClaim(wish, openid)
  if (repeat) return { ...repeat, wish }
  const community = await requireCommunity(db, wish.communityId)
  const checked = transition(wish.status, 'claim', standings(wish, openid, ctx.assignments, community))
  if (!checked.ok) throw refuse('claim', checked.code)
  const settings = await loadSettings(db, wish.communityId)
  if (!(await reserveSlot(db, openid, settings.claimLimit, now))) {
    throw new AppError('CONFLICT', `您手上已有 ${settings.claimLimit} 个未完成的心愿，完成或放弃后再认领新的`)
  }
  const at = now.toISOString()
  const claimDeadline = addDays(now, settings.claimDays)
  const won = await collection(db, W.wishes)
    .where({ _id: id, status: 'open' })
    .update({
      status: 'claimed',
      claimerId: openid,
      claimedAt: at,
      claimDeadline,
      claimNoticeDueAt: at,
      version: _.inc(1),
      updatedAt: at,
      history: _.push([historyEntry('claim', 'volunteer', 'claimed', null, at)]),
    })
  if (won !== 1) {
    await collection(db, W.claimSlots)
      .doc(openid)
      .update({ open: _.inc(-1) })
    const latest = await loadWish(db, id)
    const standing = standingClaim(latest, openid)
    if (standing) return { ...standing, wish: latest }
    throw refuse('claim', 'CONFLICT')
  }
  return { claimedAt: at, claimDeadline, wish }
}

/** A claim still stands in these; hiding and releasing send their own notices instead. */
const CLAIM_NOTICE_STATUSES: readonly WishStatus[] = ['claimed', 'fulfilled', 'confirmed']

/**
 * Queues the notices of a won claim and clears its due mark, in one transaction; run right
 * after the claim and again by the sweep, so it is idempotent: nothing is due, or the
 * dedupe keys (per claim, not per version) make a second run add nothing. A claim that
 * already ended (released or expired before its notices went out) has told both people
 * through its own end notices; its mark is just cleared. Returns whether notices were queued.
 */
export async function queueClaimNotices(db: Db, id: string, now: Date, caller?: UserDoc): Promise<boolean> {
  const queue = transaction(db, async (tx) => {
    const ref = tx.collection(W.wishes).doc(id)
    const wish = await ref.get()
    const due = wish?.claimNoticeDueAt
    if (!wish || !due) return false
    const current =
      wish.claimedAt === due &&
      CLAIM_NOTICE_STATUSES.includes(wish.status) &&
      wish.claimerId !== null &&
      wish.claimDeadline !== null
    if (current) {
      const event = `claim@${due}`
      // The claimer is the caller right after their claim; the sweep reads them.
      const claimer =
        caller?._id === wish.claimerId ? caller : await tx.collection(COLLECTIONS.users).doc(wish.claimerId!).get()
      const who = claimer?.name ? `志愿者${maskName(claimer.name)}` : '志愿者'
      const reach = claimer?.phone ? `，联系电话${claimer.phone}` : ''
      // Due means not queued yet (queueing clears it in this transaction): one insert, no reads.
      await notifyNew(
        tx,
        [
          wishNotice(
            wish,
            event,
            wish.wisherId,
            '心愿已被认领',
            `${who}已认领您的心愿“${thing(wish.text)}”，会尽快与您联系${reach}`,
          ),
          wishNotice(
            wish,
            event,
            wish.claimerId!,
            '认领成功',
            `请在 ${shanghaiDate(new Date(wish.claimDeadline!))} 前完成心愿“${thing(wish.text)}”`,
          ),
        ],
        now,
      )
    }
    await ref.update({ claimNoticeDueAt: null })
    return current
  })
  try {
    return await queue
  } catch (error) {
    // Another run (the sweep, a second tap) queued them between our read and our insert.
    if (isDuplicateWrite(error)) return false
    throw error
  }
}

/** Claims a wish: the winning update, then its notices; only the winner gets the contact. */
export async function claimWish(ctx: ActionContext, input: { wishId: string }) {
  const { claimDeadline, wish } = await takeClaim(ctx, input.wishId)
  await queueClaimNotices(ctx.rt.db, input.wishId, ctx.now(), ctx.requireUser())
  return {
    id: input.wishId,
    status: 'claimed' as const,
    claimDeadline,
    contact: { name: wish.wisherName, phone: wish.wisherPhone },
  }
}
