/*
 * Writes cut to a goal (issue 18), each with what its requests are: a change that makes one
 * of them dearer fails round-trips.test.ts. "Caller" is the user and roles read of every
 * signed-in call; a transaction costs its start and commit besides what it reads and writes.
 */

/** Most requests each of these actions may send, as the round-trip scripts play them. */
export const WRITES_AT_GOAL: Record<string, number> = {
  // caller; transaction: the wish read and written, the claim slot read and written, the notice
  'wishes.fulfil': 8,
  'wishes.release': 8,
  'wishes.dispute': 8,
  // caller; transaction: the wish read and written, the ledger entry, the notice
  'wishes.confirm': 7,
  // caller; transaction: the wish read and written, the notice
  'wishes.review': 6,
  'wishes.hide': 6,
  'wishes.thank': 6,
}
