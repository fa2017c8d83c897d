import type {
  AudienceFilter,
  Attachment,
  FollowUpMethod,
  NoticeCategory,
  NoticeKind,
  NoticePriority,
  NoticeStatus,
} from '../../types/notices'
import { collectionName } from '../core/data'

/**
 * Where a fan-out stands: the index of the membership unit being read and the last openid
 * written in it (users are read in `_id` order). Advanced in the same transaction as the
 * receipts of each batch, so a crash resumes exactly after the last committed batch.
 */
export interface FanoutCursor {
  targetIds: string[]
  target: number
  after: string
  batches: number
  written: number
  done: boolean
}

/** `notices`: one notice with its versions and (for 公示) its progress. */
export interface NoticeDoc {
  _id: string
  unitId: string
  unitName: string
  kind: NoticeKind
  status: NoticeStatus
  title: string
  body: string
  summary: string
  category: NoticeCategory
  priority: NoticePriority
  images: string[]
  attachments: Attachment[]
  eventId: string | null
  publishAt: string | null
  publishedAt: string | null
  expiresAt: string | null
  pinnedUntil: string | null
  ackRequired: boolean
  ackDeadline: string | null
  audience: { unitIds: string[]; unitNames: string[]; unitKinds: string[]; filter: AudienceFilter }
  /** The sending unit's ancestors and itself: "sent by my unit or one below it" is `unitScope: myUnit`. */
  unitScope: string[]
  /** Audience unit ids: "sent to my unit or one above it" is `audienceIds in [myUnit, ...ancestors]`. */
  audienceIds: string[]
  /** When publication was asked for; the per-unit rate limit counts these. */
  submittedAt: string | null
  /** The content check asked for a person to look (publication then needs a second person). */
  contentReview: boolean
  approvalReason: string | null
  approvedBy: string | null
  createdBy: string
  version: number
  versions: { version: number; at: string; title: string; material: boolean; by: string }[]
  progress: { at: string; text: string }[]
  withdrawnReason: string | null
  fanout: FanoutCursor | null
  recipientCount: number | null
  createdAt: string
  updatedAt: string
}

export type PushState = 'none' | 'queued' | 'no_grant'

/**
 * `notice_receipts`: one per recipient and notice, `_id` = receiptId(notice, openid). The
 * notice's list fields are copied in so a resident's list is one query; edits and
 * withdrawals update them for all receipts of the notice at once.
 */
export interface ReceiptDoc {
  _id: string
  noticeId: string
  openid: string
  unitPath: string[]
  kind: NoticeKind
  title: string
  summary: string
  category: NoticeCategory
  priority: NoticePriority
  unitName: string
  publishedAt: string
  pinnedUntil: string | null
  expiresAt: string | null
  ackRequired: boolean
  withdrawn: boolean
  read: boolean
  readAt: string | null
  acked: boolean
  ackedAt: string | null
  /**
   * `read` when they opened it, `follow_up` when staff reached them another way, `none` not
   * yet. A string, not null: null in an index with the multikey `unitPath` cannot be counted
   * from the index alone.
   */
  reachedBy: 'read' | 'follow_up' | 'none'
  followUp: { method: FollowUpMethod; note: string; at: string; by: string } | null
  push: PushState
  remindedAt: string | null
  following: boolean
  createdAt: string
}

/** Collections the notices function owns, each with its document type. */
export const NOTICE_COLLECTIONS = {
  notices: collectionName<NoticeDoc>('notices'),
  receipts: collectionName<ReceiptDoc>('notice_receipts'),
} as const
