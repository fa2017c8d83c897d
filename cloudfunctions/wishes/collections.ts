import type { HistoryEntry, WishCategory, WishSettings, WishStatus } from '../../types/wishes'
import { collectionName } from '../core/data'

/** `wishes`: one wish with its whole history. `version` grows by one on every transition. */
export interface WishDoc {
  _id: string
  communityId: string
  stationId: string | null
  wisherId: string
  /** Snapshots taken at posting: the claimer must reach the person who asked. */
  wisherName: string
  wisherPhone: string
  text: string
  category: WishCategory
  photos: string[]
  neededBy: string
  status: WishStatus
  contentVerdict: 'pass' | 'review'
  claimerId: string | null
  claimedAt: string | null
  claimDeadline: string | null
  /**
   * The `claimedAt` of a claim whose notices are not queued yet. Set by the winning claim's
   * conditional update itself and cleared in the transaction that queues the notices, so a
   * crash between the two leaves this mark for the `wishes.claimNotices` sweep to finish.
   */
  claimNoticeDueAt: string | null
  fulfilNote: string | null
  fulfilPhotos: string[]
  fulfilledAt: string | null
  autoConfirmAt: string | null
  confirmedAt: string | null
  disputeReason: string | null
  rejectReason: string | null
  hideReason: string | null
  thanks: string | null
  /** When it went onto the wall (approval or posting without review); the digest counts from here. */
  openedAt: string | null
  digestId: string | null
  history: HistoryEntry[]
  version: number
  createdAt: string
  updatedAt: string
}

/** `wish_settings`: `_id` = community id. Fields added since a community saved its settings are missing. */
export type WishSettingsDoc = Partial<WishSettings> & { _id: string; updatedAt: string; updatedBy: string }

/** `wish_claim_slots`: `_id` = volunteer openid; `open` claims held now, bounded by the claim limit. */
export interface ClaimSlotsDoc {
  _id: string
  open: number
  /**
   * When a slot was last taken (a claim's reservation, a dispute), until the
   * `wishes.repairClaimSlots` sweep has recounted it; missing on slots saved before it existed.
   */
  auditDueAt?: string | null
}

/**
 * `service_ledger`: `_id` = `wish:<wishId>` or `event:<eventId>:<attendeeKey>` (活动签到), so
 * a wish or an attended event is credited at most once.
 */
export interface LedgerDoc {
  _id: string
  openid: string
  source: 'wish' | 'event'
  sourceId: string
  title: string
  hours: number
  points: number
  creditedAt: string
}

/** `wish_digests`: `_id` = `<communityId>:<Shanghai date>`, one per community per day at most. */
export interface DigestDoc {
  _id: string
  communityId: string
  period: string
  wishIds: string[]
  createdAt: string
  sentTo: string[]
  sentAt: string | null
  sentBy: string | null
}

/** The wish wall's collections, each with its document type. `service_ledger` is shared: events credit hours there too. */
export const WISH_COLLECTIONS = {
  wishes: collectionName<WishDoc>('wishes'),
  settings: collectionName<WishSettingsDoc>('wish_settings'),
  claimSlots: collectionName<ClaimSlotsDoc>('wish_claim_slots'),
  ledger: collectionName<LedgerDoc>('service_ledger'),
  digests: collectionName<DigestDoc>('wish_digests'),
} as const
