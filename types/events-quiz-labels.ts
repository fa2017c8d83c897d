/**
 * 党史知识竞赛 (issue 12): limits the quiz pages state and the `events` contract enforces,
 * and how a result is said. Zod-free so the app imports them directly.
 */

export const QUIZ_LIMITS = {
  questionsMax: 30,
  stemMax: 200,
  optionsMin: 2,
  optionsMax: 6,
  optionTextMax: 60,
  pointsMax: 100,
  defaultPoints: 10,
  /** Without a window of its own, a quiz opens at the event's start and closes this long after its end. */
  closesDaysAfterEnd: 1,
  /** Rows of the attendees' ranking; the caller's own row is answered besides. */
  rankingTop: 50,
} as const

/** Options are shown and read out as A–F. */
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const

export const optionLetter = (i: number): string => OPTION_LETTERS[i] ?? '?'

/**
 * The caller's standing with an event's quiz: `none` no quiz is set; `not_attended` only
 * people who checked in may answer; `not_open` / `closed` outside the window; `open` may
 * answer now; `submitted` answered (the result and the correct answers are theirs to see).
 */
export const QUIZ_STATES = ['none', 'not_attended', 'not_open', 'open', 'submitted', 'closed'] as const
export type QuizState = (typeof QUIZ_STATES)[number]

/** 125 000 ms → 2分05秒; under a minute 48秒. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  const m = Math.floor(s / 60)
  const rest = s % 60
  return m > 0 ? `${m}分${String(rest).padStart(2, '0')}秒` : `${rest}秒`
}
