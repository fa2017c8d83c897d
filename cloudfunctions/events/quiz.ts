import type { z } from 'zod'
import type { MyQuizResult, QUIZ_ACTIONS, QuizRanking, QuizStatus } from '../../types/events-quiz'
import { QUIZ_LIMITS } from '../../types/events-quiz-labels'
import { AppError } from '../core/app-error'
import type { ActionContext } from '../core/define-function'
import { transaction } from '../core/data'
import { mayManage } from './access'
import { markPaper, quizWindowState, type QuizWindow } from './domain/quiz-rules'
import { formatMoment } from './domain/schedule'
import { QUIZ_COLLECTIONS as Q, type QuizDoc, type QuizEntryDoc } from './quiz-collections'
import { attendeeQuiz, entryId, rankedPapers, requireQuiz, type AttendeeQuiz } from './quiz-papers'
import { paperOf, publicRow, resultOf, totalPoints, windowOf } from './quiz-views'

/*
 * 党史知识竞赛, the attendee's side (issue 12): see whether there is a quiz and where one
 * stands, open the questions (the first opening starts the clock, on the server), submit
 * once (scored here; a retry with the same request id answers the same result), and read
 * the ranking with masked names.
 */

type SubmitInput = z.output<(typeof QUIZ_ACTIONS)['submitQuiz']['input']>
type OpenOutput = z.input<(typeof QUIZ_ACTIONS)['openQuiz']['output']>

const windowText = (w: QuizWindow) => `答题时间为 ${formatMoment(w.opensAt)} 至 ${formatMoment(w.closesAt)}`

/**
 * The event, its quiz, the caller's paper and check-in and the submitted papers (one
 * request; without them when `withPapers` is false), if the caller may know of the event: published or cancelled ones, and any
 * their unit organises.
 */
async function visibleQuiz(ctx: ActionContext, eventId: string, withPapers = true): Promise<AttendeeQuiz> {
  const found = await attendeeQuiz(ctx.rt.db, eventId, ctx.requireCaller().openid, withPapers)
  const { event } = found
  if ((event.status === 'draft' || event.status === 'scheduled') && !mayManage(ctx, event))
    throw new AppError('NOT_FOUND', '找不到这个活动')
  return found
}

/** The paper's place: from the papers read with the event, or read afresh (after a submission). */
async function myResult(
  ctx: ActionContext,
  quiz: QuizDoc,
  entry: QuizEntryDoc,
  papers?: QuizEntryDoc[],
): Promise<MyQuizResult> {
  const ranked = await rankedPapers(ctx.rt.db, quiz.eventId, papers)
  return resultOf(quiz, entry, ranked.find((e) => e.openid === entry.openid)?.rank ?? ranked.length)
}

/** Where the caller stands with the event's quiz; nothing about the answers before they submit. */
export async function quizStatus(ctx: ActionContext, eventId: string): Promise<QuizStatus> {
  const { event, quiz, entry, present, papers } = await visibleQuiz(ctx, eventId)
  const base = { eventId: event._id, title: event.title }
  if (!quiz) return { ...base, state: 'none', window: null, questionCount: 0, totalPoints: 0, result: null }
  const window = windowOf(event, quiz)
  const shape = { ...base, window, questionCount: quiz.questions.length, totalPoints: totalPoints(quiz) }
  if (entry?.status === 'submitted')
    return { ...shape, state: 'submitted', result: await myResult(ctx, quiz, entry, papers) }
  if (!present) return { ...shape, state: 'not_attended', result: null }
  const at = quizWindowState(window, ctx.now())
  return { ...shape, state: at === 'before' ? 'not_open' : at === 'after' ? 'closed' : 'open', result: null }
}

/** The questions without answers; the first call records `openedAt`, later calls keep it. */
export async function openQuiz(ctx: ActionContext, eventId: string): Promise<OpenOutput> {
  const db = ctx.rt.db
  const openid = ctx.requireCaller().openid
  const now = ctx.now()
  const found = await visibleQuiz(ctx, eventId, false)
  const { event, present } = found
  const quiz = requireQuiz(found.quiz)
  if (!present) throw new AppError('FORBIDDEN', '签到参加活动后才能答题')
  const window = windowOf(event, quiz)
  const entry = await transaction(db, async (tx) => {
    const ref = tx.collection(Q.entries).doc(entryId(event._id, openid))
    const got = await ref.get()
    if (got) return got
    const state = quizWindowState(window, now)
    if (state !== 'open') return null
    const made: QuizEntryDoc = {
      _id: entryId(event._id, openid),
      eventId: event._id,
      openid,
      name: present.name,
      phone: present.phone,
      status: 'opened',
      openedAt: now.toISOString(),
      submittedAt: null,
      clientRequestId: null,
      chosen: null,
      score: null,
      correctCount: null,
      elapsedMs: null,
    }
    const { _id, ...body } = made
    await ref.set(body)
    return made
  })
  if (entry?.status === 'submitted') throw new AppError('CONFLICT', '您已经交卷了，可以查看成绩和排名')
  const state = quizWindowState(window, now)
  if (state === 'before') throw new AppError('CONFLICT', `竞赛还没开始，${windowText(window)}`)
  if (state === 'after' || !entry) throw new AppError('CONFLICT', `竞赛已结束，${windowText(window)}`)
  return { questions: paperOf(quiz), openedAt: entry.openedAt, closesAt: window.closesAt }
}

/** A retry of the same submission answers its result; any other second paper is refused. */
function alreadySubmitted(entry: QuizEntryDoc, clientRequestId: string): boolean {
  if (entry.status !== 'submitted') return false
  if (entry.clientRequestId === clientRequestId) return true
  throw new AppError('CONFLICT', '您已经交过卷了，每人只能答一次')
}

/** Scores the paper on the server and records it once. */
export async function submitQuiz(ctx: ActionContext, input: SubmitInput): Promise<MyQuizResult> {
  const db = ctx.rt.db
  const now = ctx.now()
  const found = await visibleQuiz(ctx, input.eventId)
  const { event, entry, papers } = found
  const quiz = requireQuiz(found.quiz)
  if (!entry) {
    if (!found.present) throw new AppError('FORBIDDEN', '签到参加活动后才能答题')
    throw new AppError('CONFLICT', '请先打开题目再交卷')
  }
  if (alreadySubmitted(entry, input.clientRequestId)) return myResult(ctx, quiz, entry, papers)
  const window = windowOf(event, quiz)
  if (quizWindowState(window, now) === 'after')
    throw new AppError('CONFLICT', `竞赛已结束，不能再交卷（${windowText(window)}）`)
  const marked = markPaper(quiz.questions, input.answers)
  if ('refused' in marked)
    throw new AppError('BAD_REQUEST', marked.refused, { issues: [{ path: ['answers'], message: marked.refused }] })
  const saved = await transaction(db, async (tx) => {
    const ref = tx.collection(Q.entries).doc(entry._id)
    const cur = await ref.get()
    if (!cur) throw new AppError('CONFLICT', '请先打开题目再交卷')
    if (alreadySubmitted(cur, input.clientRequestId)) return cur
    const next: QuizEntryDoc = {
      ...cur,
      status: 'submitted',
      submittedAt: now.toISOString(),
      clientRequestId: input.clientRequestId,
      chosen: marked.chosen,
      score: marked.score,
      correctCount: marked.correctCount,
      elapsedMs: Math.max(0, now.getTime() - Date.parse(cur.openedAt)),
    }
    const { _id, ...body } = next
    await ref.set(body)
    return next
  })
  return myResult(ctx, quiz, saved)
}

/** The ranking as attendees see it: the top rows and their own, names masked. */
export async function quizRanking(ctx: ActionContext, eventId: string): Promise<QuizRanking> {
  const db = ctx.rt.db
  const openid = ctx.requireCaller().openid
  const found = await visibleQuiz(ctx, eventId)
  const { event } = found
  const quiz = requireQuiz(found.quiz)
  if (!mayManage(ctx, event) && !found.present) throw new AppError('FORBIDDEN', '签到参加活动后才能查看排名')
  const ranked = await rankedPapers(db, event._id, found.papers)
  const mine = ranked.find((e) => e.openid === openid)
  return {
    eventId: event._id,
    title: event.title,
    final: quizWindowState(windowOf(event, quiz), ctx.now()) === 'after',
    total: ranked.length,
    items: ranked.slice(0, QUIZ_LIMITS.rankingTop).map((e) => publicRow(e, openid)),
    mine: mine ? publicRow(mine, openid) : null,
  }
}
