import {
  WEEKDAYS,
  WEEKDAY_LABELS,
  intervalLength,
  toMinutes,
  type Closure,
  type Interval,
  type OpenStatus,
  type Weekday,
} from '../../types/stations'

/**
 * Asia/Shanghai is UTC+8 all year (China has had no daylight saving since 1991), so a
 * fixed offset gives the local wall clock without depending on the host's ICU data.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000
const DAY_MS = 24 * 3600_000
const MINUTE_MS = 60_000
/** How far ahead we look for the next opening; a longer closure reads "近期暂停开放". */
const LOOKAHEAD_DAYS = 14

type Hours = Partial<Record<Weekday, Interval[]>>

/** Milliseconds of the local (Shanghai) midnight starting the day `t` falls in, as a UTC instant. */
function localDayStart(t: number): number {
  return Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS
}

/** The local calendar date ("2026-10-01") of a local day start. */
function localDate(dayStart: number): string {
  return new Date(dayStart + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

function localWeekday(dayStart: number): Weekday {
  // 1970-01-01 was a Thursday, index 3 in a Monday-first week.
  return WEEKDAYS[(Math.round((dayStart + SHANGHAI_OFFSET_MS) / DAY_MS) + 3) % 7]!
}

/** The closure in force on a local date, if any. */
export function closureOn(closures: Closure[], date: string): Closure | null {
  return closures.find((c) => c.from <= date && date <= c.to) ?? null
}

interface Span {
  start: number
  end: number
}

/** Each weekday's intervals as [offset from midnight, length] in ms, sorted by opening. */
function offsets(hours: Hours): Record<Weekday, [number, number][]> {
  const out = {} as Record<Weekday, [number, number][]>
  for (const day of WEEKDAYS) {
    out[day] = (hours[day] ?? [])
      .map((i): [number, number] => [toMinutes(i.open) * MINUTE_MS, intervalLength(i) * MINUTE_MS])
      .sort((a, b) => a[0] - b[0])
  }
  return out
}

/**
 * Walks concrete opening spans (UTC ms) from the day before `now`, skipping days under a
 * closure, until the answer is settled: the span around `now` has ended (touching spans
 * merged, so 00:00–24:00 on consecutive days reads as one opening), or the next opening is
 * found. An interval belongs to the day it opens, so a 20:00–02:00 shift the evening
 * before a holiday still runs. Days are visited in order, so spans come out sorted.
 */
function settle(hours: Hours, closures: Closure[], now: number): { current: Span | null; next: Span | null } {
  const byDay = offsets(hours)
  const today = localDayStart(now)
  let current: Span | null = null
  let chain: Span | null = null
  for (let d = -1; d <= LOOKAHEAD_DAYS; d++) {
    const day = today + d * DAY_MS
    if (closures.length > 0 && closureOn(closures, localDate(day))) continue
    for (const [offset, length] of byDay[localWeekday(day)]) {
      const start = day + offset
      const end = start + length
      if (chain && start <= chain.end) {
        chain.end = Math.max(chain.end, end)
      } else {
        if (chain && chain.start > now) return { current, next: chain }
        chain = { start, end }
      }
      if (chain.start <= now && now < chain.end) current = chain
    }
    const nextDay = day + DAY_MS
    // Nothing from a later day can touch a chain that ends before that day starts.
    if (chain && chain.end < nextDay) {
      if (current) return { current, next: null }
      if (chain.start > now) return { current: null, next: chain }
    }
  }
  return { current, next: chain && chain.start > now ? chain : null }
}

function clock(t: number): string {
  const local = new Date(t + SHANGHAI_OFFSET_MS)
  return `${local.getUTCHours()}:${String(local.getUTCMinutes()).padStart(2, '0')}`
}

/**
 * When something happens, said relative to now the way a neighbour would say it:
 * "21:00 关门", "次日 2:00 关门", "明早 8:00 开门", "周三 14:00 开门", "10月8日 8:00 开门".
 */
function relative(t: number, now: number, verb: '开门' | '关门'): string {
  const days = Math.round((localDayStart(t) - localDayStart(now)) / DAY_MS)
  const morning = new Date(t + SHANGHAI_OFFSET_MS).getUTCHours() < 12
  if (verb === '关门') {
    // Closing at midnight is "24:00 关门" today, not "次日 0:00".
    if (days === 1 && t === localDayStart(t)) return '24:00 关门'
    if (days === 0) return `${clock(t)} 关门`
    if (days === 1) return `次日 ${clock(t)} 关门`
  } else {
    if (days === 0) return `${morning ? '今早' : '今天'} ${clock(t)} 开门`
    if (days === 1) return `${morning ? '明早' : '明天'} ${clock(t)} 开门`
    if (days === 2) return `后天 ${clock(t)} 开门`
  }
  if (days < 7) return `${WEEKDAY_LABELS[localWeekday(localDayStart(t))]} ${clock(t)} ${verb}`
  const local = new Date(t + SHANGHAI_OFFSET_MS)
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${clock(t)} ${verb}`
}

/**
 * Whether a station is open at `now`, computed in Asia/Shanghai time from its weekly
 * hours and closures. Opening minute is inside (08:00 is open), closing minute is outside.
 */
export function openStatus(hours: Hours, closures: Closure[], now: Date): OpenStatus {
  const t = now.getTime()
  const closure = closureOn(closures, localDate(localDayStart(t)))
  const closureReason = closure?.reason ?? null
  const { current, next } = settle(hours, closures, t)
  if (current) {
    // A span reaching past the lookahead means it never closes in the window we built.
    const horizon = localDayStart(t) + LOOKAHEAD_DAYS * DAY_MS
    if (current.end >= horizon) return { open: true, label: '营业中 · 全天开放', changesAt: null, closureReason }
    return {
      open: true,
      label: `营业中 · ${relative(current.end, t, '关门')}`,
      changesAt: new Date(current.end).toISOString(),
      closureReason,
    }
  }
  const head = closure ? `${closure.kind === 'holiday' ? '节假日闭馆' : '暂停开放'}（${closure.reason}）` : '已打烊'
  if (!next) return { open: false, label: `${head} · 近期暂不开放`, changesAt: null, closureReason }
  return {
    open: false,
    label: `${head} · ${relative(next.start, t, '开门')}`,
    changesAt: new Date(next.start).toISOString(),
    closureReason,
  }
}
