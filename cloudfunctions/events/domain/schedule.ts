import { EVENT_LIMITS, WEEKDAY_LABELS } from '../../../types/events-labels'
import type { SignUpState } from '../../../types/events'

/*
 * The clock rules of an event, pure. Staff type Shanghai wall-clock times; China keeps no
 * daylight saving, so Shanghai is always UTC+8 and plain arithmetic converts exactly.
 */

const HOUR = 3_600_000
const SHANGHAI_OFFSET = 8 * HOUR

/** `2026-12-07 14:30` (Shanghai) → the instant. */
export function localToInstant(local: string): Date {
  const [date, time] = local.split(' ')
  return new Date(new Date(`${date}T${time}:00.000Z`).getTime() - SHANGHAI_OFFSET)
}

/** The instant → `2026-12-07 14:30` (Shanghai). */
export function instantToLocal(at: string | Date): string {
  return new Date(new Date(at).getTime() + SHANGHAI_OFFSET).toISOString().slice(0, 16).replace('T', ' ')
}

function shanghaiParts(at: string | Date): { month: number; day: number; weekday: number; hm: string } {
  const d = new Date(new Date(at).getTime() + SHANGHAI_OFFSET)
  const weekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay()
  return { month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday, hm: d.toISOString().slice(11, 16) }
}

/** `12月7日（周日）14:30` */
export function formatMoment(at: string | Date): string {
  const p = shanghaiParts(at)
  return `${p.month}月${p.day}日（${WEEKDAY_LABELS[p.weekday]}）${p.hm}`
}

/** `12月7日（周日）14:30–16:00`: what every event message says about when. */
export function formatWhen(startAt: string, endAt: string): string {
  return `${formatMoment(startAt)}–${shanghaiParts(endAt).hm}`
}

/** `18:00` on the same Shanghai day as `now`, otherwise `12月8日 18:00`. */
export function formatDeadline(at: string, now: Date): string {
  const p = shanghaiParts(at)
  const n = shanghaiParts(now)
  return p.month === n.month && p.day === n.day ? p.hm : `${p.month}月${p.day}日 ${p.hm}`
}

export interface EventTimes {
  startAt: string
  endAt: string
  signUpOpensAt: string | null
  signUpClosesAt: string
  cancelDeadline: string
}

/** The instants of a draft's fields; unset windows close at the start. */
export function eventTimes(d: {
  date: string
  startTime: string
  endTime: string
  signUpOpensAt: string | null
  signUpClosesAt: string | null
  cancelDeadline: string | null
}): EventTimes {
  const startAt = localToInstant(`${d.date} ${d.startTime}`).toISOString()
  return {
    startAt,
    endAt: localToInstant(`${d.date} ${d.endTime}`).toISOString(),
    signUpOpensAt: d.signUpOpensAt ? localToInstant(d.signUpOpensAt).toISOString() : null,
    signUpClosesAt: d.signUpClosesAt ? localToInstant(d.signUpClosesAt).toISOString() : startAt,
    cancelDeadline: d.cancelDeadline ? localToInstant(d.cancelDeadline).toISOString() : startAt,
  }
}

/** Where sign-up stands now. An unpublished or not-yet-open event is `not_open`. */
export function signUpState(
  e: {
    status: string
    startAt: string
    endAt: string
    signUpOpensAt: string | null
    publishedAt: string | null
    signUpClosesAt: string
  },
  now: Date,
): SignUpState {
  const at = now.toISOString()
  if (e.status === 'cancelled' || e.status === 'skipped') return e.status
  if (at >= e.endAt) return 'ended'
  if (at >= e.startAt) return 'started'
  if (e.status !== 'published') return 'not_open'
  const opens = e.signUpOpensAt ?? e.publishedAt ?? e.startAt
  if (at < opens) return 'not_open'
  if (at >= e.signUpClosesAt) return 'closed'
  return 'open'
}

export type SeatDecision = { kind: 'confirm' } | { kind: 'offer'; expiresAt: string }

/**
 * What a person next in line gets when a seat frees: an offer held `holdHours`, but never
 * into the last `offerCutoffHours` before the start; inside that stretch there is no time
 * to wait for an answer, so the seat is confirmed directly.
 */
export function seatDecision(
  now: Date,
  startAt: string,
  holdHours: number = EVENT_LIMITS.offerHoldHours,
): SeatDecision {
  const cutoff = new Date(startAt).getTime() - EVENT_LIMITS.offerCutoffHours * HOUR
  const expires = Math.min(now.getTime() + holdHours * HOUR, cutoff)
  if (expires <= now.getTime()) return { kind: 'confirm' }
  return { kind: 'offer', expiresAt: new Date(expires).toISOString() }
}

/** The key of one reminder: a new start time makes new keys, so a moved event is reminded again. */
export function reminderKey(startAt: string, hours: number): string {
  return `${startAt}|${hours}`
}

/**
 * Which reminder to send now. Every slot whose time has come is marked done, but only the
 * one nearest the start is sent: a person who signs up 3 hours before gets the 2-hour
 * reminder, not a late "明天开始" as well. Nothing after the start.
 */
export function dueReminders(
  startAt: string,
  hours: readonly number[],
  done: readonly string[],
  now: Date,
): { send: number | null; markDone: string[] } {
  const start = new Date(startAt).getTime()
  if (now.getTime() >= start) return { send: null, markDone: [] }
  const due = hours.filter((h) => start - h * HOUR <= now.getTime() && !done.includes(reminderKey(startAt, h)))
  if (due.length === 0) return { send: null, markDone: [] }
  return { send: Math.min(...due), markDone: due.map((h) => reminderKey(startAt, h)) }
}

/** When the next reminder falls due, or null when every one is done or the event has begun. */
export function nextReminderAt(startAt: string, hours: readonly number[], done: readonly string[]): string | null {
  const start = new Date(startAt).getTime()
  const left = hours.filter((h) => !done.includes(reminderKey(startAt, h))).map((h) => start - h * HOUR)
  return left.length === 0 ? null : new Date(Math.min(...left)).toISOString()
}

/** 80 % of the seats taken is almost full; none left is full. Unlimited events never alert. */
export function capacityAlert(capacity: number, taken: number): 'none' | 'almost_full' | 'full' {
  if (capacity <= 0) return 'none'
  if (taken >= capacity) return 'full'
  return taken * 5 >= capacity * 4 ? 'almost_full' : 'none'
}
