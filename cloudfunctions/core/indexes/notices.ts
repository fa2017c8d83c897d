/** What the notices function queries (社区通知): the residents it fans out to, its notices and receipts. Part of INDEXES (core/indexes.ts). */
import type { IndexSpec } from '../../../embedded-db/index-spec'

export const NOTICE_INDEXES: IndexSpec[] = [
  // notices (社区通知, issue 13). users: the residents of a community, or living at or below a
  // grid, 小区 or 楼栋, in `_id` order: how a fan-out pages through them and resumes after the
  // last one it wrote.
  {
    collection: 'users',
    name: 'communityId_id',
    fields: [
      { field: 'communityId', order: 1 },
      { field: '_id', order: 1 },
    ],
  },
  {
    collection: 'users',
    name: 'address_unitIds_id',
    fields: [
      { field: 'address.unitIds', order: 1 },
      { field: '_id', order: 1 },
    ],
  },
  // notices: sent by a unit or below (unitScope), sent to a unit (audienceIds), due schedules,
  // the per-unit rate limit.
  {
    collection: 'notices',
    name: 'unitScope_createdAt',
    fields: [
      { field: 'unitScope', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },
  {
    collection: 'notices',
    name: 'audienceIds_createdAt',
    fields: [
      { field: 'audienceIds', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },
  {
    collection: 'notices',
    name: 'status_publishAt',
    fields: [
      { field: 'status', order: 1 },
      { field: 'publishAt', order: 1 },
    ],
  },
  {
    collection: 'notices',
    name: 'unit_submittedAt',
    fields: [
      { field: 'unitId', order: 1 },
      { field: 'submittedAt', order: 1 },
    ],
  },
  // notice_receipts: a resident's list; the reach counts by (notice, unit bucket, flag) are
  // answered from these indexes alone; the followers of a 公示.
  {
    collection: 'notice_receipts',
    name: 'openid_publishedAt',
    fields: [
      { field: 'openid', order: 1 },
      { field: 'publishedAt', order: -1 },
    ],
  },
  {
    collection: 'notice_receipts',
    name: 'notice_unit_read',
    fields: [
      { field: 'noticeId', order: 1 },
      { field: 'unitPath', order: 1 },
      { field: 'read', order: 1 },
    ],
  },
  {
    collection: 'notice_receipts',
    name: 'notice_unit_acked',
    fields: [
      { field: 'noticeId', order: 1 },
      { field: 'unitPath', order: 1 },
      { field: 'acked', order: 1 },
    ],
  },
  {
    collection: 'notice_receipts',
    name: 'notice_unit_reachedBy',
    fields: [
      { field: 'noticeId', order: 1 },
      { field: 'unitPath', order: 1 },
      { field: 'reachedBy', order: 1 },
    ],
  },
  {
    collection: 'notice_receipts',
    name: 'notice_unit_push',
    fields: [
      { field: 'noticeId', order: 1 },
      { field: 'unitPath', order: 1 },
      { field: 'push', order: 1 },
    ],
  },
  {
    collection: 'notice_receipts',
    name: 'notice_following',
    fields: [
      { field: 'noticeId', order: 1 },
      { field: 'following', order: 1 },
    ],
  },
]
