import { collectionName } from '../core/data'
import type { CancelReasonSchema, EventDraft, RegistrationStatusValue } from '../../types/events'
import type { Audience, Question } from '../../types/events-draft-parts'
import type { EventKind, EventStatus } from '../../types/events-labels'
import type { z } from 'zod'

/** The collections of 活动报名. */
/** A transaction as core/data.ts makes it (the one transaction type). */
export type { Tx } from '../core/data'

/** `events`: one event (one occurrence of a series). Times are ISO instants (UTC). */
export interface EventDoc {
  _id: string
  unitId: string
  unitName: string
  /** The units above the organising unit (root first), then its own, as the policy's scope: a street's staff find their communities' events. */
  unitScope: string[]
  kind: EventKind
  title: string
  description: string
  cover: string | null
  place: { name: string; address: string; location: { lng: number; lat: number } | null }
  startAt: string
  endAt: string
  signUpOpensAt: string | null
  signUpClosesAt: string
  cancelDeadline: string
  capacity: number
  reservedSeats: number
  guestsMax: number
  approvalRequired: boolean
  audience: Audience
  /** Keys a person must hold one of to see and join (audience.ts): `all`, `unit:<id>`, `place:<id>`, `party:<id>`, `vol:<id>`. */
  audienceKeys: string[]
  questions: Question[]
  terms: string
  reminderHours: number[]
  /** `${startAt}|${hours}` of every reminder already queued (or skipped as past), so none goes twice. */
  remindersDone: string[]
  /** When the sweep should look at reminders next; null when none is left. */
  nextReminderAt: string | null
  offerHoldHours: number
  organiser: { name: string; phone: string }
  status: EventStatus
  publishAt: string | null
  publishedAt: string | null
  cancelReason: string | null
  /** The waitlist was closed at the start (everyone still waiting told). */
  closedAt: string | null
  /** Set by the attendance sweep after the end (absences marked, hours credited); absent before (attendance.ts). */
  attendanceClosedAt?: string
  /** The last change of time or place: whoever signed up before it may cancel regardless of the deadline. */
  changedAt: string | null
  /**
   * A message to everyone signed up that is not fully queued yet (a change, or the
   * cancellation): set with the change, cleared once every notice is queued, so the sweep
   * finishes a fan-out a crash interrupted. Dedupe keys make a second pass add nothing.
   */
  fanout: { kind: 'change' | 'cancel' | 'skip'; key: string; title: string; body: string } | null
  seriesId: string | null
  /** The fields as typed, for editing and copying. */
  draft: EventDraft
  createdBy: string
  createdAt: string
  updatedAt: string
  version: number
}

/**
 * `event_books`: `_id` = event id. The seat ledger every placement goes through with one
 * conditional update (atomic on CloudBase and on the embedded database):
 * - `free`: online seats not held; `reservedFree`: reserved seats not held (代报名 only);
 * - `holders`: registrations holding seats (confirmed, offered, pending), `offered` ⊆ holders;
 * - `waitlist`: registrations waiting, first come first; a wait position is the index + 1.
 * Seats are given in the book first and taken back in the registration first, so a crash
 * between the two writes leaves a registration the reconcile sweep can bring in line,
 * never a seat given twice or lost. Every change sets `dirty` for that sweep.
 */
export interface BookDoc {
  _id: string
  /** 0 = unlimited. */
  capacity: number
  reserved: number
  free: number
  reservedFree: number
  holders: string[]
  /** Holders that took a reserved seat: their seat goes back to the reserved pool. */
  reservedHolders: string[]
  offered: string[]
  waitlist: string[]
  waitingCount: number
  dirty: boolean
  changedAt: string
  version: number
}

export type RegistrationStatus = RegistrationStatusValue | 'new'
export type CancelReason = z.infer<typeof CancelReasonSchema>

/**
 * `event_registrations`: `_id` = `<eventId>:<hash of the openid>` (or of the phone, for
 * 代报名; `regIdFor` in registrations.ts), so one person has one registration per event
 * whatever they tap, and the id staff see names nobody. `new` is the
 * short moment between writing the registration and placing it in the book.
 */
export interface RegistrationDoc {
  _id: string
  eventId: string
  openid: string | null
  name: string
  phone: string
  proxyBy: string | null
  clientRequestId: string
  guests: number
  seats: number
  seatPool: 'general' | 'reserved'
  answers: { questionId: string; value: string }[]
  status: RegistrationStatus
  /** Grows by one each time the person signs up again after cancelling: notices are per round. */
  round: number
  offerExpiresAt: string | null
  cancelReason: CancelReason | null
  history: { at: string; status: RegistrationStatus; note: string | null }[]
  /** When this round joined: the roster's order. */
  joinedAt: string
  eventStartAt: string
  createdAt: string
  updatedAt: string
}

export const ACTIVE_STATUSES: readonly RegistrationStatus[] = ['new', 'confirmed', 'offered', 'waiting', 'pending']

/** Collections the events function owns, each with its document type. */
export const EVENT_COLLECTIONS = {
  events: collectionName<EventDoc>('events'),
  /** One seat book per event: the only place seats are given (see book.ts). */
  books: collectionName<BookDoc>('event_books'),
  registrations: collectionName<RegistrationDoc>('event_registrations'),
} as const
