import type {
  CaseChannel,
  CaseStatus,
  ContactPreference,
  DeadlineTier,
  Disposition,
  Extension,
  Ledger,
  Rating,
  TimelineEntry,
} from '../../types/cases'
import type { Category, RoutingRule } from '../../types/cases-routing'
import type { StoredPoint } from '../core/collections'
import { collectionName } from '../core/data'
import { TRANSACTION_RETRY } from '../core/transaction-retry'
import type { FigureCounts } from './domain/figures'

/** `case_categories`: `_id` is the category code. */
export type CategoryDoc = Omit<Category, 'code'> & { _id: string }

/** `case_routing_rules`: `_id` is the rule id. */
export type RoutingRuleDoc = Omit<RoutingRule, 'id'> & { _id: string }

/**
 * `case_settings` / `main`: district prefixes for case numbers (`BL`…) and the unit that
 * takes cases nothing else locates.
 */
export interface CaseSettingsDoc {
  _id: string
  prefixes: Record<string, string>
  fallbackUnitId: string
}
export const SETTINGS_ID = 'main'

/**
 * `cases`: one 诉求 with its whole timeline. `_id` is derived from the submitter and the
 * client request id, which is what makes a retried submission find the first one.
 * `unitScope` = the handling unit and its ancestors, so a street sees everything below it.
 */
/** Where a case came from besides a person: an issue in an event's minutes. */
export interface CaseOrigin {
  kind: 'event'
  eventId: string
  title: string
}

export interface CaseDoc {
  _id: string
  number: string
  clientRequestId: string
  submittedBy: string
  /** Who may read and rate it as the petitioner: the submitter, or the person a proxy named. */
  petitionerOpenid: string | null
  channel: CaseChannel
  /** The event whose minutes raised it (座谈征 / 代表提); absent otherwise. */
  origin?: CaseOrigin
  contact: { name: string; phone: string }
  /** How the petitioner wants to hear back; with `message` the phone is kept from staff. */
  contactPreference: ContactPreference
  /** Whether the name may be shown, masked, to anyone but the handlers. */
  showName: boolean
  categoryCode: string
  categoryName: string
  tier: DeadlineTier
  description: string
  photos: string[]
  location: StoredPoint | null
  address: string
  /** Open311 `address_id` of a hotline case; cases stored before it read as ''. */
  addressId?: string
  districtId: string | null
  status: CaseStatus
  handlingUnitId: string
  handlingUnitName: string
  unitScope: string[]
  route: { ruleId: string; reason: string; steps: string[] }
  submittedAt: string
  updatedAt: string
  ackDueAt: string
  handleDueAt: string
  signedAt: string | null
  extension: Extension | null
  resolution: { disposition: Disposition; ledger: Ledger; reply: string; resolvedAt: string; onTime: boolean } | null
  rating: Rating | null
  previousRatings: Rating[]
  revisitDueAt: string | null
  reopenCount: number
  superviseCount: number
  duplicateOf: string | null
  followers: string[]
  followerCount: number
  timeline: TimelineEntry[]
  /** Set by the sweeps once they have flagged the case, so each flag is raised once. */
  ackOverdueFlaggedAt: string | null
  overdueFlaggedAt: string | null
  revisitTaskAt: string | null
}

/** `case_counters`: `_id` = `counterId(prefix, day)`; the last case number given that district and day. */
export interface CaseCounterDoc {
  _id: string
  seq: number
  updatedAt: string
}

/**
 * `case_figure_counters`: `_id` = `${day}:${unitId}`, or `${day}:${unitId}:${shard}` for the
 * further documents of a busy unit-day (figure-counters.ts). `unitScope` = the unit and its ancestors.
 */
export interface FigureCounterDoc extends FigureCounts {
  _id: string
  unitId: string
  unitName: string
  unitScope: string[]
  /** Shanghai calendar date of submission, `YYYY-MM-DD`. */
  day: string
  updatedAt: string
}

/** Cases transactions write what many callers write at once (a unit's figures, a followed case): retried with backoff, not failed, under a burst. */
export const CASE_TX = { retry: TRANSACTION_RETRY }

/** Collections the cases function owns, each with its document type. */
export const CASE_COLLECTIONS = {
  cases: collectionName<CaseDoc>('cases'),
  categories: collectionName<CategoryDoc>('case_categories'),
  rules: collectionName<RoutingRuleDoc>('case_routing_rules'),
  counters: collectionName<CaseCounterDoc>('case_counters'),
  settings: collectionName<CaseSettingsDoc>('case_settings'),
  /** Per unit and submission day: the counts the figures are made of (figure-counters.ts). */
  figureCounters: collectionName<FigureCounterDoc>('case_figure_counters'),
} as const
