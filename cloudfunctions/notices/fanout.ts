import { NOTICE_PRIORITY_LABELS } from '../../types/notices'
import { COLLECTIONS } from '../core/collections'
import { collection, existingIds, isDuplicateWrite, transaction } from '../core/data'
import { grantIdFor, notifyNew } from '../core/outbox'
import { unitsByIds } from '../core/org-cache'
import type { Runtime } from '../core/runtime'
import { NOTICE_COLLECTIONS, type FanoutCursor, type NoticeDoc, type PushState, type ReceiptDoc } from './collections'
import { receiptId } from './domain/reach'
import { applyFilter, readMembers, type Member } from './recipients'

/*
 * Publishing = writing one receipt per recipient, with its outbox record, in batches. Each
 * batch is one transaction that also reads the notice and advances its cursor, its receipts
 * and outbox records each one insert of the whole batch: a crash loses at most the batch in
 * flight (nothing of it is written), a second runner on the same batch conflicts (or finds
 * its ids taken) and stops, and a notice withdrawn in between stops the run.
 */

/** The subscribe-message kind of notices (重要/紧急 only; types/notifications.ts). */
export const NOTICE_PUSH_KIND = 'noticeUrgent' as const

export interface FanoutOptions {
  batchSize?: number
  /** Batches this run may write; the scheduler's sweep continues where it stops. */
  maxBatches?: number
  /** Called after each committed batch; throwing from it simulates a crash there. */
  onBatch?: (batches: number) => void | Promise<void>
}

export const FANOUT_DEFAULTS = { batchSize: 200, inlineBatches: 5, sweepBatches: 100 } as const

export function newCursor(targetIds: string[]): FanoutCursor {
  return { targetIds, target: 0, after: '', batches: 0, written: 0, done: false }
}

async function grantsOf(rt: Runtime, notice: NoticeDoc, members: Member[]): Promise<Set<string>> {
  const db = rt.db
  const ids = members.flatMap((m) => grantIdFor(rt.templates, m.openid, NOTICE_PUSH_KIND) ?? [])
  if (notice.priority === 'normal' || ids.length === 0) return new Set()
  const grants = await collection(db, COLLECTIONS.subscriptions)
    .where({ _id: db.command.in(ids) })
    .limit(ids.length)
    .get()
  return new Set(grants.filter((g) => g.remaining > 0).map((g) => g.openid))
}

function receiptFor(notice: NoticeDoc, member: Member, push: PushState, at: string): Omit<ReceiptDoc, '_id'> {
  return {
    noticeId: notice._id,
    openid: member.openid,
    unitPath: member.unitPath,
    kind: notice.kind,
    title: notice.title,
    summary: notice.summary,
    category: notice.category,
    priority: notice.priority,
    unitName: notice.unitName,
    publishedAt: notice.publishedAt ?? at,
    pinnedUntil: notice.pinnedUntil,
    expiresAt: notice.expiresAt,
    ackRequired: notice.ackRequired,
    withdrawn: false,
    read: false,
    readAt: null,
    acked: false,
    ackedAt: null,
    reachedBy: 'none',
    followUp: null,
    push,
    remindedAt: null,
    following: false,
    createdAt: at,
  }
}

/**
 * The outbox record that tells one recipient about a notice (or a later change to it). The
 * in-app message goes out at once; quiet hours hold the push at drain unless `urgent`
 * (紧急), which is the outbox's one rule for every feature (types/quiet-hours.ts).
 */
export function noticeMessage(notice: NoticeDoc, openid: string, key: string, title: string, withPush: boolean) {
  return {
    dedupeKey: key,
    openid,
    title,
    body: notice.summary,
    link: `/pages/notices/detail?id=${notice._id}`,
    template: withPush
      ? {
          kind: NOTICE_PUSH_KIND,
          data: { title: notice.title, summary: notice.summary, priority: NOTICE_PRIORITY_LABELS[notice.priority] },
          urgent: notice.priority === 'urgent',
        }
      : undefined,
  }
}

/** What a batch did, and the notice as its transaction left it (the next batch starts from it). */
type BatchOutcome = { outcome: 'written' | 'finished'; notice: NoticeDoc } | { outcome: 'stopped' }

async function writeBatch(
  rt: Runtime,
  notice: NoticeDoc,
  cursor: FanoutCursor,
  batchSize: number,
): Promise<BatchOutcome> {
  const { db } = rt
  const targetId = cursor.targetIds[cursor.target]
  const target = targetId === undefined ? null : ((await unitsByIds(db, [targetId])).get(targetId) ?? null)
  const page = target ? await readMembers(db, target, cursor.after, batchSize) : []
  const members = await applyFilter(db, page, notice.audience.filter)
  const ids = new Map(members.map((m) => [m.openid, receiptId(notice._id, m.openid)]))
  // Only a notice to several units can reach someone twice (a person moved between two of them).
  const several = cursor.targetIds.length > 1
  const [granted, existing] = await Promise.all([
    grantsOf(rt, notice, members),
    // A person reached through another unit of the notice already has a receipt.
    several ? existingIds(db, NOTICE_COLLECTIONS.receipts, [...ids.values()]) : new Set<string>(),
  ])
  const fresh = members.filter((m) => !existing.has(ids.get(m.openid)!))
  const now = rt.clock.now()
  const at = now.toISOString()
  const lastTarget = page.length < batchSize
  const next: FanoutCursor = {
    ...cursor,
    target: lastTarget ? cursor.target + 1 : cursor.target,
    after: lastTarget ? '' : page[page.length - 1]!.openid,
    batches: cursor.batches + 1,
    written: cursor.written + fresh.length,
  }
  next.done = next.target >= next.targetIds.length

  try {
    return await transaction(db, async (tx): Promise<BatchOutcome> => {
      const current = await tx.collection(NOTICE_COLLECTIONS.notices).doc(notice._id).get()
      if (!current || current.status !== 'publishing') return { outcome: 'stopped' }
      if (current.fanout?.target !== cursor.target || current.fanout.after !== cursor.after)
        return { outcome: 'stopped' } // another runner moved on
      // The batch's receipts and their messages in one insert each: an id that exists after
      // all (written since the read above) fails the whole batch rather than doubling it.
      const push = (m: Member): PushState =>
        notice.priority === 'normal' ? 'none' : granted.has(m.openid) ? 'queued' : 'no_grant'
      await tx
        .collection(NOTICE_COLLECTIONS.receipts)
        .insertMany(fresh.map((m) => ({ _id: ids.get(m.openid)!, ...receiptFor(current, m, push(m), at) })))
      const key = (m: Member) => `notice:${notice._id}:${ids.get(m.openid)!}`
      const title = `社区通知：${current.title}`
      await notifyNew(
        tx,
        fresh.map((m) => noticeMessage(current, m.openid, key(m), title, push(m) === 'queued')),
        now,
      )
      const finished = next.done ? { status: 'published' as const, recipientCount: next.written } : {}
      await tx
        .collection(NOTICE_COLLECTIONS.notices)
        .doc(notice._id)
        .update({ fanout: db.command.set(next), ...finished, updatedAt: at })
      return {
        outcome: next.done ? 'finished' : 'written',
        notice: { ...current, fanout: next, ...finished, updatedAt: at },
      }
    })
  } catch (error) {
    // A second runner committed this batch between our read of the receipts and our insert:
    // it moved on, as when the cursor check above finds it moved.
    if (isDuplicateWrite(error)) return { outcome: 'stopped' }
    throw error
  }
}

/**
 * Writes batches from the cursor of `notice` (as last read or written) until the fan-out is
 * done, stopped or has written `maxBatches`. Each batch's transaction reads the notice again,
 * so the state one batch left is where the next starts. `last` is the notice as the final
 * batch left it, or null when a batch found it withdrawn or moved on by another runner.
 */
async function fanoutFrom(
  rt: Runtime,
  first: NoticeDoc | null,
  options: FanoutOptions,
): Promise<{ ran: number; last: NoticeDoc | null }> {
  const batchSize = options.batchSize ?? FANOUT_DEFAULTS.batchSize
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY
  let notice = first
  let ran = 0
  while (ran < maxBatches) {
    if (!notice || notice.status !== 'publishing' || !notice.fanout || notice.fanout.done) break
    const result = await writeBatch(rt, notice, notice.fanout, batchSize)
    if (result.outcome === 'stopped') return { ran, last: null }
    ran++
    await options.onBatch?.(notice.fanout.batches + 1)
    notice = result.notice
    if (result.outcome === 'finished') break
  }
  return { ran, last: notice }
}

/**
 * Runs a notice's fan-out from its cursor until it is done, stopped (withdrawn) or has
 * written `maxBatches` batches. Returns how many batches it wrote.
 */
export async function runFanout(rt: Runtime, noticeId: string, options: FanoutOptions = {}): Promise<number> {
  const notice = await collection(rt.db, NOTICE_COLLECTIONS.notices).doc(noticeId).get()
  return (await fanoutFrom(rt, notice, options)).ran
}

/** The fan-out of a notice just moved to publishing (no read of it): the notice as it left it, or null. */
export async function continueFanout(
  rt: Runtime,
  started: NoticeDoc,
  options: FanoutOptions,
): Promise<NoticeDoc | null> {
  return (await fanoutFrom(rt, started, options)).last
}
