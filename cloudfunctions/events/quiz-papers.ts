import type { Db } from '@cloudbase/database'
import { AppError } from '../core/app-error'
import { collection } from '../core/data'
import { docWith, join } from '../core/joins'
import { ATTENDANCE_COLLECTIONS as A, type AttendanceDoc } from './attendance-collections'
import { EVENT_COLLECTIONS as E, type EventDoc } from './collections'
import { rankPapers } from './domain/quiz-rules'
import { QUIZ_COLLECTIONS as Q, type QuizDoc, type QuizEntryDoc } from './quiz-collections'

/*
 * What the quiz actions and the results sweep read: the quiz, a person's check-in, and the
 * submitted papers in ranking order.
 */

const PAGE = 500

export const entryId = (eventId: string, openid: string) => `${eventId}:${openid}`

export async function loadQuiz(db: Db, eventId: string): Promise<QuizDoc> {
  return requireQuiz(await collection(db, Q.quizzes).doc(eventId).get())
}

/** The person's check-in record for the event, or null when they did not attend. */
export async function presentRecord(db: Db, eventId: string, openid: string): Promise<AttendanceDoc | null> {
  const [doc] = await collection(db, A.attendance).where({ eventId, openid, status: 'present' }).limit(1).get()
  return doc ?? null
}

export type RankedEntry = QuizEntryDoc & {
  rank: number
  key: string
  score: number
  elapsedMs: number
  submittedAt: string
}

/** The first page of the event's submitted papers, read with the event (`docWith`). */
export const papersJoin = (eventId: string) =>
  join(Q.entries, { eventId, status: 'submitted' }, { orderBy: ['submittedAt', 'asc'], limit: PAGE })

/** Every submitted paper of the event, in ranking order with its place; `firstPage` is what `papersJoin` brought. */
export async function rankedPapers(db: Db, eventId: string, firstPage?: QuizEntryDoc[]): Promise<RankedEntry[]> {
  const papers: QuizEntryDoc[] = []
  for (let skip = 0; ; skip += PAGE) {
    const page =
      skip === 0 && firstPage
        ? firstPage
        : await collection(db, Q.entries)
            .where({ eventId, status: 'submitted' })
            .orderBy('submittedAt', 'asc')
            .skip(skip)
            .limit(PAGE)
            .get()
    papers.push(...page)
    if (page.length < PAGE) break
  }
  return rankPapers(
    papers.map((p) => ({
      ...p,
      key: p._id,
      score: p.score ?? 0,
      elapsedMs: p.elapsedMs ?? 0,
      submittedAt: p.submittedAt ?? p.openedAt,
    })),
  )
}

export interface AttendeeQuiz {
  event: EventDoc
  quiz: QuizDoc | null
  entry: QuizEntryDoc | null
  present: AttendanceDoc | null
  /** The first page of submitted papers, for `rankedPapers`; absent when not asked for. */
  papers?: QuizEntryDoc[]
}

/**
 * The event with its quiz, the person's paper and check-in, and (unless `withPapers` is false:
 * opening a paper needs no ranking) the submitted papers: one request.
 */
export async function attendeeQuiz(db: Db, eventId: string, openid: string, withPapers = true): Promise<AttendeeQuiz> {
  const joins = {
    quiz: join(Q.quizzes, { _id: eventId }),
    entry: join(Q.entries, { _id: entryId(eventId, openid) }),
    present: join(A.attendance, { eventId, openid, status: 'present' }),
  }
  const found = withPapers
    ? await docWith(db, E.events, eventId, { ...joins, papers: papersJoin(eventId) })
    : await docWith(db, E.events, eventId, joins).then((f) => f && { ...f, papers: undefined })
  if (!found) throw new AppError('NOT_FOUND', '找不到这个活动')
  const [quiz = null] = found.quiz
  const [entry = null] = found.entry
  const [present = null] = found.present
  return { event: found.doc, quiz, entry, present, papers: found.papers }
}

/** The quiz, or NOT_FOUND when the event has none. */
export function requireQuiz(quiz: QuizDoc | null): QuizDoc {
  if (!quiz) throw new AppError('NOT_FOUND', '这个活动没有知识竞赛')
  return quiz
}
