/** The wishes function's collections (微心愿墙). Part of INDEXES (core/indexes.ts). */
import type { IndexSpec } from '../../../embedded-db/index-spec'

export const WISH_INDEXES: IndexSpec[] = [
  // wishes (微心愿墙): the wall by community or station and status, newest or soonest-needed
  // first; my wishes and my claims; the sweeps' due claims, due confirmations and digest
  // candidates; a station's confirmed results; the ledger per person; digests per community;
  // claim slots due for a recount, and the claims a volunteer holds to recount them by.
  {
    collection: 'wishes',
    name: 'community_status_createdAt',
    fields: [
      { field: 'communityId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },
  {
    collection: 'wishes',
    name: 'community_status_neededBy',
    fields: [
      { field: 'communityId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'neededBy', order: 1 },
    ],
  },
  {
    collection: 'wishes',
    name: 'station_status_createdAt',
    fields: [
      { field: 'stationId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },
  // The wall filtered by category, and a station's wall soonest-needed first: each variant
  // needs its own equality prefix and sort, or a page of a rare category scans the wall.
  {
    collection: 'wishes',
    name: 'community_status_category_createdAt',
    fields: [
      { field: 'communityId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'category', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },
  {
    collection: 'wishes',
    name: 'community_status_category_neededBy',
    fields: [
      { field: 'communityId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'category', order: 1 },
      { field: 'neededBy', order: 1 },
    ],
  },
  {
    collection: 'wishes',
    name: 'station_status_neededBy',
    fields: [
      { field: 'stationId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'neededBy', order: 1 },
    ],
  },
  {
    collection: 'wishes',
    name: 'station_status_category_createdAt',
    fields: [
      { field: 'stationId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'category', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },
  {
    collection: 'wishes',
    name: 'station_status_category_neededBy',
    fields: [
      { field: 'stationId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'category', order: 1 },
      { field: 'neededBy', order: 1 },
    ],
  },
  {
    collection: 'wishes',
    name: 'station_status_confirmedAt',
    fields: [
      { field: 'stationId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'confirmedAt', order: -1 },
    ],
  },
  {
    collection: 'wishes',
    name: 'wisher_createdAt',
    fields: [
      { field: 'wisherId', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },
  {
    collection: 'wishes',
    name: 'claimer_createdAt',
    fields: [
      { field: 'claimerId', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },
  { collection: 'wishes', name: 'claimNoticeDueAt', fields: [{ field: 'claimNoticeDueAt', order: 1 }] },
  {
    collection: 'wishes',
    name: 'status_claimDeadline',
    fields: [
      { field: 'status', order: 1 },
      { field: 'claimDeadline', order: 1 },
    ],
  },
  {
    collection: 'wishes',
    name: 'status_autoConfirmAt',
    fields: [
      { field: 'status', order: 1 },
      { field: 'autoConfirmAt', order: 1 },
    ],
  },
  {
    collection: 'wishes',
    name: 'status_digest_openedAt',
    fields: [
      { field: 'status', order: 1 },
      { field: 'digestId', order: 1 },
      { field: 'openedAt', order: 1 },
    ],
  },
  { collection: 'wish_claim_slots', name: 'auditDueAt', fields: [{ field: 'auditDueAt', order: 1 }] },
  {
    collection: 'wishes',
    name: 'claimer_status',
    fields: [
      { field: 'claimerId', order: 1 },
      { field: 'status', order: 1 },
    ],
  },
  {
    collection: 'service_ledger',
    name: 'openid_creditedAt',
    fields: [
      { field: 'openid', order: 1 },
      { field: 'creditedAt', order: -1 },
    ],
  },
  {
    collection: 'wish_digests',
    name: 'community_period',
    fields: [
      { field: 'communityId', order: 1 },
      { field: 'period', order: -1 },
    ],
  },
]
