import { collectionName } from '../core/data'

/*
 * The collections of 党史知识竞赛 (issue 12).
 */

/**
 * `event_quizzes`: `_id` = event id; at most one quiz per event. `opensLocal` / `closesLocal`
 * are the window as staff typed it (null: the event's own times decide, so a rescheduled
 * event moves its quiz); `closesAt` is the close as last worked out, for the results sweep.
 */
export interface QuizDoc {
  _id: string
  eventId: string
  questions: Array<{ id: string; stem: string; options: string[]; answer: number; points: number }>
  opensLocal: string | null
  closesLocal: string | null
  closesAt: string
  /** When every result message was queued (the sweep after the close); null before. */
  resultsQueuedAt: string | null
  updatedAt: string
  updatedBy: string
}

/**
 * `event_quiz_entries`: `_id` = `<eventId>:<openid>`, one per person and quiz. Written
 * `opened` on the first look at the questions (the time taken counts from `openedAt`), then
 * `submitted` once with the scored paper. Name and phone are copied from the check-in record.
 */
export interface QuizEntryDoc {
  _id: string
  eventId: string
  openid: string
  name: string
  phone: string
  status: 'opened' | 'submitted'
  openedAt: string
  submittedAt: string | null
  clientRequestId: string | null
  chosen: Array<number | null> | null
  score: number | null
  correctCount: number | null
  elapsedMs: number | null
}

export const QUIZ_COLLECTIONS = {
  quizzes: collectionName<QuizDoc>('event_quizzes'),
  entries: collectionName<QuizEntryDoc>('event_quiz_entries'),
} as const
