import type { AudienceKind, EventKind, QuestionKind } from '../../../types/events-labels'
import type { EventDetail, EventDraftInput } from '../../services/events'

/** A sign-up question as the organiser types it; choice options as one line, split on commas. */
export interface QuestionState {
  id: string
  kind: QuestionKind
  label: string
  options: string
  required: boolean
  sensitive: boolean
}

/** The fields the organiser types, as strings until submit. */
export interface FormState {
  kind: EventKind
  title: string
  description: string
  date: string
  startTime: string
  endTime: string
  placeName: string
  address: string
  capacity: string
  audience: AudienceKind
  /** Grids, 小区 or 楼栋 when the audience is `places`. */
  placeIds: string[]
  questions: QuestionState[]
  organiserPhone: string
  /** Seats kept back for 代报名. */
  reservedSeats: string
  /** Guests ("+1") a resident may bring; 0 = none. */
  guestsMax: string
  approvalRequired: boolean
  /** `YYYY-MM-DD HH:mm`; '' = on publication / at the start. */
  signUpOpensAt: string
  signUpClosesAt: string
  cancelDeadline: string
  terms: string
  reminderHours: number[]
  /** '' = publish on saving (when ticked); otherwise 定时发布 at this time. */
  publishAt: string
  series: 'none' | 'weekly' | 'monthly'
  weekday: number
  day: string
  count: string
}

/** The stored draft fields, as `get` answers them to the organisers. */
export type StoredDraft = NonNullable<EventDetail['draft']>

export const EMPTY_FORM: FormState = {
  kind: 'bench_meeting',
  title: '',
  description: '',
  date: '',
  startTime: '09:30',
  endTime: '11:00',
  placeName: '',
  address: '',
  capacity: '30',
  audience: 'community',
  placeIds: [],
  questions: [],
  organiserPhone: '',
  reservedSeats: '0',
  guestsMax: '0',
  approvalRequired: false,
  signUpOpensAt: '',
  signUpClosesAt: '',
  cancelDeadline: '',
  terms: '',
  reminderHours: [24, 2],
  publishAt: '',
  series: 'none',
  weekday: 1,
  day: '15',
  count: '4',
}

/** Splits 选项 typed with Chinese or Latin commas (or 、) into the options. */
export function splitOptions(line: string): string[] {
  return line
    .split(/[,，、]/)
    .map((o) => o.trim())
    .filter(Boolean)
}

/** A new question's id: the first `q<n>` no other question has (ids are stored with the answers). */
export function nextQuestionId(questions: readonly QuestionState[]): string {
  let n = questions.length + 1
  while (questions.some((q) => q.id === `q${n}`)) n++
  return `q${n}`
}

/** The form for editing a stored event. */
export function fromDraft(d: StoredDraft): FormState {
  return {
    ...EMPTY_FORM,
    kind: d.kind,
    title: d.title,
    description: d.description,
    date: d.date,
    startTime: d.startTime,
    endTime: d.endTime,
    placeName: d.place.name,
    address: d.place.address,
    capacity: String(d.capacity),
    audience: d.audience.kind,
    placeIds: d.audience.placeIds,
    questions: d.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      label: q.label,
      options: q.options.join('，'),
      required: q.required,
      sensitive: q.sensitive,
    })),
    organiserPhone: d.organiser.phone,
    reservedSeats: String(d.reservedSeats),
    guestsMax: String(d.guestsMax),
    approvalRequired: d.approvalRequired,
    signUpOpensAt: d.signUpOpensAt ?? '',
    signUpClosesAt: d.signUpClosesAt ?? '',
    cancelDeadline: d.cancelDeadline ?? '',
    terms: d.terms,
    reminderHours: d.reminderHours,
  }
}

const asMinutes = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00Z`) / 60_000
const fromMinutes = (m: number) => new Date(m * 60_000).toISOString().slice(0, 16).replace('T', ' ')

/**
 * A window time as sent: '' is none; a time the organiser left as stored moves with the event
 * when the event is moved (Shanghai has no summer time), so one occurrence of a series moved
 * to another day keeps its "opens 7 days before".
 */
function windowTime(typed: string, stored: string | null | undefined, moved: number): string | null {
  if (!typed) return null
  return moved && typed === stored ? fromMinutes(asMinutes(typed) + moved) : typed
}

/**
 * The draft to send. When editing, `base` is the stored draft: what the form does not show
 * (the place's map point, the offer hold) is kept as it was. The server checks every rule.
 */
export function toDraft(form: FormState, unitId: string, base: StoredDraft | null = null): EventDraftInput {
  const moved =
    base && form.date ? asMinutes(`${form.date} ${form.startTime}`) - asMinutes(`${base.date} ${base.startTime}`) : 0
  return {
    ...(base ?? {}),
    signUpOpensAt: windowTime(form.signUpOpensAt, base?.signUpOpensAt, moved),
    signUpClosesAt: windowTime(form.signUpClosesAt, base?.signUpClosesAt, moved),
    cancelDeadline: windowTime(form.cancelDeadline, base?.cancelDeadline, moved),
    reservedSeats: Number(form.reservedSeats || 0),
    guestsMax: Number(form.guestsMax || 0),
    approvalRequired: form.approvalRequired,
    terms: form.terms,
    reminderHours: form.reminderHours,
    unitId,
    kind: form.kind,
    title: form.title,
    description: form.description,
    place: { name: form.placeName, address: form.address, location: base?.place.location ?? null },
    capacity: Number(form.capacity || 0),
    date: form.date,
    startTime: form.startTime,
    endTime: form.endTime,
    audience: { kind: form.audience, placeIds: form.audience === 'places' ? form.placeIds : [] },
    questions: form.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      label: q.label,
      required: q.required,
      sensitive: q.sensitive,
      options: q.kind === 'choice' ? splitOptions(q.options) : [],
    })),
    organiser: { name: base?.organiser.name ?? '', phone: form.organiserPhone },
  }
}
