/**
 * 活动统计 (issue 12): the words the figures page and its export show. Zod-free so the app
 * imports them directly.
 */

/** The kinds every community is asked to hold once a month; the figures say yes or no for each. */
export const MONTHLY_KINDS = ['bench_meeting', 'party_story', 'party_quiz'] as const
export type MonthlyKind = (typeof MONTHLY_KINDS)[number]

/** `2026-11` → `2026年11月`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/** 0.875 → `87.5%`; a rate with nothing to divide by → `—`. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`
}

/** 活动评价: a comment's length, and how long after the end people may rate. */
export const RATING_LIMITS = { commentMax: 200, days: 30 } as const
