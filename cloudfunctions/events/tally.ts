import type { Db } from '@cloudbase/database'
import { collectionName, type Tx } from '../core/data'
import { join } from '../core/joins'
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

/** The event's tally, read with the event (`docWith`): whether one is stored yet. */
export const tallyJoin = (eventId: string) => join(TALLY_COLLECTION, { _id: eventId })

/**
 * Adds `delta` to the event's tally inside the caller's transaction: one update that adds
 * each count where it is stored (`_.inc`, as the read-add-write it replaces would). For an
 * event without a tally yet — `stored` false from what the caller read, or the update
 * finding nothing — a read and a whole write.
 */
export async function moveTally(db: Db, tx: Tx, eventId: string, delta: Tally, now: Date, stored = true) {
  if (isZeroTally(delta)) return
  const ref = tx.collection(TALLY_COLLECTION).doc(eventId)
  const moved = TALLY_KEYS.filter((k) => delta[k] !== 0).map((k) => [k, db.command.inc(delta[k])])
  if (stored && (await ref.update({ ...Object.fromEntries(moved), updatedAt: now.toISOString() })) === 1) return
  const next = addTally(pickTally(await ref.get()), delta)
  await ref.set({ ...next, updatedAt: now.toISOString() })
}

/** The tally move for an attendance record going from `before` (null: new) to `after`. */
export function recordMoved(
  db: Db,
  tx: Tx,
  eventId: string,
  moved: { before: TallyRecord | null; after: TallyRecord },
  now: Date,
  stored = true,
) {
  return moveTally(db, tx, eventId, tallyDelta(moved.before, moved.after), now, stored)
}
