/** What the places function queries (小区/楼栋): residents by address, 双报到 reports, posts. Part of INDEXES (core/indexes.ts). */
import type { IndexSpec } from '../../../embedded-db/index-spec'

export const PLACE_INDEXES: IndexSpec[] = [
  // places (小区/楼栋, issue 10): residents by address unit (audiences: everyone at or below a
  // unit) and the 住户 list of a community or grid, newest first; 双报到 reports per community
  // and status; the posts within a community (unitIds holds the post's unit and its ancestors).
  {
    collection: 'users',
    name: 'address_unitIds',
    fields: [
      { field: 'address.unitIds', order: 1 },
      { field: 'address.status', order: 1 },
      { field: 'address.declaredAt', order: -1 },
    ],
  },
  {
    collection: 'users',
    name: 'community_partyMember',
    fields: [
      { field: 'communityId', order: 1 },
      { field: 'partyMember', order: 1 },
    ],
  },
  {
    collection: 'party_members',
    name: 'community_status',
    fields: [
      { field: 'communityId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'reportedAt', order: -1 },
    ],
  },
  { collection: 'place_posts', name: 'unitIds', fields: [{ field: 'unitIds', order: 1 }] },
  // the posts a person holds (setPhoneHidden, users.me's serving)
  { collection: 'place_posts', name: 'openid', fields: [{ field: 'openid', order: 1 }] },
]
