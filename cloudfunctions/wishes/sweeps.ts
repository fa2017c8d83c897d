import { AppError } from '../core/app-error'
import { collection, transaction } from '../core/data'
import { notify } from '../core/outbox'
import type { Runtime } from '../core/runtime'
import { queueClaimNotices } from './claims'
import { WISH_COLLECTIONS as W, type DigestDoc, type WishDoc } from './collections'
import { DAY_MS, shanghaiDate } from './domain/dates'
import { staffOf } from './notices'
import { loadSettings } from './settings'
import { steps } from './steps'
import { applyTransition } from './transitions'

const BATCH = 200
/** A claim request finishes within milliseconds; the sweeps only take what is older than this. */
const CLAIM_NOTICE_GRACE_MS = 60_000

/** Runs one system transition per wish; a wish another actor changed meanwhile is skipped. */
async function sweepEach(wishes: WishDoc[], run: (wish: WishDoc) => Promise<unknown>): Promise<number> {
  let done = 0
  for (const wish of wishes) {
    try {
      await run(wish)
      done++
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error
    }
  }
  return done
}

/**
 * Claims whose notices were never queued — the process died between the winning update and
 * the notices — get them now. Runs before `expireClaims`, so a claim's own notices go out
 * before any expiry notice about it.
 */
export async function claimNotices(rt: Runtime): Promise<{ queued: number }> {
  const now = rt.clock.now()
  const _ = rt.db.command
  const due = await collection(rt.db, W.wishes)
    .where({ claimNoticeDueAt: _.lte(new Date(now.getTime() - CLAIM_NOTICE_GRACE_MS).toISOString()) })
    .limit(BATCH)
    .field({ _id: true })
    .get()
  let queued = 0
  for (const wish of due) if (await queueClaimNotices(rt.db, wish._id, now)) queued++
  return { queued }
}

/**
 * Claim slots a crash left taken: a claim that died between reserving its slot and winning
 * the wish (or before giving a losing slot back) left `open` one too high for good, and a
 * volunteer holding nothing was refused. Each slot taken more than the grace minute ago is
 * recounted once against the wishes its volunteer holds (`claimed`, the only status that
 * holds a slot). The count is a query, so it runs outside the transaction; the transaction
 * applies it only if the slot did not change meanwhile (every take re-marks it, every give
 * back lowers `open`), else the mark stays for the next run. It only ever lowers `open`: a
 * claim slower than the grace minute could otherwise end up holding no slot.
 */
export async function repairClaimSlots(rt: Runtime): Promise<{ repaired: number }> {
  const { db } = rt
  const now = rt.clock.now()
  const _ = db.command
  const due = await collection(db, W.claimSlots)
    .where({ auditDueAt: _.lte(new Date(now.getTime() - CLAIM_NOTICE_GRACE_MS).toISOString()) })
    .limit(BATCH)
    .get()
  let repaired = 0
  for (const seen of due) {
    const held = await collection(db, W.wishes).where({ claimerId: seen._id, status: 'claimed' }).count()
    const fixed = await transaction(db, async (tx) => {
      const ref = tx.collection(W.claimSlots).doc(seen._id)
      const slot = await ref.get()
      if (!slot || slot.open !== seen.open || slot.auditDueAt !== seen.auditDueAt) return false
      await ref.update({ open: Math.min(slot.open, held), auditDueAt: null })
      return slot.open > held
    })
    if (fixed) repaired++
  }
  return { repaired }
}

/**
 * Claims past their deadline go back to the wall; the wisher and the volunteer are told.
 * The deadline is re-checked inside the transaction: a claim released and re-claimed since
 * the query has a new deadline and must not be expired.
 */
export async function expireClaims(rt: Runtime): Promise<{ expired: number }> {
  const now = rt.clock.now()
  const _ = rt.db.command
  const due = await collection(rt.db, W.wishes)
    .where({ status: 'claimed', claimDeadline: _.lte(now.toISOString()) })
    .limit(BATCH)
    .get()
  const expired = await sweepEach(due, (wish) =>
    applyTransition(
      rt.db,
      wish._id,
      (current) =>
        current.claimDeadline !== null && current.claimDeadline <= now.toISOString() ? ['system'] : ['other'],
      () => steps.expire(),
      now,
    ).catch((error: unknown) => {
      // A fresh claim makes the system "other": FORBIDDEN here means "not due any more".
      if (error instanceof AppError && error.code === 'FORBIDDEN') throw new AppError('CONFLICT', 'not due')
      throw error
    }),
  )
  return { expired }
}

/** Fulfilled wishes nobody answered within the community's window are confirmed and credited. */
export async function autoConfirm(rt: Runtime): Promise<{ confirmed: number }> {
  const now = rt.clock.now()
  const _ = rt.db.command
  const due = await collection(rt.db, W.wishes)
    .where({ status: 'fulfilled', autoConfirmAt: _.lte(now.toISOString()) })
    .limit(BATCH)
    .get()
  const confirmed = await sweepEach(due, (wish) =>
    applyTransition(
      rt.db,
      wish._id,
      () => ['system'],
      async (current) => steps.confirm(await loadSettings(rt.db, current.communityId), 'system'),
      now,
    ),
  )
  return { confirmed }
}

/**
 * Open wishes unclaimed for longer than the community's `digestAfterDays` go into that
 * community's digest of the day, which staff export and send to partner units. A wish goes
 * into one digest only (`digestId` is set with it, in one transaction).
 */
export async function collectDigests(rt: Runtime): Promise<{ digests: number; wishes: number }> {
  const { db } = rt
  const now = rt.clock.now()
  const candidates = await collection(db, W.wishes)
    .where({ status: 'open', digestId: null })
    .orderBy('openedAt', 'asc')
    .limit(1000)
    .get()
  const byCommunity = new Map<string, WishDoc[]>()
  for (const wish of candidates) {
    const list = byCommunity.get(wish.communityId) ?? []
    list.push(wish)
    byCommunity.set(wish.communityId, list)
  }
  const period = shanghaiDate(now)
  let digests = 0
  let total = 0
  for (const [communityId, wishes] of byCommunity) {
    const settings = await loadSettings(db, communityId)
    const cutoff = new Date(now.getTime() - settings.digestAfterDays * DAY_MS).toISOString()
    const stale = wishes.filter((w) => w.openedAt !== null && w.openedAt <= cutoff)
    if (stale.length === 0) continue
    const id = `${communityId}:${period}`
    // Transactions hold single-document operations only, so the query runs before it.
    const staff = await staffOf(db, communityId)
    const added = await transaction(db, async (tx) => {
      const ids: string[] = []
      for (const w of stale) {
        const ref = tx.collection(W.wishes).doc(w._id)
        const current = await ref.get()
        if (!current || current.status !== 'open' || current.digestId) continue
        await ref.update({ digestId: id })
        ids.push(w._id)
      }
      if (ids.length === 0) return ids
      const digestRef = tx.collection(W.digests).doc(id)
      const existing = await digestRef.get()
      if (existing) await digestRef.update({ wishIds: [...existing.wishIds, ...ids] })
      else {
        const doc: Omit<DigestDoc, '_id'> = {
          communityId,
          period,
          wishIds: ids,
          createdAt: now.toISOString(),
          sentTo: [],
          sentAt: null,
          sentBy: null,
        }
        await digestRef.set(doc)
      }
      for (const openid of staff) {
        await notify(
          tx,
          {
            dedupeKey: `wish-digest:${id}:${ids.length}:${openid}`,
            openid,
            title: '未认领心愿汇总',
            body: `有 ${ids.length} 个心愿超过 ${settings.digestAfterDays} 天无人认领，已汇总，可导出发送相关单位`,
            link: `/staff/wishes/index?communityId=${encodeURIComponent(communityId)}&tab=digests`,
            template: {
              kind: 'staffTodo',
              data: { task: '未认领心愿汇总', count: String(ids.length), status: '待处理' },
            },
          },
          now,
        )
      }
      return ids
    })
    if (added.length > 0) {
      digests++
      total += added.length
    }
  }
  return { digests, wishes: total }
}

/** The wish wall's sweeps, in the order the scheduler runs them. */
export const WISH_SWEEPS = [
  { name: 'wishes.claimNotices', run: claimNotices },
  { name: 'wishes.repairClaimSlots', run: repairClaimSlots },
  { name: 'wishes.expireClaims', run: expireClaims },
  { name: 'wishes.autoConfirm', run: autoConfirm },
  { name: 'wishes.digest', run: collectDigests },
]
