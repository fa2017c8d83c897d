/*
 * Wish dates. "Needed by" and digest periods are Asia/Shanghai calendar days (UTC+8, no
 * daylight saving); deadlines are instants.
 */

export const DAY_MS = 86_400_000

/** The Asia/Shanghai calendar date of an instant: "needed by" dates are local days. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** The instant `days` days after `at`, as stored. */
export function addDays(at: Date, days: number): string {
  return new Date(at.getTime() + days * DAY_MS).toISOString()
}
