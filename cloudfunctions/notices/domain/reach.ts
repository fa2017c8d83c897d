import { createHash } from 'node:crypto'

/*
 * Receipts and what staff may see of them. A receipt's id is an opaque hash of the notice and
 * the person, so the reference staff pass around (`notReached`, `recordFollowUp`) names
 * nobody and differs from notice to notice: no openid leaves the function.
 */

/** Deterministic, so a resumed fan-out finds the receipts it already wrote. */
export function receiptId(noticeId: string, openid: string): string {
  return createHash('sha256').update(`notice-receipt\u0000${noticeId}\u0000${openid}`).digest('hex').slice(0, 32)
}

/**
 * The bucket every receipt is in: counts of a whole notice are counts of this bucket, so
 * one index (noticeId, unitPath, flag) answers both the totals and each unit's figures.
 */
export const ALL_UNITS = '*'

/**
 * The units a recipient lived in when the notice reached them (community, grid, 小区, 楼栋 as
 * far as known), widest first, behind the `ALL_UNITS` bucket. Kept on the receipt, so a
 * resident who moves keeps it where it was.
 */
export function unitPathOf(units: readonly (string | null | undefined)[]): string[] {
  return [ALL_UNITS, ...units.filter((u): u is string => !!u)]
}

/** The narrowest unit of a receipt (its building, or its community when no address is known). */
export function homeUnitOf(unitPath: readonly string[]): string | null {
  return unitPath.length > 1 ? (unitPath.at(-1) ?? null) : null
}

/**
 * Whether a staff member sees a recipient's full name and phone: only someone who works in
 * the recipient's own grid (the grid worker) or below it. Community and street staff, above
 * the grid, and the workers of other grids see the name and phone masked.
 */
export function seesContact(viewerUnits: readonly string[], unitPath: readonly string[]): boolean {
  return unitPath.slice(2).some((u) => viewerUnits.includes(u))
}

export const REMIND_INTERVAL_MS = 24 * 3600_000

/** Remind again: at most once a day, and only for someone who allowed subscribe messages. */
export function remindRefusal(now: Date, remindedAt: string | null, hasGrant: boolean): string | null {
  if (!hasGrant) return '该居民没有开启通知提醒，请电话或上门告知'
  if (remindedAt && now.getTime() - new Date(remindedAt).getTime() < REMIND_INTERVAL_MS)
    return '今天已经提醒过了，明天再试或电话告知'
  return null
}
