/**
 * Every index of every collection, in one place.
 *
 * - The local host and the test harness pass these to the embedded database (embedded-db/),
 *   which creates exactly these on open, so local queries use them; an equality/range/sort on an indexed field does not scan the collection.
 *   A `$nearSphere`/`geoNear` query needs a '2dsphere' index on its field, as on CloudBase.
 * - In the cloud, create the same indexes in the CloudBase console (数据库 → 集合 → 索引管理):
 *   same collection, same fields in the same order, 升序 for 1, 降序 for -1, 地理位置 for
 *   '2dsphere', and 唯一 when `unique` is true. `_id` is always indexed; never list it.
 *
 * To add one, append a line to INDEXES. Names are unique within a collection.
 */
import type { IndexSpec } from '../../embedded-db/index-spec'

export type { IndexOrder, IndexSpec } from '../../embedded-db/index-spec'

export const INDEXES: IndexSpec[] = [
  // units: the org tree. `ancestors` (root first) answers "every unit below X".
  { collection: 'units', name: 'parentId', fields: [{ field: 'parentId', order: 1 }] },
  { collection: 'units', name: 'ancestors', fields: [{ field: 'ancestors', order: 1 }] },
  {
    collection: 'units',
    name: 'kind',
    fields: [
      { field: 'kind', order: 1 },
      { field: 'name', order: 1 },
    ],
  },

  // role_assignments: one person's roles, and who holds a role at a unit.
  { collection: 'role_assignments', name: 'openid', fields: [{ field: 'openid', order: 1 }] },
  {
    collection: 'role_assignments',
    name: 'unit_role',
    fields: [
      { field: 'unitId', order: 1 },
      { field: 'role', order: 1 },
    ],
  },

  // volunteer_applications: a staff review queue per unit.
  { collection: 'volunteer_applications', name: 'openid', fields: [{ field: 'openid', order: 1 }] },
  {
    collection: 'volunteer_applications',
    name: 'unit_status',
    fields: [
      { field: 'unitId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },

  // subscriptions: subscribe-message grants per person and template.
  {
    collection: 'subscriptions',
    name: 'openid_template',
    fields: [
      { field: 'openid', order: 1 },
      { field: 'templateId', order: 1 },
    ],
  },

  // uploads: who uploaded a file (photo ownership) and how much each account keeps (quota).
  { collection: 'uploads', name: 'openid', fields: [{ field: 'openid', order: 1 }] },

  // outbox: the drain picks due records; the dedupe key makes a notification idempotent.
  {
    collection: 'outbox',
    name: 'due',
    fields: [
      { field: 'status', order: 1 },
      { field: 'nextAttemptAt', order: 1 },
    ],
  },
  { collection: 'outbox', name: 'dedupeKey', fields: [{ field: 'dedupeKey', order: 1 }], unique: true },

  // inbox: a person's messages, newest first.
  {
    collection: 'inbox',
    name: 'openid_createdAt',
    fields: [
      { field: 'openid', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },

  // dev_messages: what the local messaging port would have sent, newest first.
  {
    collection: 'dev_messages',
    name: 'touser_createdAt',
    fields: [
      { field: 'touser', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },

  // Appended by the functions engineer (issue 3): the fields the users function and the
  // outbox actually query.
  {
    collection: 'volunteer_applications',
    name: 'community_status',
    fields: [
      { field: 'communityId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },
  {
    collection: 'inbox',
    name: 'openid_readAt',
    fields: [
      { field: 'openid', order: 1 },
      { field: 'readAt', order: 1 },
    ],
  },
  { collection: 'dev_messages', name: 'sentAt', fields: [{ field: 'sentAt', order: -1 }] },
  // stations (红色驿站): nearest first needs the geo index; the name order lists without a
  // location; a unit's stations for the staff list; the amenity catalogue in insertion order.
  { collection: 'stations', name: 'location', fields: [{ field: 'location', order: '2dsphere' }] },
  { collection: 'stations', name: 'name', fields: [{ field: 'name', order: 1 }] },
  {
    collection: 'stations',
    name: 'unit_name',
    fields: [
      { field: 'unitId', order: 1 },
      { field: 'name', order: 1 },
    ],
  },
  { collection: 'station_amenities', name: 'createdAt', fields: [{ field: 'createdAt', order: 1 }] },
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
  // cases (诉求, issue 6): 我的诉求 newest first; a unit's boxes by status and deadline; the
  // subtree of a street or district (unitScope holds the handling unit and its ancestors);
  // lookup by the human number; similar cases nearby; figures over a submission range.
  {
    collection: 'cases',
    name: 'petitioner_submittedAt',
    fields: [
      { field: 'petitionerOpenid', order: 1 },
      { field: 'submittedAt', order: -1 },
    ],
  },
  {
    collection: 'cases',
    name: 'unit_status_due',
    fields: [
      { field: 'handlingUnitId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'handleDueAt', order: 1 },
    ],
  },
  {
    collection: 'cases',
    name: 'scope_status',
    fields: [
      { field: 'unitScope', order: 1 },
      { field: 'status', order: 1 },
    ],
  },
  { collection: 'cases', name: 'number', fields: [{ field: 'number', order: 1 }], unique: true },
  { collection: 'cases', name: 'location', fields: [{ field: 'location', order: '2dsphere' }] },
  {
    collection: 'cases',
    name: 'status_submittedAt',
    fields: [
      { field: 'status', order: 1 },
      { field: 'submittedAt', order: 1 },
    ],
  },
  // Open311's public list (docs/open311.md): newest first in a date range, optionally by service code.
  { collection: 'cases', name: 'submittedAt', fields: [{ field: 'submittedAt', order: -1 }] },
  {
    collection: 'cases',
    name: 'categoryCode_submittedAt',
    fields: [
      { field: 'categoryCode', order: 1 },
      { field: 'submittedAt', order: -1 },
    ],
  },
  // a unit's 超期 box (unsigned past the acknowledgement deadline) and 待回访 box.
  {
    collection: 'cases',
    name: 'unit_status_ack',
    fields: [
      { field: 'handlingUnitId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'ackDueAt', order: 1 },
    ],
  },
  // `rating` is in it so the 待回访 count (rating: null) is answered from the index alone.
  {
    collection: 'cases',
    name: 'unit_status_revisit',
    fields: [
      { field: 'handlingUnitId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'rating', order: 1 },
      { field: 'revisitDueAt', order: 1 },
    ],
  },
  // 延期待审核: the extension requests below a supervisor's unit (queries.ts extensionWaiting).
  {
    collection: 'cases',
    name: 'scope_extension_status',
    fields: [
      { field: 'unitScope', order: 1 },
      { field: 'extension.status', order: 1 },
      { field: 'status', order: 1 },
    ],
  },
  // case_figure_counters: a unit's subtree (unitScope) over a range of submission days.
  {
    collection: 'case_figure_counters',
    name: 'scope_day',
    fields: [
      { field: 'unitScope', order: 1 },
      { field: 'day', order: 1 },
    ],
  },
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
  // events (活动报名, issue 11): the resident list (audience keys, soonest first); an
  // organiser's boxes over the unit subtree; the sweeps' scheduled publications, reminders
  // and starts; a person's registrations by event time; an event's registrations by status
  // and sign-up order (roster, fan-out); due offers; stuck sign-ups; dirty seat books.
  {
    collection: 'events',
    name: 'audience_status_startAt',
    fields: [
      { field: 'audienceKeys', order: 1 },
      { field: 'status', order: 1 },
      { field: 'startAt', order: 1 },
    ],
  },
  {
    collection: 'events',
    name: 'audience_status_kind_startAt',
    fields: [
      { field: 'audienceKeys', order: 1 },
      { field: 'status', order: 1 },
      { field: 'kind', order: 1 },
      { field: 'startAt', order: 1 },
    ],
  },
  {
    collection: 'events',
    name: 'scope_status_startAt',
    fields: [
      { field: 'unitScope', order: 1 },
      { field: 'status', order: 1 },
      { field: 'startAt', order: 1 },
    ],
  },
  {
    collection: 'events',
    name: 'status_publishAt',
    fields: [
      { field: 'status', order: 1 },
      { field: 'publishAt', order: 1 },
    ],
  },
  {
    collection: 'events',
    name: 'status_nextReminderAt',
    fields: [
      { field: 'status', order: 1 },
      { field: 'nextReminderAt', order: 1 },
    ],
  },
  {
    collection: 'events',
    name: 'status_closedAt_startAt',
    fields: [
      { field: 'status', order: 1 },
      { field: 'closedAt', order: 1 },
      { field: 'startAt', order: 1 },
    ],
  },
  { collection: 'events', name: 'fanout_key', fields: [{ field: 'fanout.key', order: 1 }] },
  {
    collection: 'event_registrations',
    name: 'openid_eventStartAt',
    fields: [
      { field: 'openid', order: 1 },
      { field: 'eventStartAt', order: 1 },
    ],
  },
  {
    collection: 'event_registrations',
    name: 'event_status_joinedAt',
    fields: [
      { field: 'eventId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'joinedAt', order: 1 },
    ],
  },
  {
    collection: 'event_registrations',
    name: 'event_phone',
    fields: [
      { field: 'eventId', order: 1 },
      { field: 'phone', order: 1 },
    ],
  },
  {
    collection: 'event_registrations',
    name: 'status_offerExpiresAt',
    fields: [
      { field: 'status', order: 1 },
      { field: 'offerExpiresAt', order: 1 },
    ],
  },
  {
    collection: 'event_registrations',
    name: 'status_updatedAt',
    fields: [
      { field: 'status', order: 1 },
      { field: 'updatedAt', order: 1 },
    ],
  },
  // 活动签到 (issue 12): the sweep after the end; one event's attendance records
  {
    collection: 'events',
    name: 'status_attendanceClosedAt_endAt',
    fields: [
      { field: 'status', order: 1 },
      { field: 'attendanceClosedAt', order: 1 },
      { field: 'endAt', order: 1 },
    ],
  },
  {
    collection: 'event_attendance',
    name: 'event_createdAt',
    fields: [
      { field: 'eventId', order: 1 },
      { field: 'createdAt', order: 1 },
    ],
  },
  {
    collection: 'event_books',
    name: 'dirty_changedAt',
    fields: [
      { field: 'dirty', order: 1 },
      { field: 'changedAt', order: 1 },
    ],
  },
]
