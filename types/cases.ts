import { z } from 'zod'
import { LngLatSchema } from './org'
import { RoleSchema } from './roles'
import {
  CASE_CHANNELS,
  CASE_STATUSES,
  DEADLINE_TIERS,
  DISPOSITIONS,
  LEDGERS,
  ROUTING_LEVELS,
  SATISFACTIONS,
} from './cases-labels'

export {
  CASE_CHANNEL_LABELS,
  CASE_LIMITS,
  CASE_STATUS_LABELS,
  DEADLINE_TIER_LABELS,
  DISPOSITION_LABELS,
  LEDGER_LABELS,
  ROUTING_LEVEL_LABELS,
  SATISFACTION_LABELS,
} from './cases-labels'

/*
 * 诉求 (cases, 工单): what a case is — vocabulary, records and answers — shared by the app
 * and the `cases` function. The actions' inputs and the contract: cases-contract.ts;
 * categories and routing rules: cases-routing.ts.
 * Vocabulary follows the seeds: 一号运行、集中受理、接诉即办、回访反馈、督办考核 (碑林);
 * 小事不出格、大事不出社区 and the 三方办 (高陵); the 四本台账 and the three dispositions (碑林).
 */

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

/**
 * Life of a case. Routing happens at submission, so a new case starts `pending_sign` at
 * its handling unit. `returned` (退单) waits at the dispatching unit for a new route.
 * `resolved` waits for the petitioner's rating; `closed` and `duplicate` are final.
 * 不满意 sends a resolved case back to `processing` at the same unit (flagged reopened).
 */
export const CaseStatusSchema = z.enum(CASE_STATUSES)
export type CaseStatus = z.infer<typeof CaseStatusSchema>

/** Statuses in which the case still needs work from a unit (counts as "open" for Open311). */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['pending_sign', 'processing', 'returned']

/**
 * A unit's boxes. `extension` (延期待审核) is the supervisor's: extension requests of cases
 * handled below the unit, waiting for a decision.
 */
export const InboxBoxSchema = z.enum([
  'to_sign',
  'processing',
  'returned',
  'overdue',
  'revisit',
  'resolved',
  'extension',
])

/** How the case reached us (碑林 "线上集…窗口接…网格巡"): 小程序, 网格员代办, 12345 热线, 窗口. */
export const CaseChannelSchema = z.enum(CASE_CHANNELS)
export type CaseChannel = z.infer<typeof CaseChannelSchema>

/**
 * How a case was closed (碑林): 诉求合理问题限时解决到位 / 诉求不合理问题解释安抚到位 /
 * 行为违法问题依法依规处理.
 */
export const DispositionSchema = z.enum(DISPOSITIONS)
export type Disposition = z.infer<typeof DispositionSchema>

/** The 四本台账 every resolved case is filed in. */
export const LedgerSchema = z.enum(LEDGERS)
export type Ledger = z.infer<typeof LedgerSchema>

/** 一事一评: the three answers to the satisfaction callback. */
export const SatisfactionSchema = z.enum(SATISFACTIONS)
export type Satisfaction = z.infer<typeof SatisfactionSchema>

/** SLA tier of a category: 紧急 24 小时 / 一般 7 天 / 复杂 15 天 by default (see deadlines.ts). */
export const DeadlineTierSchema = z.enum(DEADLINE_TIERS)
export type DeadlineTier = z.infer<typeof DeadlineTierSchema>

/**
 * The level a category is normally handled at, lowest first ("小事不出格、大事不出社区"):
 * the grid, the community, the community 三方办 (居委会+业委会+物业, for property issues),
 * the street, the street 三方办 (when several departments must act together), a district
 * department (chosen by `departmentKey`).
 */
export const RoutingLevelSchema = z.enum(ROUTING_LEVELS)
export type RoutingLevel = z.infer<typeof RoutingLevelSchema>

/**
 * How the petitioner wants to hear back: `phone` (staff may call), or `message` (answers
 * only through the mini program's messages: the phone is then not shown to staff).
 */
export const ContactPreferenceSchema = z.enum(['phone', 'message'])
export type ContactPreference = z.infer<typeof ContactPreferenceSchema>

/** A length of time: hours run by the clock, days end at 24:00 Shanghai time of the last day. */
export const DurationSchema = z.object({
  unit: z.enum(['hours', 'days']),
  amount: z.number().int().min(1).max(90),
})
export type Duration = z.infer<typeof DurationSchema>

/** A record's id (a case, unit or rule); cases-contract.ts uses the same field shapes. */
export const Id = z.string().min(1).max(64)
const Iso = z.string().min(1) // ISO 8601 instant as stored (UTC)
/** Required text, trimmed, with the limit said in the message. */
export const Text = (max: number) => z.string().trim().min(1, '请填写内容').max(max, `最多${max}个字`)

// ---------------------------------------------------------------------------
// The case as the app sees it
// ---------------------------------------------------------------------------

export const TimelineKindSchema = z.enum([
  'submitted',
  'routed',
  'signed',
  'note',
  'transferred',
  'returned',
  'extension_requested',
  'extension_reviewed',
  'supervised',
  'resolved',
  'rated',
  'revisited',
  'reopened',
  'duplicate',
  'followed',
])
export type TimelineKind = z.infer<typeof TimelineKindSchema>

/** One step on the timeline. `staffOnly` entries (internal notes) are never shown to residents. */
export const TimelineEntrySchema = z.object({
  at: Iso,
  kind: TimelineKindSchema,
  text: z.string(),
  unitName: z.string().optional(),
  actorRole: RoleSchema.or(z.literal('system')).optional(),
  staffOnly: z.boolean().default(false),
})
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>

export const ExtensionSchema = z.object({
  status: z.enum(['requested', 'approved', 'rejected']),
  days: z.number().int(),
  reason: z.string(),
  requestedAt: Iso,
  reviewedAt: Iso.optional(),
  reviewComment: z.string().optional(),
})
export type Extension = z.infer<typeof ExtensionSchema>

export const ResolutionSchema = z.object({
  disposition: DispositionSchema,
  ledger: LedgerSchema,
  reply: z.string(),
  resolvedAt: Iso,
  onTime: z.boolean(),
})

export const RatingSchema = z.object({
  value: SatisfactionSchema,
  comment: z.string(),
  source: z.enum(['petitioner', 'revisit']),
  ratedAt: Iso,
})
export type Rating = z.infer<typeof RatingSchema>

/** A case as shown in lists (我的诉求, 待办). */
export const CaseSummarySchema = z.object({
  id: Id,
  number: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  description: z.string(),
  status: CaseStatusSchema,
  statusLabel: z.string(),
  handlingUnitId: z.string(),
  handlingUnitName: z.string(),
  submittedAt: Iso,
  ackDueAt: Iso,
  handleDueAt: Iso,
  overdue: z.boolean(),
  reopened: z.boolean(),
  followerCount: z.number().int(),
})
export type CaseSummary = z.infer<typeof CaseSummarySchema>

/** What a person may do to one existing case; a detail's `can` lists those allowed to its caller now. */
export const CaseActionSchema = z.enum([
  'sign',
  'addNote',
  'transfer',
  'returnCase',
  'requestExtension',
  'reviewExtension',
  'supervise',
  'resolve',
  'markDuplicate',
  'follow',
  'rate',
  'recordRevisit',
])
export type CaseAction = z.infer<typeof CaseActionSchema>

/**
 * A case with its timeline. The petitioner's contact is only present for staff who may
 * act on the case; other residents never see who submitted it.
 */
export const CaseDetailSchema = CaseSummarySchema.extend({
  channel: CaseChannelSchema,
  /** The event whose minutes raised it (座谈征 / 代表提), for the link back; null otherwise. */
  origin: z.object({ kind: z.literal('event'), eventId: z.string(), title: z.string() }).nullable(),
  address: z.string(),
  location: LngLatSchema.nullable(),
  photos: z.array(z.string()),
  /** What an image can show for each photo, in order: signed links that expire on the local host, temporary links in the cloud. */
  photoUrls: z.array(z.string()),
  tier: DeadlineTierSchema,
  route: z.object({ ruleId: z.string(), reason: z.string() }),
  extension: ExtensionSchema.nullable(),
  resolution: ResolutionSchema.nullable(),
  rating: RatingSchema.nullable(),
  duplicateOf: z.string().nullable(),
  timeline: z.array(TimelineEntrySchema),
  /**
   * The petitioner's contact as this viewer may see it: the petitioner sees their own in
   * full; staff who act on the case always see the name, and the phone only when the
   * preference is `phone`; everyone else gets null.
   */
  contact: z
    .object({ name: z.string(), phone: z.string(), preference: ContactPreferenceSchema, showName: z.boolean() })
    .nullable(),
  viewer: z.object({
    isPetitioner: z.boolean(),
    isFollower: z.boolean(),
  }),
  /** The actions the caller may take now (from the state machine); the page shows exactly these buttons. */
  can: z.array(CaseActionSchema),
})
export type CaseDetail = z.infer<typeof CaseDetailSchema>

// ---------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------

/** The unit measures of 督办考核 (see figures.ts for the definitions). Rates are 0–1, null when nothing to divide by. */
export const FiguresSchema = z.object({
  received: z.number().int(),
  resolved: z.number().int(),
  resolvedOnTime: z.number().int(),
  rated: z.number().int(),
  satisfiedOrBasically: z.number().int(),
  resolutionRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  ratingRate: z.number().nullable(),
})
export type Figures = z.infer<typeof FiguresSchema>

export const InboxCountsSchema = z.object({
  to_sign: z.number().int(),
  processing: z.number().int(),
  returned: z.number().int(),
  overdue: z.number().int(),
  revisit: z.number().int(),
  resolved: z.number().int(),
  /** 0 for a caller who does not supervise at the unit. */
  extension: z.number().int(),
})

/**
 * What waits for the caller across every unit they handle cases for, each with the units
 * below it (a 社区书记's counts include the grids'): 待签收, 办理中, 已超期, and 延期待审核
 * where they supervise. For the 工作台.
 */
export const CaseWorkloadSchema = z.object({
  to_sign: z.number().int(),
  processing: z.number().int(),
  overdue: z.number().int(),
  extension: z.number().int(),
})
export type CaseWorkload = z.infer<typeof CaseWorkloadSchema>

/** Public view of a nearby open case: no contact, no photos, just enough to say "我也遇到". */
export const SimilarCaseSchema = z.object({
  id: Id,
  number: z.string(),
  categoryName: z.string(),
  description: z.string(),
  statusLabel: z.string(),
  distanceMeters: z.number(),
  followerCount: z.number().int(),
  /** The petitioner's name masked (张**), only when they allowed it; null otherwise. */
  petitionerName: z.string().nullable(),
})
