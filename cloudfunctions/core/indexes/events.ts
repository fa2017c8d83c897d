/** The events function's collections (活动报名, 活动签到). Part of INDEXES (core/indexes.ts). */
import type { IndexSpec } from '../../../embedded-db/index-spec'

export const EVENT_INDEXES: IndexSpec[] = [
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
  // 党史知识竞赛 (issue 12): whether a person checked in; an event's papers; quizzes whose
  // results are due
  {
    collection: 'event_attendance',
    name: 'event_openid',
    fields: [
      { field: 'eventId', order: 1 },
      { field: 'openid', order: 1 },
    ],
  },
  {
    collection: 'event_quiz_entries',
    name: 'event_status_submittedAt',
    fields: [
      { field: 'eventId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'submittedAt', order: 1 },
    ],
  },
  {
    collection: 'event_quizzes',
    name: 'resultsQueuedAt_closesAt',
    fields: [
      { field: 'resultsQueuedAt', order: 1 },
      { field: 'closesAt', order: 1 },
    ],
  },
  // 活动评价 (issue 12): one event's ratings, newest first, for the staff
  {
    collection: 'event_ratings',
    name: 'event_ratedAt',
    fields: [
      { field: 'eventId', order: 1 },
      { field: 'ratedAt', order: 1 },
    ],
  },
]
