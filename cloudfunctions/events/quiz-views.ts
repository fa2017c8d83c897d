import type { z } from 'zod'
import type { MyQuizResult, QuizPaperQuestionSchema, QuizSetup } from '../../types/events-quiz'
import { maskName } from '../../types/mask'
import type { NotifyInput } from '../core/outbox'
import type { EventDoc } from './collections'
import { eventNotice } from './domain/notices'
import { defaultQuizWindow, type QuizWindow } from './domain/quiz-rules'
import { instantToLocal, localToInstant } from './domain/schedule'
import type { QuizDoc, QuizEntryDoc } from './quiz-collections'

/*
 * Quiz documents → the contract's views, field by field. The correct option leaves the
 * server only in the organisers' setup and in a person's own submitted paper; ranking rows
 * carry a masked name and never an openid.
 */

type PaperQuestion = z.infer<typeof QuizPaperQuestionSchema>

/** The window in force: as staff typed it, else the event's start until a day after its end. */
export function windowOf(event: Pick<EventDoc, 'startAt' | 'endAt'>, quiz: QuizDoc): QuizWindow {
  const d = defaultQuizWindow(event.startAt, event.endAt)
  return {
    opensAt: quiz.opensLocal ? localToInstant(quiz.opensLocal).toISOString() : d.opensAt,
    closesAt: quiz.closesLocal ? localToInstant(quiz.closesLocal).toISOString() : d.closesAt,
  }
}

export const totalPoints = (quiz: QuizDoc): number => quiz.questions.reduce((n, q) => n + q.points, 0)

/** The questions without their answers: what a person sees before submitting. */
export const paperOf = (quiz: QuizDoc): PaperQuestion[] =>
  quiz.questions.map((q) => ({ id: q.id, stem: q.stem, options: q.options, points: q.points }))

/** A submitted paper with the correct answers beside what was chosen. */
export function resultOf(quiz: QuizDoc, entry: QuizEntryDoc, rank: number): MyQuizResult {
  const chosen = entry.chosen ?? []
  return {
    score: entry.score ?? 0,
    totalPoints: totalPoints(quiz),
    correctCount: entry.correctCount ?? 0,
    questionCount: quiz.questions.length,
    elapsedMs: entry.elapsedMs ?? 0,
    submittedAt: entry.submittedAt ?? entry.openedAt,
    rank,
    review: quiz.questions.map((q, i) => ({
      id: q.id,
      stem: q.stem,
      options: q.options,
      points: q.points,
      chosen: chosen[i] ?? null,
      correct: q.answer,
      right: chosen[i] === q.answer,
    })),
  }
}

export function setupView(event: EventDoc, quiz: QuizDoc | null, locked: boolean): QuizSetup {
  const d = defaultQuizWindow(event.startAt, event.endAt)
  const w = quiz ? windowOf(event, quiz) : null
  return {
    eventId: event._id,
    title: event.title,
    defaults: { opensAt: instantToLocal(d.opensAt), closesAt: instantToLocal(d.closesAt) },
    quiz:
      quiz && w
        ? {
            questions: quiz.questions.map((q) => ({ ...q, options: [...q.options] })),
            opensAt: instantToLocal(w.opensAt),
            closesAt: instantToLocal(w.closesAt),
            locked,
          }
        : null,
  }
}

/** A row of the attendees' ranking. */
export const publicRow = (e: QuizEntryDoc & { rank: number }, openid: string | null) => ({
  rank: e.rank,
  name: maskName(e.name),
  score: e.score ?? 0,
  elapsedMs: e.elapsedMs ?? 0,
  mine: e.openid === openid,
})

/** 您的竞赛成绩：85 分，第 3 名 — once the window has closed; one per person and quiz. */
export function resultNotice(event: EventDoc, entry: QuizEntryDoc, rank: number, total: number): NotifyInput {
  const notice = eventNotice(
    event,
    entry.openid,
    `quiz:${entry.openid}:result`,
    '知识竞赛成绩',
    `「${event.title}」知识竞赛已结束。您的竞赛成绩：${entry.score ?? 0} 分，第 ${rank} 名（共 ${total} 人答题）。`,
    '已出成绩',
  )
  return { ...notice, link: `/pages/events/quiz?id=${encodeURIComponent(event._id)}` }
}
