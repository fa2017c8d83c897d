import type { Db } from '@cloudbase/database'
import type { z } from 'zod'
import type { QuizSetup, QuizStandings, SaveQuizInputSchema } from '../../types/events-quiz'
import { AppError } from '../core/app-error'
import type { ActionContext } from '../core/define-function'
import { collection } from '../core/data'
import { countOf, docWith, join, joinCount } from '../core/joins'
import { notify } from '../core/outbox'
import type { Runtime } from '../core/runtime'
import { mayManageOrThrow } from './access'
import { ATTENDANCE_COLLECTIONS as A } from './attendance-collections'
import { EVENT_COLLECTIONS as E, type EventDoc } from './collections'
import { phoneTail } from './domain/checkin-rules'
import { quizWindowState } from './domain/quiz-rules'
import { QUIZ_COLLECTIONS as Q, type QuizDoc } from './quiz-collections'
import { papersJoin, rankedPapers, requireQuiz } from './quiz-papers'
import { resultNotice, setupView, totalPoints, windowOf } from './quiz-views'
import { loadEvent } from './registrations'

/*
 * 党史知识竞赛, the organisers' side (issue 12): set the questions and the window (until
 * someone has seen the questions), read the ranking with full names; and the sweep that
 * tells each person their result once the window has closed.
 */

type SaveInput = z.output<typeof SaveQuizInputSchema>

async function managed(ctx: ActionContext, eventId: string): Promise<EventDoc> {
  const event = await loadEvent(ctx.rt.db, eventId)
  mayManageOrThrow(ctx, event)
  return event
}

/** The event with `joins` (one request), if the caller may manage it. */
async function managedWith<J extends Parameters<typeof docWith>[3]>(ctx: ActionContext, eventId: string, joins: J) {
  const found = await docWith(ctx.rt.db, E.events, eventId, joins)
  if (!found) throw new AppError('NOT_FOUND', '找不到这个活动')
  mayManageOrThrow(ctx, found.doc)
  return found
}

/** Someone has opened the questions: changing them now would be unfair. */
const anyoneStarted = async (db: Db, eventId: string) =>
  (await collection(db, Q.entries).where({ eventId }).count()) > 0

export async function quizSetup(ctx: ActionContext, eventId: string): Promise<QuizSetup> {
  const found = await managedWith(ctx, eventId, {
    quiz: join(Q.quizzes, { _id: eventId }),
    opened: joinCount(Q.entries, { eventId }),
  })
  const [quiz = null] = found.quiz
  return setupView(found.doc, quiz, quiz ? countOf(found.opened) > 0 : false)
}

function badWindow(message: string): AppError {
  return new AppError('BAD_REQUEST', message, { issues: [{ path: ['closesAt'], message }] })
}

export async function saveQuiz(ctx: ActionContext, input: SaveInput): Promise<QuizSetup> {
  const db = ctx.rt.db
  const event = await managed(ctx, input.eventId)
  if (event.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消，不能设置知识竞赛')
  if (event.status === 'skipped') throw new AppError('CONFLICT', '本期暂停，不能设置知识竞赛')
  if (await anyoneStarted(db, event._id)) throw new AppError('CONFLICT', '已有居民开始答题，题目和时间不能再修改')
  const now = ctx.now().toISOString()
  const doc: QuizDoc = {
    _id: event._id,
    eventId: event._id,
    questions: input.questions.map((q, i) => ({
      id: `q${i + 1}`,
      stem: q.stem,
      options: q.options,
      answer: q.answer,
      points: q.points,
    })),
    opensLocal: input.opensAt,
    closesLocal: input.closesAt,
    closesAt: '',
    resultsQueuedAt: null,
    updatedAt: now,
    updatedBy: ctx.requireCaller().openid,
  }
  const window = windowOf(event, doc)
  if (window.closesAt <= window.opensAt) throw badWindow('答题截止时间应晚于开始时间')
  if (window.closesAt <= now) throw badWindow('答题截止时间已过，请重新选择')
  doc.closesAt = window.closesAt
  const { _id, ...body } = doc
  await collection(db, Q.quizzes).doc(_id).set(body)
  return setupView(event, doc, false)
}

/** The ranking with full names, for the organisers and the prize-giving. */
export async function quizStandings(ctx: ActionContext, eventId: string): Promise<QuizStandings> {
  const found = await managedWith(ctx, eventId, {
    quiz: join(Q.quizzes, { _id: eventId }),
    papers: papersJoin(eventId),
    attended: joinCount(A.attendance, { eventId, status: 'present' }),
  })
  const event = found.doc
  const quiz = requireQuiz(found.quiz[0] ?? null)
  const ranked = await rankedPapers(ctx.rt.db, event._id, found.papers)
  const attended = countOf(found.attended)
  return {
    eventId: event._id,
    title: event.title,
    final: quizWindowState(windowOf(event, quiz), ctx.now()) === 'after',
    totalPoints: totalPoints(quiz),
    attended,
    items: ranked.map((e) => ({
      rank: e.rank,
      name: e.name,
      phoneTail: phoneTail(e.phone),
      score: e.score,
      correctCount: e.correctCount ?? 0,
      elapsedMs: e.elapsedMs,
      submittedAt: e.submittedAt,
    })),
  }
}

/** After a quiz closes: one message per paper with its score and place; safe to run again. */
export async function queueResults(rt: Runtime): Promise<number> {
  const { db } = rt
  const now = rt.clock.now()
  const due = await collection(db, Q.quizzes)
    .where({ resultsQueuedAt: null, closesAt: db.command.lte(now.toISOString()) })
    .orderBy('closesAt', 'asc')
    .limit(20)
    .get()
  let closed = 0
  for (const quiz of due) {
    const event = await collection(db, E.events).doc(quiz.eventId).get()
    const closesAt = event ? windowOf(event, quiz).closesAt : quiz.closesAt
    if (closesAt > now.toISOString()) {
      // The event moved later since the quiz was saved; wait for the new close.
      await collection(db, Q.quizzes).where({ _id: quiz._id, resultsQueuedAt: null }).update({ closesAt })
      continue
    }
    if (event && event.status === 'published') {
      const ranked = await rankedPapers(db, quiz.eventId)
      for (const entry of ranked) await notify(db, resultNotice(event, entry, entry.rank, ranked.length), now)
    }
    await collection(db, Q.quizzes)
      .where({ _id: quiz._id, resultsQueuedAt: null })
      .update({ resultsQueuedAt: now.toISOString() })
    closed++
  }
  return closed
}

export const QUIZ_SWEEPS = [{ name: 'events.quizResults', run: queueResults }]
