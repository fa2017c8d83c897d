import type { Db } from '@cloudbase/database'
import { collection, isDuplicateWrite } from '../core/data'
import { CASE_COLLECTIONS } from './collections'
import { counterId, formatCaseNumber } from './domain/case-number'

/*
 * Where case numbers come from: one counter document per district prefix and Shanghai day
 * (`case_counters`), incremented and read back in one atomic request *before* the case's
 * transaction, not inside it.
 *
 * Inside the transaction (read the counter, write seq + 1) every submission of a district's
 * day wrote the same document, and the first writer held it until its commit: at 32
 * submissions at once nearly every one lost a write conflict on it and ran its whole
 * transaction again (docs/design.md, "Where a request's CPU goes"). An `updateAndReturn`
 * with `_.inc` is atomic on its own, answers each caller its own value and holds nothing.
 *
 * What that gives up: a number is taken even when the case is then not stored — a repeated
 * request (its case exists, the first answer is sent again) or a crash between the two
 * requests — so a day's numbers are unique and rising but may skip one. A conflict on the
 * figure counters reruns the transaction with the number it already has.
 */

/** The next number of this prefix's Shanghai day: `BL-20261122-0042` (case-number.ts). */
export async function nextCaseNumber(db: Db, prefix: string, now: Date): Promise<string> {
  const counters = collection(db, CASE_COLLECTIONS.counters)
  const _id = counterId(prefix, now)
  const updatedAt = now.toISOString()
  const take = () => counters.where({ _id }).updateAndReturn({ seq: db.command.inc(1), updatedAt })
  let counter = await take()
  if (!counter) {
    // The day's first case: the counter is created at 1 (updateAndReturn does not upsert).
    try {
      await counters.insertMany([{ _id, seq: 1, updatedAt }])
      return formatCaseNumber(prefix, now, 1)
    } catch (error) {
      // Another submission created it first: take the number after theirs.
      if (!isDuplicateWrite(error)) throw error
      counter = await take()
      if (!counter) throw error
    }
  }
  return formatCaseNumber(prefix, now, counter.seq)
}
