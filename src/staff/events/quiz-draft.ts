import { QUIZ_LIMITS as L } from '../../../types/events-quiz-labels'
import type { QuizSetup, SaveQuizInput } from '../../services/events-quiz'

/*
 * The question editor's state and what it sends: pure, so it is tested without a page. The
 * server checks everything again; these checks only say which question needs fixing before
 * a round trip.
 */

export interface QuestionDraft {
  /** A React key, stable while editing. */
  key: string
  stem: string
  options: string[]
  answer: number | null
  points: string
}

export interface QuizDraft {
  questions: QuestionDraft[]
  opensAt: string
  closesAt: string
}

let keySeq = 0
const nextKey = () => `qd-${++keySeq}`

export const emptyQuestion = (): QuestionDraft => ({
  key: nextKey(),
  stem: '',
  options: ['', '', '', ''],
  answer: null,
  points: String(L.defaultPoints),
})

/** The saved quiz as the editor holds it, or one empty question with the default window. */
export function draftFrom(setup: QuizSetup): QuizDraft {
  if (!setup.quiz) return { questions: [emptyQuestion()], ...setup.defaults }
  return {
    questions: setup.quiz.questions.map((q) => ({
      key: nextKey(),
      stem: q.stem,
      options: [...q.options],
      answer: q.answer,
      points: String(q.points),
    })),
    opensAt: setup.quiz.opensAt,
    closesAt: setup.quiz.closesAt,
  }
}

function problemOf(q: QuestionDraft): string | null {
  if (!q.stem.trim()) return '请填写题目'
  const options = q.options.map((o) => o.trim())
  if (options.filter(Boolean).length < L.optionsMin) return `至少填写 ${L.optionsMin} 个选项`
  if (options.some((o) => !o)) return '有空着的选项，请填写或删除'
  if (q.answer === null || q.answer >= options.length) return '请点选正确答案'
  const points = Number(q.points)
  if (!Number.isInteger(points) || points < 1 || points > L.pointsMax) return `分值应为 1 到 ${L.pointsMax} 的整数`
  return null
}

/** What `saveQuiz` takes, or the first problem to fix (第 2 题：请点选正确答案). */
export function toSaveInput(eventId: string, d: QuizDraft): { input: SaveQuizInput } | { problem: string } {
  for (const [i, q] of d.questions.entries()) {
    const problem = problemOf(q)
    if (problem) return { problem: `第 ${i + 1} 题：${problem}` }
  }
  if (d.questions.length === 0) return { problem: '请至少出 1 道题' }
  return {
    input: {
      eventId,
      questions: d.questions.map((q) => ({
        stem: q.stem.trim(),
        options: q.options.map((o) => o.trim()),
        answer: q.answer ?? 0,
        points: Number(q.points),
      })),
      opensAt: d.opensAt.trim() || null,
      closesAt: d.closesAt.trim() || null,
    },
  }
}

/** Removes option `i`, keeping the correct answer on the same option (or clearing it when that one goes). */
export function withoutOption(q: QuestionDraft, i: number): QuestionDraft {
  const answer = q.answer === null || q.answer === i ? null : q.answer > i ? q.answer - 1 : q.answer
  return { ...q, options: q.options.filter((_, j) => j !== i), answer }
}
