import type { InputOf, OutputOf } from '../../types/contract'
import type { EventsContract } from '../../types/events'
import { client } from './transport/client'

type C = typeof EventsContract
const events = client<C>('events')

export type QuizStatus = OutputOf<C, 'quiz'>
export type QuizPaper = OutputOf<C, 'openQuiz'>
export type PaperQuestion = QuizPaper['questions'][number]
export type QuizResult = OutputOf<C, 'submitQuiz'>
export type QuizRanking = OutputOf<C, 'quizRanking'>
export type RankingRow = QuizRanking['items'][number]
export type QuizSetup = OutputOf<C, 'quizSetup'>
export type SaveQuizInput = InputOf<C, 'saveQuiz'>
export type QuizStandings = OutputOf<C, 'quizStandings'>
export type QuizAnswer = InputOf<C, 'submitQuiz'>['answers'][number]

/**
 * 党史知识竞赛 (the quiz actions of the `events` function): attendees see where they stand,
 * open the questions, submit once and read the masked ranking; organisers set the questions
 * and read the ranking with names. Every call rejects with a CallError whose message can be
 * shown as is.
 */
export const quizService = {
  status: (eventId: string) => events('quiz', { eventId }),
  open: (eventId: string) => events('openQuiz', { eventId }),
  submit: (eventId: string, clientRequestId: string, answers: QuizAnswer[]) =>
    events('submitQuiz', { eventId, clientRequestId, answers }),
  ranking: (eventId: string) => events('quizRanking', { eventId }),
  setup: (eventId: string) => events('quizSetup', { eventId }),
  save: (input: SaveQuizInput) => events('saveQuiz', input),
  standings: (eventId: string) => events('quizStandings', { eventId }),
}
