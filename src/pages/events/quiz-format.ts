import { formatElapsed, type QuizState } from '../../../types/events-quiz-labels'
import type { PaperQuestion, QuizAnswer, QuizStatus, RankingRow } from '../../services/events-quiz'
import { formatDeadline } from './format'

/*
 * What the quiz pages say, and the paper as it is sent: pure, so it is tested without a page.
 */

/** The line under the quiz's title for each state (nothing for `open` and `submitted`, which show more). */
export function statusLine(s: Pick<QuizStatus, 'state' | 'window'>): string {
  const window = s.window ? `答题时间：${formatDeadline(s.window.opensAt)} 至 ${formatDeadline(s.window.closesAt)}` : ''
  const lines: Record<QuizState, string> = {
    none: '这个活动没有知识竞赛',
    not_attended: '签到参加活动后才能答题。如已到场，请找工作人员签到。',
    not_open: `竞赛还没开始。${window}`,
    open: window,
    submitted: '',
    closed: `竞赛已结束，感谢关注。${window}`,
  }
  return lines[s.state]
}

/** Every question in order, with the chosen option or null where left blank. */
export function paperAnswers(
  questions: readonly PaperQuestion[],
  picks: Readonly<Record<string, number>>,
): QuizAnswer[] {
  return questions.map((q) => ({ questionId: q.id, option: picks[q.id] ?? null }))
}

export function unansweredCount(questions: readonly PaperQuestion[], picks: Readonly<Record<string, number>>): number {
  return questions.filter((q) => picks[q.id] === undefined).length
}

/** 第 2 名 · 35 分 · 用时 2分05秒 */
export function rankLine(row: Pick<RankingRow, 'rank' | 'score' | 'elapsedMs'>): string {
  return `第 ${row.rank} 名 · ${row.score} 分 · 用时 ${formatElapsed(row.elapsedMs)}`
}

/** A request id made once per paper: a retry after a lost answer is the same submission. */
export const newQuizRequestId = (): string =>
  `quiz-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
