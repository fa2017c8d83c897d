import type { EventDetail, EventSummary, MyRegistration, RosterEntry } from '../../types/events'
import { maskPhone } from '../../types/mask'
import { placementIn, UNLIMITED_SEATS, waitPositionIn } from './book'
import type { BookDoc, EventDoc, RegistrationDoc } from './collections'
import { signUpState } from './domain/schedule'

/** What the caller sees of their own registration; the wait position counts from 1 without gaps. */
export function myRegistrationView(reg: RegistrationDoc, book: BookDoc | null): MyRegistration {
  const status = reg.status === 'new' ? 'waiting' : reg.status
  const view: MyRegistration = { status, guests: reg.guests, cancelReason: reg.cancelReason }
  if (status === 'waiting' && book) {
    const at = waitPositionIn(book, reg._id)
    if (at > 0) view.waitPosition = at
  }
  if (status === 'offered' && reg.offerExpiresAt) view.offerExpiresAt = reg.offerExpiresAt
  return view
}

export function seatsView(event: EventDoc, book: BookDoc | null): EventSummary['seats'] {
  if (!book || event.capacity === 0) return { capacity: event.capacity, left: null, full: false }
  const left = Math.max(Math.min(book.free, UNLIMITED_SEATS), 0)
  return { capacity: event.capacity, left, full: left === 0 || book.waitingCount > 0 }
}

export function summaryView(
  event: EventDoc,
  book: BookDoc | null,
  reg: RegistrationDoc | null,
  now: Date,
): EventSummary {
  return {
    id: event._id,
    kind: event.kind,
    title: event.title,
    unitId: event.unitId,
    unitName: event.unitName,
    status: event.status,
    startAt: event.startAt,
    endAt: event.endAt,
    place: event.place,
    cover: event.cover,
    seats: seatsView(event, book),
    signUp: {
      opensAt: event.signUpOpensAt ?? event.publishedAt ?? event.publishAt ?? event.startAt,
      closesAt: event.signUpClosesAt,
      state: signUpState(event, now),
    },
    seriesId: event.seriesId,
    myRegistration: reg ? myRegistrationView(reg, book) : null,
  }
}

export function detailView(
  event: EventDoc,
  book: BookDoc | null,
  reg: RegistrationDoc | null,
  now: Date,
  canManage: boolean,
): EventDetail {
  return {
    ...summaryView(event, book, reg, now),
    description: event.description,
    organiser: event.organiser,
    cancelDeadline: event.cancelDeadline,
    guestsMax: event.guestsMax,
    approvalRequired: event.approvalRequired,
    audience: event.audience,
    questions: event.questions,
    terms: event.terms,
    reminderHours: event.reminderHours,
    publishAt: event.publishAt,
    cancelReason: event.cancelReason,
    canManage,
    draft: canManage ? event.draft : null,
  }
}

/**
 * One line of the roster. The phone is shown to the organisers (they call people); answers
 * to sensitive questions only to those who need them (`seeSensitive`), masked otherwise.
 */
export function rosterEntry(
  event: EventDoc,
  reg: RegistrationDoc,
  book: BookDoc | null,
  seeSensitive: boolean,
): RosterEntry {
  const byId = new Map(event.questions.map((q) => [q.id, q]))
  const at = book && reg.status === 'waiting' ? waitPositionIn(book, reg._id) : 0
  return {
    id: reg._id,
    name: reg.name,
    phone: reg.phone,
    status:
      reg.status === 'new' ? (book && placementIn(book, reg._id) === 'waiting' ? 'waiting' : 'pending') : reg.status,
    guests: reg.guests,
    proxy: reg.proxyBy !== null,
    waitPosition: at > 0 ? at : null,
    offerExpiresAt: reg.status === 'offered' ? reg.offerExpiresAt : null,
    cancelReason: reg.cancelReason,
    answers: reg.answers.map((a) => {
      const q = byId.get(a.questionId)
      const hidden = q?.sensitive && !seeSensitive
      return {
        questionId: a.questionId,
        label: q?.label ?? a.questionId,
        value: hidden ? (q?.kind === 'phone' ? maskPhone(a.value) : '***') : a.value,
      }
    }),
    joinedAt: reg.joinedAt,
  }
}
