import { collectionName, type Tx } from '../core/data'
import {
  addTally,
  isZeroTally,
  TALLY_KEYS,
  tallyDelta,
  zeroTally,
  type Tally,
  type TallyRecord,
} from './domain/figures'

/*
 * Each event's tally for 活动统计, kept as a counter instead of recounted from the
 * attendance records: every write that changes a record's contribution — a check-in, an
 * absence, hours credited, hours reversed, a rating — moves the difference into
 * `event_tallies/<eventId>` in the same transaction as the record itself. So a month's
 * figures read one small document per event, however many people came, and are exactly
 * what recounting the records would give (figures.test.ts recounts after each test).
 *
 * Why a document of its own rather than fields on the event: the event is read by every
 * action and edited by staff; the tally is written at the door, many times a minute.
 */

export interface TallyDoc extends Tally {
  _id: string
  updatedAt: string
}

export const TALLY_COLLECTION = collectionName<TallyDoc>('event_tallies')

/** Just the counts of a stored tally (a count missing in an older document as 0). */
export function pickTally(d: Partial<Tally> | null): Tally {
  const t = zeroTally()
  for (const k of TALLY_KEYS) t[k] = d?.[k] ?? 0
  return t
}

/** Adds `delta` to the event's tally inside the caller's transaction (read, add, write whole: doc ops only). */
export async function moveTally(tx: Tx, eventId: string, delta: Tally, now: Date): Promise<void> {
  if (isZeroTally(delta)) return
  const ref = tx.collection(TALLY_COLLECTION).doc(eventId)
  const next = addTally(pickTally(await ref.get()), delta)
  await ref.set({ ...next, updatedAt: now.toISOString() })
}

/** The tally move for an attendance record going from `before` (null: new) to `after`. */
export function recordMoved(tx: Tx, eventId: string, before: TallyRecord | null, after: TallyRecord, now: Date) {
  return moveTally(tx, eventId, tallyDelta(before, after), now)
}
