/**
 * 活动报名: the words and limits the event pages show and the `events` contract enforces.
 * Plain values without zod, so the app imports them directly and `types/events.ts` builds
 * its schemas from the same lists. Kinds are the events the seeds' communities hold.
 */

export const EVENT_KINDS = [
  { key: 'bench_meeting', label: '板凳会' },
  { key: 'party_story', label: '老党员讲故事' },
  { key: 'party_quiz', label: '党史知识竞赛' },
  { key: 'monday_class', label: '周一课堂' },
  { key: 'micro_class', label: '5分钟微课堂' },
  { key: 'party_lesson', label: '党课·主题党日' },
  { key: 'clinic', label: '义诊' },
  { key: 'deputy_reception', label: '党代表接待日' },
  { key: 'consultation', label: '议事协商会' },
  { key: 'culture', label: '文化活动' },
  { key: 'volunteer_service', label: '志愿服务' },
  { key: 'other', label: '其他' },
] as const
export type EventKind = (typeof EVENT_KINDS)[number]['key']
export const EVENT_KIND_KEYS = EVENT_KINDS.map((k) => k.key) as [EventKind, ...EventKind[]]
export const EVENT_KIND_LABELS = Object.fromEntries(EVENT_KINDS.map((k) => [k.key, k.label])) as Record<
  EventKind,
  string
>

/**
 * Where an event is: `draft` (only staff see it), `scheduled` (publishes itself at
 * `publishAt`), `published`, `cancelled` (with a reason; everyone signed up is told), or
 * `skipped`: one occurrence of a series not held (本期暂停), its people told as for a
 * cancellation while the other occurrences go on.
 */
export const EVENT_STATUSES = ['draft', 'scheduled', 'published', 'cancelled', 'skipped'] as const
export type EventStatus = (typeof EVENT_STATUSES)[number]
export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  draft: '草稿',
  scheduled: '定时发布',
  published: '已发布',
  cancelled: '已取消',
  skipped: '本期暂停',
}

/** An event that will not take place: called off, or this occurrence of its series skipped. */
export const isCalledOff = (status: EventStatus): boolean => status === 'cancelled' || status === 'skipped'

/**
 * A registration's status. `confirmed` holds a seat; `offered` holds one for a while and
 * must be accepted; `pending` holds one until staff decide (approval events); `waiting` is
 * on the list in strict arrival order; `cancelled` and `rejected` are final for this round.
 */
export const REGISTRATION_STATUSES = ['confirmed', 'offered', 'waiting', 'pending', 'cancelled', 'rejected'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  confirmed: '已报名',
  offered: '待确认',
  waiting: '候补中',
  pending: '待审核',
  cancelled: '已取消',
  rejected: '未通过',
}

/** Why a registration ended: the person, an unanswered offer, no seat by the start, the event, staff. */
export const CANCEL_REASONS = [
  'self',
  'offer_expired',
  'no_place',
  'event_cancelled',
  'event_skipped',
  'staff',
] as const
export type CancelReason = (typeof CANCEL_REASONS)[number]
export const CANCEL_REASON_LABELS: Record<CancelReason, string> = {
  self: '本人取消',
  offer_expired: '未在时限内确认',
  no_place: '活动开始前未能候补上',
  event_cancelled: '活动已取消',
  event_skipped: '本期暂停',
  staff: '工作人员取消',
}

/** Who may see and join: everyone, the organiser's community (or street), some grids/小区/楼栋, party members, volunteers. */
export const AUDIENCE_KINDS = ['everyone', 'community', 'places', 'party_members', 'volunteers'] as const
export type AudienceKind = (typeof AUDIENCE_KINDS)[number]
export const AUDIENCE_LABELS: Record<AudienceKind, string> = {
  everyone: '所有居民',
  community: '本社区居民',
  places: '指定网格、小区或楼栋的居民',
  party_members: '党员',
  volunteers: '志愿者',
}

export const QUESTION_KINDS = ['text', 'choice', 'phone'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]

export const WEEKDAY_LABELS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

/** Limits stated in the UI and enforced by the contract. */
export const EVENT_LIMITS = {
  titleMax: 40,
  descriptionMax: 2000,
  placeMax: 60,
  addressMax: 100,
  capacityMax: 5000,
  guestsMax: 5,
  questionsMax: 10,
  questionLabelMax: 50,
  optionsMax: 10,
  answerMax: 200,
  termsMax: 1000,
  reasonMax: 100,
  remindersMax: 3,
  /** An unanswered offer is held this long unless the event says otherwise. */
  offerHoldHours: 12,
  /** No offer runs into this last stretch before the start; a seat freed then is confirmed directly. */
  offerCutoffHours: 2,
  seriesMax: 26,
  /** A monthly series falls on a day every month has. */
  monthlyDayMax: 28,
} as const

/** Reminders before the start, in hours, when the event says nothing. */
export const DEFAULT_REMINDER_HOURS = [24, 2] as const
