import type { Rating, Satisfaction } from '../../../types/cases'
import { inShanghai } from './deadlines'

/*
 * The satisfaction callback (回访反馈, 一事一评): the petitioner rates a resolved case once.
 * 满意 / 基本满意 close it. 不满意 reopens it to the same unit once, flagged, with fresh
 * deadlines; the rating of that second round is final whatever it is, so no case can
 * bounce between unit and petitioner forever. No rating within two weeks of resolution
 * ("2周内回访群众") turns into a revisit task for the unit's staff, who record the answer
 * they get by phone or visit in the same way.
 */

export const REVISIT_AFTER_DAYS = 14
export const MAX_REOPENS = 1

/** When the revisit task falls due: 14 Shanghai days after resolution. */
export function revisitDueAt(resolvedAt: Date): Date {
  return inShanghai(resolvedAt).add(REVISIT_AFTER_DAYS, 'day').toDate()
}

export function isSatisfied(value: Satisfaction): boolean {
  return value === 'satisfied' || value === 'basically_satisfied'
}

export interface RatableCase {
  status: string
  rating: Rating | null
  reopenCount: number
  revisitDueAt: string | null
}

/** A resolved case nobody has rated whose two weeks are over: show it in the revisit box. */
export function needsRevisit(c: RatableCase, now: Date): boolean {
  return c.status === 'resolved' && !c.rating && !!c.revisitDueAt && now.getTime() >= Date.parse(c.revisitDueAt)
}

export interface RatingOutcome {
  /** What is recorded on the case. */
  rating: Rating
  /** True when the case goes back to the unit (不满意 in the first round). */
  reopen: boolean
  /** The status the case moves to. */
  status: 'closed' | 'processing'
  /** Timeline text, as the petitioner reads it. */
  text: string
}

/**
 * The consequences of one rating, from the petitioner or from a revisit. The state machine
 * has already checked who and when; this says what changes.
 */
export function applyRating(
  c: Pick<RatableCase, 'reopenCount'>,
  value: Satisfaction,
  comment: string,
  source: Rating['source'],
  now: Date,
): RatingOutcome {
  const rating: Rating = { value, comment, source, ratedAt: now.toISOString() }
  const reopen = value === 'dissatisfied' && c.reopenCount < MAX_REOPENS
  const who = source === 'revisit' ? '回访' : '诉求人评价'
  const word = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' }[value]
  const tail = reopen ? '，诉求重新交办' : '，诉求结案'
  return {
    rating,
    reopen,
    status: reopen ? 'processing' : 'closed',
    text: `${who}：${word}${comment ? `（${comment}）` : ''}${tail}`,
  }
}
