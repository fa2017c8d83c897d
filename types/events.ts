import { z } from 'zod'
import { CalendarDateSchema } from './calendar-date'
import { defineContract } from './contract'
import { ATTENDANCE_ACTIONS } from './events-attendance'
import { FIGURES_ACTIONS } from './events-figures'
import {
  AudienceSchema,
  ClockTimeSchema,
  LocalDateTimeSchema,
  PlaceSchema,
  type Question,
  QuestionSchema,
  SeriesRuleSchema,
} from './events-draft-parts'
import { MINUTES_ACTIONS } from './events-minutes'
import { QUIZ_ACTIONS } from './events-quiz'
import { RATING_ACTIONS } from './events-rating'
import { LngLatSchema } from './org'
import {
  CANCEL_REASONS,
  DEFAULT_REMINDER_HOURS,
  EVENT_KIND_KEYS,
  EVENT_LIMITS as L,
  EVENT_STATUSES,
  REGISTRATION_STATUSES,
} from './events-labels'

export * from './events-labels'

/*
 * 活动报名 (issue 11): the contract between the app and the `events` function. The names
 * `create`, `publish`, `get`, `list`, `signUp`, `cancel`, `mine`, `roster` and the shape of
 * `myRegistration` are used by tools outside the app and must not change.
 * Times the staff type are Shanghai wall-clock (`2026-12-07 14:30`); times answered are ISO
 * instants (UTC), which the app shows in Shanghai time.
 * The parts of a draft (times as typed, audience, questions, place, series rule): events-draft-parts.ts.
 */

const Id = z.string().trim().min(1, '缺少编号').max(128)
const Iso = z.string().min(1)
const Text = (max: number) => z.string().trim().min(1, '请填写内容').max(max, `最多${max}个字`)

export const EventKindSchema = z.enum(EVENT_KIND_KEYS)
export const EventStatusSchema = z.enum(EVENT_STATUSES)
export const RegistrationStatusSchema = z.enum(REGISTRATION_STATUSES)
export type RegistrationStatusValue = z.infer<typeof RegistrationStatusSchema>
export const CancelReasonSchema = z.enum(CANCEL_REASONS)

const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s]{5,20}$/, '电话号码格式不对')

/** What an event and a series share. */
const DraftBaseSchema = z.object({
  unitId: Id,
  kind: EventKindSchema,
  title: Text(L.titleMax),
  description: z.string().trim().max(L.descriptionMax, `介绍最多${L.descriptionMax}个字`).default(''),
  cover: z.string().max(256).nullable().default(null),
  place: PlaceSchema,
  /** 0 = unlimited. */
  capacity: z.number().int('名额应为整数').min(0, '名额不能小于 0').max(L.capacityMax, `名额最多 ${L.capacityMax}`),
  /** Seats kept back from online sign-up for 代报名. */
  reservedSeats: z.number().int().min(0, '预留名额不能小于 0').max(L.capacityMax).default(0),
  guestsMax: z.number().int().min(0).max(L.guestsMax).default(0),
  approvalRequired: z.boolean().default(false),
  audience: AudienceSchema.default({ kind: 'community', placeIds: [] }),
  questions: z.array(QuestionSchema).max(L.questionsMax).default([]),
  terms: z.string().trim().max(L.termsMax).default(''),
  reminderHours: z
    .array(z.number().int().min(1).max(168))
    .max(L.remindersMax)
    .default([...DEFAULT_REMINDER_HOURS]),
  offerHoldHours: z.number().int().min(1).max(72).default(L.offerHoldHours),
  organiser: z
    .object({ name: z.string().trim().max(20).default(''), phone: z.union([z.literal(''), Phone]).default('') })
    .default({ name: '', phone: '' }),
})

const seatsFit = (d: { capacity: number; reservedSeats: number }) => d.capacity === 0 || d.reservedSeats <= d.capacity
const uniqueQuestions = (d: { questions: Question[] }) =>
  new Set(d.questions.map((q) => q.id)).size === d.questions.length

/** The fields of one event as staff fill them in. Cross-field rules (windows in order) are in the schema. */
export const EventDraftFieldsSchema = DraftBaseSchema.extend({
  date: CalendarDateSchema,
  startTime: ClockTimeSchema,
  endTime: ClockTimeSchema,
  /** null: sign-up opens on publication. */
  signUpOpensAt: LocalDateTimeSchema.nullable().default(null),
  /** null: sign-up closes at the start. */
  signUpClosesAt: LocalDateTimeSchema.nullable().default(null),
  /** null: people may cancel until the start. */
  cancelDeadline: LocalDateTimeSchema.nullable().default(null),
})

export const EventDraftSchema = EventDraftFieldsSchema.superRefine((d, ctx) => {
  const start = `${d.date} ${d.startTime}`
  if (d.endTime <= d.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: '结束时间应晚于开始时间' })
  if (d.signUpOpensAt && d.signUpClosesAt && d.signUpOpensAt >= d.signUpClosesAt) {
    ctx.addIssue({ code: 'custom', path: ['signUpClosesAt'], message: '报名截止时间应晚于报名开始时间' })
  }
  if (d.signUpOpensAt && d.signUpOpensAt >= start)
    ctx.addIssue({ code: 'custom', path: ['signUpOpensAt'], message: '报名应在活动开始前开放' })
  if (d.signUpClosesAt && d.signUpClosesAt > start)
    ctx.addIssue({ code: 'custom', path: ['signUpClosesAt'], message: '报名截止不能晚于活动开始' })
  if (d.cancelDeadline && d.cancelDeadline > start)
    ctx.addIssue({ code: 'custom', path: ['cancelDeadline'], message: '取消截止不能晚于活动开始' })
  if (!seatsFit(d)) ctx.addIssue({ code: 'custom', path: ['reservedSeats'], message: '预留名额不能多于总名额' })
  if (!uniqueQuestions(d)) ctx.addIssue({ code: 'custom', path: ['questions'], message: '问题编号不能重复' })
})
export type EventDraft = z.output<typeof EventDraftSchema>
export type EventDraftInput = z.input<typeof EventDraftSchema>

/** A series (周一课堂, 每月板凳会): one event per occurrence, each with its own sign-up. */
export const SeriesInputSchema = DraftBaseSchema.extend({
  startTime: ClockTimeSchema,
  endTime: ClockTimeSchema,
  rule: SeriesRuleSchema,
  /** The first date the rule may fall on. */
  from: CalendarDateSchema,
  count: z.number().int().min(1).max(L.seriesMax, `一次最多排 ${L.seriesMax} 期`),
  /** Sign-up for each occurrence opens this many days before it. */
  opensDaysBefore: z.number().int().min(0).max(60).default(7),
  /** People may cancel until this many hours before each occurrence. */
  cancelHoursBefore: z.number().int().min(0).max(72).default(2),
  publishNow: z.boolean().default(false),
}).superRefine((d, ctx) => {
  if (d.endTime <= d.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: '结束时间应晚于开始时间' })
  if (!seatsFit(d)) ctx.addIssue({ code: 'custom', path: ['reservedSeats'], message: '预留名额不能多于总名额' })
  if (!uniqueQuestions(d)) ctx.addIssue({ code: 'custom', path: ['questions'], message: '问题编号不能重复' })
})
export type SeriesInput = z.output<typeof SeriesInputSchema>

// ---------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------

/** The caller's own registration as `get` answers it (external contract: keep these fields). */
export const MyRegistrationSchema = z.object({
  status: RegistrationStatusSchema,
  /** 1 = next in line; only while waiting. Positions have no gaps. */
  waitPosition: z.number().int().min(1).optional(),
  /** Until when an offered seat is held; only while offered. */
  offerExpiresAt: Iso.optional(),
  guests: z.number().int(),
  cancelReason: CancelReasonSchema.nullable(),
})
export type MyRegistration = z.infer<typeof MyRegistrationSchema>

export const SignUpStateSchema = z.enum(['not_open', 'open', 'closed', 'started', 'ended', 'cancelled', 'skipped'])
export type SignUpState = z.infer<typeof SignUpStateSchema>

export const EventSummarySchema = z.object({
  id: Id,
  kind: EventKindSchema,
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: EventStatusSchema,
  startAt: Iso,
  endAt: Iso,
  place: z.object({ name: z.string(), address: z.string(), location: LngLatSchema.nullable() }),
  cover: z.string().nullable(),
  /** `left` null when unlimited; `full` when nobody more gets a seat now (new sign-ups wait). */
  seats: z.object({ capacity: z.number().int(), left: z.number().int().nullable(), full: z.boolean() }),
  signUp: z.object({ opensAt: Iso, closesAt: Iso, state: SignUpStateSchema }),
  seriesId: z.string().nullable(),
  myRegistration: MyRegistrationSchema.nullable(),
})
export type EventSummary = z.infer<typeof EventSummarySchema>

export const EventDetailSchema = EventSummarySchema.extend({
  description: z.string(),
  organiser: z.object({ name: z.string(), phone: z.string() }),
  cancelDeadline: Iso,
  guestsMax: z.number().int(),
  approvalRequired: z.boolean(),
  audience: AudienceSchema,
  questions: z.array(QuestionSchema),
  terms: z.string(),
  reminderHours: z.array(z.number().int()),
  publishAt: Iso.nullable(),
  cancelReason: z.string().nullable(),
  /** Whether the caller may edit, publish and see the roster. */
  canManage: z.boolean(),
  /** The fields as staff typed them, for the edit page; only for those who may manage. */
  draft: EventDraftFieldsSchema.nullable(),
})
export type EventDetail = z.infer<typeof EventDetailSchema>

export const RosterEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  status: RegistrationStatusSchema,
  guests: z.number().int(),
  proxy: z.boolean(),
  waitPosition: z.number().int().nullable(),
  offerExpiresAt: Iso.nullable(),
  cancelReason: CancelReasonSchema.nullable(),
  answers: z.array(z.object({ questionId: z.string(), label: z.string(), value: z.string() })),
  joinedAt: Iso,
})
export type RosterEntry = z.infer<typeof RosterEntrySchema>

export const RosterCountsSchema = z.object({
  confirmed: z.number().int(),
  offered: z.number().int(),
  waiting: z.number().int(),
  pending: z.number().int(),
  cancelled: z.number().int(),
  rejected: z.number().int(),
})

/** `almost_full` from 80 % of the seats taken (guests count), `full` when none is left. */
export const CapacityAlertSchema = z.enum(['none', 'almost_full', 'full'])

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

const EventRef = z.object({ eventId: Id })

export const AnswerSchema = z.object({
  questionId: z.string().max(20),
  value: z.string().trim().max(L.answerMax, `回答最多${L.answerMax}个字`),
})

export const SignUpInputSchema = EventRef.extend({
  /** Generated once per sign-up form: a double tap or a retry returns the same registration. */
  clientRequestId: z.string().min(8).max(64),
  guests: z.number().int().min(0, '随行人数不能小于 0').max(L.guestsMax).default(0),
  answers: z.array(AnswerSchema).max(L.questionsMax).default([]),
  acceptTerms: z.boolean().default(false),
})

/** 代报名 for a resident without WeChat: name and phone; the phone catches duplicates. */
export const ProxySignUpInputSchema = SignUpInputSchema.extend({
  name: Text(20),
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号码'),
})

export const ListInputSchema = z.object({
  kind: EventKindSchema.optional(),
  /** Shanghai dates, inclusive. */
  from: CalendarDateSchema.optional(),
  to: CalendarDateSchema.optional(),
  limit: z.number().int().min(1).max(50).default(20),
  skip: z.number().int().min(0).max(1000).default(0),
})

export const ManageListInputSchema = z.object({
  unitId: Id,
  box: z.enum(['upcoming', 'drafts', 'past', 'cancelled']).default('upcoming'),
  limit: z.number().int().min(1).max(50).default(20),
  skip: z.number().int().min(0).max(1000).default(0),
})

const RegistrationResultSchema = z.object({ registration: MyRegistrationSchema, created: z.boolean() })

// ---------------------------------------------------------------------------
// The contract
// ---------------------------------------------------------------------------

/** Every action of the `events` function. */
export const EventsContract = defineContract({
  // resident side
  list: { input: ListInputSchema, output: z.object({ items: z.array(EventSummarySchema), hasMore: z.boolean() }) },
  get: { input: EventRef, output: EventDetailSchema.extend({ myRegistration: MyRegistrationSchema.nullable() }) },
  signUp: { input: SignUpInputSchema, output: RegistrationResultSchema },
  acceptOffer: { input: EventRef, output: z.object({ registration: MyRegistrationSchema }) },
  cancel: { input: EventRef, output: z.object({ registration: MyRegistrationSchema }) },
  mine: {
    input: z.object({ past: z.boolean().default(false) }),
    output: z.object({ items: z.array(EventSummarySchema) }),
  },
  // staff side
  create: { input: EventDraftSchema, output: EventDetailSchema },
  update: {
    input: EventRef.extend({ draft: EventDraftSchema }),
    output: EventDetailSchema.extend({ notified: z.number().int() }),
  },
  copy: { input: EventRef, output: EventDetailSchema },
  publish: { input: EventRef.extend({ at: LocalDateTimeSchema.nullable().default(null) }), output: EventDetailSchema },
  cancelEvent: {
    input: EventRef.extend({ reason: Text(L.reasonMax) }),
    output: EventDetailSchema.extend({ notified: z.number().int() }),
  },
  /** 本期暂停: one occurrence of a series is not held; its people are told, the other occurrences stay. */
  skip: { input: EventRef, output: EventDetailSchema.extend({ notified: z.number().int() }) },
  createSeries: {
    input: SeriesInputSchema,
    output: z.object({ seriesId: z.string(), items: z.array(EventSummarySchema) }),
  },
  manage: {
    input: ManageListInputSchema,
    output: z.object({ items: z.array(EventSummarySchema), hasMore: z.boolean() }),
  },
  roster: {
    input: EventRef.extend({ status: RegistrationStatusSchema.optional() }),
    output: z.object({
      counts: RosterCountsSchema,
      seatsTaken: z.number().int(),
      capacity: z.number().int(),
      alert: CapacityAlertSchema,
      items: z.array(RosterEntrySchema),
    }),
  },
  proxySignUp: {
    input: ProxySignUpInputSchema,
    output: RegistrationResultSchema.extend({ registrationId: z.string() }),
  },
  decide: { input: EventRef.extend({ registrationId: Id, approve: z.boolean() }), output: RosterEntrySchema },
  exportRoster: {
    input: EventRef,
    output: z.object({ fileId: z.string(), url: z.string(), fileName: z.string(), rowCount: z.number().int() }),
  },
  // check-in, attendance and service hours (issue 12)
  ...ATTENDANCE_ACTIONS,
  // minutes, and issues that become cases (issue 12)
  ...MINUTES_ACTIONS,
  // 党史知识竞赛 (issue 12)
  ...QUIZ_ACTIONS,
  // figures per community per month, and their export (issue 12)
  ...FIGURES_ACTIONS,
  // the 1-tap rating after attending (issue 12)
  ...RATING_ACTIONS,
})
export type EventsContractType = typeof EventsContract
