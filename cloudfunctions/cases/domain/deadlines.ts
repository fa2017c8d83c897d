import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { DeadlineTier, Duration } from '../../../types/cases'
import type { Category } from '../../../types/cases-routing'
import { refuse, type Outcome } from './result'

dayjs.extend(utc)

/*
 * Deadlines (接诉即办): every case must be signed for within its acknowledgement window and
 * handled within its handling window. Hours run by the clock; days are Shanghai calendar
 * days and end at 24:00 of the last day, which is how a 社区 reads "7 天内办结" — so a case
 * submitted at 23:59 and one submitted at 00:01 the next morning get different due dates.
 */

/** Asia/Shanghai's offset from UTC. */
const SHANGHAI_OFFSET_MINUTES = 480

/**
 * An instant on the Shanghai wall clock. Asia/Shanghai has kept +08:00 without summer time
 * since 1991, so a fixed offset gives the same dates and times as dayjs's time zone plugin
 * (deadlines.test.ts compares the two over 1992–2100) at a twentieth of the cost: the
 * plugin formats through Intl on every call, ~120 µs, and it was a third of the host's CPU
 * per submitted case (profile of bench/cases-host.ts).
 */
export function inShanghai(at: string | Date): Dayjs {
  return dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES)
}

export const TIER_DEFAULTS: Record<DeadlineTier, { ackWithin: Duration; handleWithin: Duration }> = {
  urgent: { ackWithin: { unit: 'hours', amount: 2 }, handleWithin: { unit: 'hours', amount: 24 } },
  general: { ackWithin: { unit: 'hours', amount: 24 }, handleWithin: { unit: 'days', amount: 7 } },
  complex: { ackWithin: { unit: 'hours', amount: 24 }, handleWithin: { unit: 'days', amount: 15 } },
}

const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000
const DAY_MS = 86_400_000

/**
 * The Shanghai wall clock of an instant as a Date whose UTC fields are that wall clock (the
 * instant eight hours on). Plain arithmetic where a submission needs it: a dayjs object and
 * its format came to ~40 µs of a submitted case (profile of bench/commit-cost.ts).
 */
function wallClock(at: string | Date): Date {
  return new Date((typeof at === 'string' ? Date.parse(at) : at.getTime()) + OFFSET_MS)
}

/** The end of a duration that starts at `from`: hours by the clock, days to the Shanghai midnight after the last one. */
export function addDuration(from: Date, d: Duration): Date {
  if (d.unit === 'hours') return new Date(from.getTime() + d.amount * 3_600_000)
  const wall = wallClock(from).getTime()
  const midnight = wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS) - OFFSET_MS
  return new Date(midnight + (d.amount + 1) * DAY_MS)
}

export type DeadlineCategory = Pick<Category, 'tier' | 'ackWithin' | 'handleWithin'>

export function windowsOf(category: DeadlineCategory): { ackWithin: Duration; handleWithin: Duration } {
  const base = TIER_DEFAULTS[category.tier]
  return { ackWithin: category.ackWithin ?? base.ackWithin, handleWithin: category.handleWithin ?? base.handleWithin }
}

/** Both due instants of a case that starts (or restarts, on reopening) at `from`. */
export function computeDeadlines(category: DeadlineCategory, from: Date): { ackDueAt: Date; handleDueAt: Date } {
  const w = windowsOf(category)
  return { ackDueAt: addDuration(from, w.ackWithin), handleDueAt: addDuration(from, w.handleWithin) }
}

/** An extension may add at most as many days as the handling window itself (an urgent case: one day). */
export function maxExtensionDays(category: DeadlineCategory): number {
  const h = windowsOf(category).handleWithin
  return h.unit === 'days' ? h.amount : Math.max(1, Math.floor(h.amount / 24))
}

/**
 * One extension per case (申请延期): refused when one was already asked for, or when it
 * asks for more than the handling window allows.
 */
export function checkExtension(
  category: DeadlineCategory,
  existing: { status: string } | null | undefined,
  days: number,
): Outcome<Record<never, never>> {
  if (existing) return refuse('CONFLICT', '每件诉求只能申请一次延期')
  const max = maxExtensionDays(category)
  if (!Number.isInteger(days) || days < 1 || days > max) return refuse('BAD_REQUEST', `延期天数应在1到${max}天之间`)
  return { ok: true }
}

/** The handling deadline once an extension of `days` is approved: later by that many Shanghai days. */
export function extendDeadline(handleDueAt: Date, days: number): Date {
  return inShanghai(handleDueAt).add(days, 'day').toDate()
}

export interface DeadlineState {
  status: string
  ackDueAt: string | Date
  handleDueAt: string | Date
}

const t = (v: string | Date) => (typeof v === 'string' ? Date.parse(v) : v.getTime())

/** 超期: not signed in time while waiting to be signed; not resolved in time while still open. */
export function overdue(c: DeadlineState, now: Date): { ack: boolean; handle: boolean; any: boolean } {
  const open = c.status === 'pending_sign' || c.status === 'processing' || c.status === 'returned'
  const ack = c.status === 'pending_sign' && now.getTime() > t(c.ackDueAt)
  const handle = open && now.getTime() > t(c.handleDueAt)
  return { ack, handle, any: ack || handle }
}

/** 按时办结: resolved no later than the (possibly extended) handling deadline. */
export function isOnTime(resolvedAt: Date, handleDueAt: string | Date): boolean {
  return resolvedAt.getTime() <= t(handleDueAt)
}

/** `2026-11-30 00:00` style (Shanghai wall time), for spreadsheet columns. */
export function formatShanghai(at: string | Date): string {
  return inShanghai(at).format('YYYY-MM-DD HH:mm')
}

/**
 * `11月23日 17:17` (Shanghai wall time), for times written into timeline and message texts:
 * the format the app shows the timeline's own times in (src/lib/dayjs.ts `formatTime`), so
 * one entry does not read differently from the next. The year is added when it is not
 * the year of `now` (a deadline past New Year).
 */
export function formatShanghaiText(at: string | Date, now: Date): string {
  const w = wallClock(at)
  const two = (n: number) => String(n).padStart(2, '0')
  const text = `${w.getUTCMonth() + 1}月${w.getUTCDate()}日 ${two(w.getUTCHours())}:${two(w.getUTCMinutes())}`
  const year = w.getUTCFullYear()
  return year === wallClock(now).getUTCFullYear() ? text : `${String(year).padStart(4, '0')}年${text}`
}

/** ISO 8601 with the +08:00 offset, as Open311 asks for. */
export function isoWithOffset(at: string | Date): string {
  return inShanghai(at).format('YYYY-MM-DDTHH:mm:ssZ')
}

/** The Shanghai calendar date of an instant, `YYYYMMDD` or with dashes. */
export function shanghaiDate(at: string | Date, dashes = false): string {
  // Shanghai keeps +08:00 all year: the UTC date eight hours on. Without dayjs, which took
  // ~4 µs a call against ~0.8 µs; a submission asks four times (number, counter, figures).
  const date = wallClock(at).toISOString().slice(0, 10)
  return dashes ? date : date.replaceAll('-', '')
}

/** The instants a Shanghai date range covers: [from 00:00, the day after `to` 00:00). */
export function shanghaiRange(from: string, to: string): { start: Date; end: Date } {
  const midnight = (date: string) => dayjs.utc(date).utcOffset(SHANGHAI_OFFSET_MINUTES, true)
  return { start: midnight(from).toDate(), end: midnight(to).add(1, 'day').toDate() }
}
