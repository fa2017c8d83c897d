import type { AttendanceStatus, CheckInWay } from '../../types/events-attendance-labels'
import { collectionName } from '../core/data'

/*
 * The collections of check-in and attendance (issue 12). Service hours go to the wish
 * wall's `service_ledger` (WISH_COLLECTIONS.ledger) with `source: 'event'`.
 */

/**
 * `event_attendance`: `_id` = `<eventId>:<attendeeKey>`, one record per person and event
 * whoever checks them in and however often, so two devices at once write one record.
 * Written `present` at check-in, or `absent` by the sweep after the event.
 */
export interface AttendanceDoc {
  _id: string
  eventId: string
  key: string
  /** The registration, or null for a walk-in without one. */
  registrationId: string | null
  openid: string | null
  name: string
  phone: string
  guests: number
  status: AttendanceStatus
  way: CheckInWay | null
  checkedInAt: string | null
  /** Staff openid, or the person's own for a venue scan; null for the sweep's absences. */
  checkedInBy: string | null
  checkOutAt: string | null
  /** When the sweep after the end settled this record (hours credited or none due); null before. */
  settledAt: string | null
  hours: number | null
  /** 党员 when checked in (the user's verified 双报到), for the figures' party share; absent on older records. */
  partyMember?: boolean
  reversal: { reason: string; at: string; by: string } | null
  createdAt: string
  updatedAt: string
}

/** `event_codes`: `_id` = the code; which event and registration it was issued for. */
export interface CodeDoc {
  _id: string
  kind: 'person' | 'venue'
  eventId: string
  registrationId: string | null
  round: number
  createdAt: string
}

/** `event_keys`: `_id` = `checkin`; the secret the codes are signed with, made on first use, never answered. */
export interface KeyDoc {
  _id: string
  secret: string
  createdAt: string
}

export const ATTENDANCE_COLLECTIONS = {
  attendance: collectionName<AttendanceDoc>('event_attendance'),
  codes: collectionName<CodeDoc>('event_codes'),
  keys: collectionName<KeyDoc>('event_keys'),
} as const

/** `event_minutes`: `_id` = event id. 活动纪要 and the issues it turned into cases. */
export interface MinutesDoc {
  _id: string
  summary: string
  photos: string[]
  issues: Array<{
    caseId: string
    number: string
    text: string
    petitionerName: string
    raisedAt: string
    raisedBy: string
  }>
  updatedAt: string
  updatedBy: string
}

export const MINUTES_COLLECTION = collectionName<MinutesDoc>('event_minutes')
