import { z } from 'zod'
import { LocalDateTimeSchema } from './events-draft-parts'
import { QUIZ_LIMITS as L, QUIZ_STATES } from './events-quiz-labels'

export * from './events-quiz-labels'

/*
 * 党史知识竞赛 (issue 12): an optional scored question set for an event. Organisers set
 * single-choice questions and an answer window; people who checked in answer once; the
 * server scores, and ranks by score, then time taken (from their first opening of the
 * questions to the submission), then submission time. The correct answers reach a resident
 * only after they submit. `EventsContract` (types/events.ts) takes these actions in as they are.
 */

const Id = z.string().trim().min(1, '缺少编号').max(128)
const Iso = z.string().min(1)
const EventRef = z.object({ eventId: Id })

/** One single-choice question as staff write it; `answer` is the index of the correct option. */
export const QuizQuestionInputSchema = z
  .object({
    stem: z.string().trim().min(1, '请填写题目').max(L.stemMax, `题目最多${L.stemMax}个字`),
    options: z
      .array(z.string().trim().min(1, '选项不能为空').max(L.optionTextMax, `选项最多${L.optionTextMax}个字`))
      .min(L.optionsMin, `每题至少 ${L.optionsMin} 个选项`)
      .max(L.optionsMax, `每题最多 ${L.optionsMax} 个选项`),
    answer: z.number({ error: '请选择正确答案' }).int('请选择正确答案').min(0, '请选择正确答案'),
    points: z
      .number()
      .int('分值应为整数')
      .min(1, '分值至少 1 分')
      .max(L.pointsMax, `分值最多 ${L.pointsMax} 分`)
      .default(L.defaultPoints),
  })
  .superRefine((q, ctx) => {
    if (q.answer >= q.options.length) ctx.addIssue({ code: 'custom', path: ['answer'], message: '请选择正确答案' })
    if (new Set(q.options).size !== q.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: '选项不能重复' })
  })
export type QuizQuestionInput = z.input<typeof QuizQuestionInputSchema>

export const SaveQuizInputSchema = EventRef.extend({
  questions: z
    .array(QuizQuestionInputSchema)
    .min(1, '请至少出 1 道题')
    .max(L.questionsMax, `最多 ${L.questionsMax} 道题`),
  /** Shanghai wall-clock; null: the event's start. */
  opensAt: LocalDateTimeSchema.nullable().default(null),
  /** Shanghai wall-clock; null: a day after the event's end. */
  closesAt: LocalDateTimeSchema.nullable().default(null),
}).superRefine((d, ctx) => {
  if (d.opensAt && d.closesAt && d.closesAt <= d.opensAt)
    ctx.addIssue({ code: 'custom', path: ['closesAt'], message: '答题截止时间应晚于开始时间' })
})

/** A question as staff see it, with its answer. */
export const QuizQuestionSchema = z.object({
  id: z.string(),
  stem: z.string(),
  options: z.array(z.string()),
  answer: z.number().int(),
  points: z.number().int(),
})

/** A question as a resident sees it before submitting: no answer. */
export const QuizPaperQuestionSchema = QuizQuestionSchema.omit({ answer: true })

export const QuizWindowSchema = z.object({ opensAt: Iso, closesAt: Iso })

/** One question of a submitted paper: what the person chose and what was right. */
export const QuizReviewItemSchema = QuizPaperQuestionSchema.extend({
  chosen: z.number().int().nullable(),
  correct: z.number().int(),
  right: z.boolean(),
})

export const MyQuizResultSchema = z.object({
  score: z.number().int(),
  totalPoints: z.number().int(),
  correctCount: z.number().int(),
  questionCount: z.number().int(),
  /** Submission minus the first opening, both recorded by the server. */
  elapsedMs: z.number().int(),
  submittedAt: Iso,
  /** Place in the ranking as it stands (final once the window has closed). */
  rank: z.number().int(),
  review: z.array(QuizReviewItemSchema),
})
export type MyQuizResult = z.infer<typeof MyQuizResultSchema>

export const QuizStatusSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  state: z.enum(QUIZ_STATES),
  /** Null when the event has no quiz. */
  window: QuizWindowSchema.nullable(),
  questionCount: z.number().int(),
  totalPoints: z.number().int(),
  result: MyQuizResultSchema.nullable(),
})
export type QuizStatus = z.infer<typeof QuizStatusSchema>

/** A row of the attendees' ranking: a masked name (王**), never an openid. */
export const RankingRowSchema = z.object({
  rank: z.number().int(),
  name: z.string(),
  score: z.number().int(),
  elapsedMs: z.number().int(),
  mine: z.boolean(),
})
export type RankingRow = z.infer<typeof RankingRowSchema>

export const QuizRankingSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  /** The window has closed: the ranking will not change. */
  final: z.boolean(),
  total: z.number().int(),
  items: z.array(RankingRowSchema),
  /** The caller's own row, also when it is below the top rows. */
  mine: RankingRowSchema.nullable(),
})
export type QuizRanking = z.infer<typeof QuizRankingSchema>

/** The quiz as its organisers edit it; times as Shanghai wall-clock. */
export const QuizSetupSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  /** The window a quiz without its own gets. */
  defaults: z.object({ opensAt: LocalDateTimeSchema, closesAt: LocalDateTimeSchema }),
  quiz: z
    .object({
      questions: z.array(QuizQuestionSchema),
      opensAt: LocalDateTimeSchema,
      closesAt: LocalDateTimeSchema,
      /** Someone has opened the questions: they can no longer be changed. */
      locked: z.boolean(),
    })
    .nullable(),
})
export type QuizSetup = z.infer<typeof QuizSetupSchema>

/** A row of the organisers' ranking: full name and the phone's last four digits. */
export const StandingRowSchema = z.object({
  rank: z.number().int(),
  name: z.string(),
  phoneTail: z.string(),
  score: z.number().int(),
  correctCount: z.number().int(),
  elapsedMs: z.number().int(),
  submittedAt: Iso,
})

export const QuizStandingsSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  final: z.boolean(),
  totalPoints: z.number().int(),
  /** People checked in, who may answer. */
  attended: z.number().int(),
  items: z.array(StandingRowSchema),
})
export type QuizStandings = z.infer<typeof QuizStandingsSchema>

/** The quiz actions, spread into `EventsContract`. */
export const QUIZ_ACTIONS = {
  // resident side
  quiz: { input: EventRef, output: QuizStatusSchema },
  /** Shows the questions; the first call records when the person started (their time counts from it). */
  openQuiz: {
    input: EventRef,
    output: z.object({ questions: z.array(QuizPaperQuestionSchema), openedAt: Iso, closesAt: Iso }),
  },
  /** Scores one paper. A retry with the same `clientRequestId` answers the same result. */
  submitQuiz: {
    input: EventRef.extend({
      clientRequestId: z.string().min(8).max(64),
      answers: z
        .array(
          z.object({
            questionId: z.string().min(1).max(20),
            option: z
              .number()
              .int()
              .min(0)
              .max(L.optionsMax - 1)
              .nullable(),
          }),
        )
        .max(L.questionsMax, `最多 ${L.questionsMax} 道题`),
    }),
    output: MyQuizResultSchema,
  },
  quizRanking: { input: EventRef, output: QuizRankingSchema },
  // staff side
  quizSetup: { input: EventRef, output: QuizSetupSchema },
  saveQuiz: { input: SaveQuizInputSchema, output: QuizSetupSchema },
  quizStandings: { input: EventRef, output: QuizStandingsSchema },
} as const
