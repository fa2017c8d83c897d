import type { EventFigureCounts, EventFigures, UnitEventFigures } from '../../../types/events-figures'
import { MONTHLY_KINDS } from '../../../types/events-figures-labels'
import { EVENT_KIND_KEYS, type EventKind } from '../../../types/events-labels'

/*
 * The measures of 活动统计, pure. Each event keeps a tally (`event_tallies`, tally.ts) that
 * every attendance write moves in its own transaction; a month's figures add the tallies of
 * the events held that month, per organising unit. No database, no clock.
 */

const HOUR = 3_600_000
/** China keeps no daylight saving: Shanghai is always UTC+8 (as domain/schedule.ts). */
const SHANGHAI_OFFSET = 8 * HOUR

/** A Shanghai calendar month `2026-11` as instants: [start, end). */
export function monthRange(month: string): { start: string; end: string } {
  // The contract has already checked the `YYYY-MM` shape; the defaults only satisfy the type.
  const [y = NaN, m = NaN] = month.split('-').map(Number)
  const start = new Date(Date.UTC(y, m - 1, 1) - SHANGHAI_OFFSET)
  const end = new Date(Date.UTC(y, m, 1) - SHANGHAI_OFFSET)
  return { start: start.toISOString(), end: end.toISOString() }
}

/** What one event's attendance adds up to; kept per event as its tally. */
export interface Tally {
  present: number
  absent: number
  walkIns: number
  partyMembers: number
  hours: number
  rated: number
  satisfiedOrBasically: number
}

export const TALLY_KEYS = [
  'present',
  'absent',
  'walkIns',
  'partyMembers',
  'hours',
  'rated',
  'satisfiedOrBasically',
] as const

export const zeroTally = (): Tally => ({
  present: 0,
  absent: 0,
  walkIns: 0,
  partyMembers: 0,
  hours: 0,
  rated: 0,
  satisfiedOrBasically: 0,
})

export function addTally(into: Tally, more: Partial<Tally>, sign: 1 | -1 = 1): Tally {
  for (const k of TALLY_KEYS) into[k] += sign * (more[k] ?? 0)
  return into
}

export const isZeroTally = (t: Tally) => TALLY_KEYS.every((k) => t[k] === 0)

/** The part of an attendance record the tally reads. */
export interface TallyRecord {
  status: 'present' | 'absent'
  registrationId: string | null
  partyMember?: boolean
  hours: number | null
  reversal: unknown
}

/** What one attendance record adds to its event's tally now. */
export function tallyOf(doc: TallyRecord | null): Tally {
  const t = zeroTally()
  if (!doc) return t
  if (doc.status === 'absent') {
    t.absent = 1
    return t
  }
  if (doc.registrationId) t.present = 1
  else t.walkIns = 1
  if (doc.partyMember) t.partyMembers = 1
  if (!doc.reversal) t.hours = doc.hours ?? 0
  return t
}

/** What moves in the tally when a record goes from `before` (null: new) to `after`. */
export function tallyDelta(before: TallyRecord | null, after: TallyRecord | null): Tally {
  return addTally(tallyOf(after), tallyOf(before), -1)
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b)

/** The counts with their rates. */
export function figuresOf(c: EventFigureCounts): EventFigures {
  return {
    ...c,
    attendanceRate: ratio(c.present, c.signUps),
    noShowRate: ratio(c.absent, c.signUps),
    partyShare: ratio(c.partyMembers, c.attendees),
    satisfactionRate: ratio(c.satisfiedOrBasically, c.rated),
  }
}

const zeroCounts = (): EventFigureCounts => ({
  events: 0,
  held: 0,
  signUps: 0,
  present: 0,
  absent: 0,
  walkIns: 0,
  attendees: 0,
  partyMembers: 0,
  hours: 0,
  rated: 0,
  satisfiedOrBasically: 0,
})

/** The keys of the counts, once, so adding two never forgets a field that is added later. */
const COUNT_KEYS = Object.keys(zeroCounts()) as Array<keyof EventFigureCounts> // Object.keys is typed string[]; these are zeroCounts' own keys

function addCounts(into: EventFigureCounts, more: EventFigureCounts): void {
  for (const k of COUNT_KEYS) into[k] += more[k]
}

/** One event of the month as the figures read it: `tally` only once it was held (attendance closed). */
export interface MonthEvent {
  unitId: string
  unitName: string
  kind: EventKind
  tally: Tally | null
}

function countsOf(e: MonthEvent): EventFigureCounts {
  const c = zeroCounts()
  c.events = 1
  if (!e.tally) return c
  const t = e.tally
  return {
    ...c,
    held: 1,
    signUps: t.present + t.absent,
    present: t.present,
    absent: t.absent,
    walkIns: t.walkIns,
    attendees: t.present + t.walkIns,
    partyMembers: t.partyMembers,
    hours: t.hours,
    rated: t.rated,
    satisfiedOrBasically: t.satisfiedOrBasically,
  }
}

/**
 * The month per unit: every community in `units` (so one that held nothing shows a row of
 * noes), plus any other organiser the events name (a street's own events), in `units`
 * order; and the total over them all.
 */
export function monthFigures(
  units: ReadonlyArray<{ id: string; name: string }>,
  events: readonly MonthEvent[],
): { total: EventFigures; units: UnitEventFigures[] } {
  const rows = new Map<
    string,
    { name: string; counts: EventFigureCounts; kinds: Map<EventKind, number>; held: Set<EventKind> }
  >()
  const row = (id: string, name: string) => {
    const got = rows.get(id) ?? { name, counts: zeroCounts(), kinds: new Map(), held: new Set() }
    rows.set(id, got)
    return got
  }
  for (const u of units) row(u.id, u.name)
  const total = zeroCounts()
  for (const e of events) {
    const r = row(e.unitId, e.unitName)
    const c = countsOf(e)
    addCounts(r.counts, c)
    addCounts(total, c)
    r.kinds.set(e.kind, (r.kinds.get(e.kind) ?? 0) + 1)
    if (e.tally) r.held.add(e.kind)
  }
  return {
    total: figuresOf(total),
    units: [...rows].map(([unitId, r]) => ({
      unitId,
      unitName: r.name,
      ...figuresOf(r.counts),
      byKind: EVENT_KIND_KEYS.filter((k) => r.kinds.has(k)).map((kind) => ({ kind, events: r.kinds.get(kind)! })),
      monthly: MONTHLY_KINDS.map((kind) => ({ kind, held: r.held.has(kind) })),
    })),
  }
}

/**
 * The tallies recounted from the records, per event: for a load written outside the
 * function (a migration) and for the consistency check in tests.
 */
export function recountTallies(
  records: ReadonlyArray<TallyRecord & { eventId: string }>,
  ratings: ReadonlyArray<{ eventId: string; value: string }>,
): Map<string, Tally> {
  const out = new Map<string, Tally>()
  const of = (id: string) => out.get(id) ?? out.set(id, zeroTally()).get(id)!
  for (const r of records) addTally(of(r.eventId), tallyOf(r))
  for (const r of ratings)
    addTally(of(r.eventId), { rated: 1, satisfiedOrBasically: r.value === 'dissatisfied' ? 0 : 1 })
  return out
}
