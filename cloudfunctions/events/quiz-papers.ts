import type { Db } from '@cloudbase/database'
import { AppError } from '../core/app-error'
import { collection } from '../core/data'
import { ATTENDANCE_COLLECTIONS as A, type AttendanceDoc } from './attendance-collections'
import { rankPapers } from './domain/quiz-rules'
import { QUIZ_COLLECTIONS as Q, type QuizDoc, type QuizEntryDoc } from './quiz-collections'

/*
 * What the quiz actions and the results sweep read: the quiz, a person's check-in, and the
 * submitted papers in ranking order.
 */

const PAGE = 500

export const entryId = (eventId: string, openid: string) => `${eventId}:${openid}`

export async function loadQuiz(db: Db, eventId: string): Promise<QuizDoc> {
  const quiz = await collection(db, Q.quizzes).doc(eventId).get()
  if (!quiz) throw new AppError('NOT_FOUND', '这个活动没有知识竞赛')
  return quiz
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

/** Every submitted paper of the event, in ranking order with its place. */
export async function rankedPapers(db: Db, eventId: string): Promise<RankedEntry[]> {
  const papers: QuizEntryDoc[] = []
  for (let skip = 0; ; skip += PAGE) {
    const page = await collection(db, Q.entries)
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
