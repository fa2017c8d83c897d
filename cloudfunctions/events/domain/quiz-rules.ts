import { QUIZ_LIMITS } from '../../../types/events-quiz-labels'

/*
 * 党史知识竞赛 (issue 12), the pure rules: the answer window, scoring a paper, and the
 * ranking — score first, then time taken, then who submitted first. No database, no clock.
 */

const DAY_MS = 86_400_000

export interface QuizWindow {
  opensAt: string
  closesAt: string
}

/** Without a window of its own, a quiz is open from the event's start until a day after its end. */
export function defaultQuizWindow(startAt: string, endAt: string): QuizWindow {
  return {
    opensAt: startAt,
    closesAt: new Date(Date.parse(endAt) + QUIZ_LIMITS.closesDaysAfterEnd * DAY_MS).toISOString(),
  }
}

export type QuizWindowState = 'before' | 'open' | 'after'

/** Open from `opensAt` (inclusive) to `closesAt` (exclusive). */
export function quizWindowState(w: QuizWindow, at: Date): QuizWindowState {
  const t = at.toISOString()
  if (t < w.opensAt) return 'before'
  return t < w.closesAt ? 'open' : 'after'
}

export interface KeyedQuestion {
  id: string
  answer: number
  points: number
}

export interface Marked {
  score: number
  correctCount: number
  /** The option chosen for each question, in the quiz's order; null where left blank. */
  chosen: Array<number | null>
}

/**
 * Scores a paper, or says why it cannot be scored: an answer to a question the quiz does not
 * have, or two answers to one question. A question left out or answered null scores nothing.
 */
export function markPaper(
  questions: readonly KeyedQuestion[],
  answers: ReadonlyArray<{ questionId: string; option: number | null }>,
): Marked | { refused: string } {
  const given = new Map<string, number | null>()
  for (const a of answers) {
    if (!questions.some((q) => q.id === a.questionId)) return { refused: '答卷里有不属于本次竞赛的题目，请刷新后重答' }
    if (given.has(a.questionId)) return { refused: '同一道题只能选一个答案' }
    given.set(a.questionId, a.option)
  }
  const chosen = questions.map((q) => given.get(q.id) ?? null)
  const right = questions.map((q, i) => chosen[i] === q.answer)
  return {
    score: questions.reduce((n, q, i) => n + (right[i] ? q.points : 0), 0),
    correctCount: right.filter(Boolean).length,
    chosen,
  }
}

export interface Paper {
  key: string
  score: number
  elapsedMs: number
  submittedAt: string
}

/** Higher score first; then less time taken; then the earlier submission. */
export function comparePapers(a: Paper, b: Paper): number {
  return (
    b.score - a.score ||
    a.elapsedMs - b.elapsedMs ||
    (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0)
  )
}

/**
 * The ranking: papers in order with their place. Only papers equal on all three keys share a
 * place (1, 2, 2, 4); among those the key decides the order shown, so it is stable.
 */
export function rankPapers<P extends Paper>(papers: readonly P[]): Array<P & { rank: number }> {
  const sorted = [...papers].sort((a, b) => comparePapers(a, b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const out: Array<P & { rank: number }> = []
  sorted.forEach((p, i) => {
    const prev = out[i - 1]
    const rank = prev && comparePapers(prev, p) === 0 ? prev.rank : i + 1
    out.push({ ...p, rank })
  })
  return out
}
