import type { Db } from '@cloudbase/database'
import type { Attendance, Attendee } from '../../types/events-attendance'
import type { ActionContext } from '../core/define-function'
import { AppError } from '../core/app-error'
import { collection, transaction } from '../core/data'
import { docWith, join } from '../core/joins'
import type { Runtime } from '../core/runtime'
import { mayManageOrThrow } from './access'
import { ATTENDANCE_COLLECTIONS as A, type AttendanceDoc } from './attendance-collections'
import { attendanceId, attendeeView, expectedView, queueAttendanceNotice, servesHours } from './attendance-views'
import { EVENT_COLLECTIONS as E, type EventDoc, type RegistrationDoc } from './collections'
import { attendeeKey, checkInWindow, matchesQuery } from './domain/checkin-rules'
import { registrationsJoin, registrationsOf } from './fanout'
import { settleAttendee } from './service-hours'
import { recordMoved } from './tally'

/*
 * Attendance (出勤): the staff's check-in list with its counts, and the sweep after the
 * end that marks confirmed people who never checked in absent and credits the hours.
 */

const PAGE = 500

/** The first page of an event's attendance records, read with the event (`docWith`). */
export const attendanceJoin = (eventId: string) =>
  join(A.attendance, { eventId }, { orderBy: ['createdAt', 'asc'], limit: PAGE })

/**
 * Every attendance record of one event (events hold at most a few thousand people);
 * `firstPage` is what `attendanceJoin` already brought.
 */
export async function attendanceOf(db: Db, eventId: string, firstPage?: AttendanceDoc[]): Promise<AttendanceDoc[]> {
  const out: AttendanceDoc[] = []
  for (let skip = 0; ; skip += PAGE) {
    const page =
      skip === 0 && firstPage
        ? firstPage
        : await collection(db, A.attendance).where({ eventId }).orderBy('createdAt', 'asc').skip(skip).limit(PAGE).get()
    out.push(...page)
    if (page.length < PAGE) return out
  }
}

/** Waiting to be checked in first (the list at the door), then everyone else by check-in time, newest first. */
function byDoorOrder(a: Attendee, b: Attendee): number {
  if ((a.status === 'expected') !== (b.status === 'expected')) return a.status === 'expected' ? -1 : 1
  return (b.checkedInAt ?? '').localeCompare(a.checkedInAt ?? '') || a.name.localeCompare(b.name, 'zh')
}

/** The list at the door: everyone confirmed, each with their record or `expected`, plus walk-ins; `q` narrows it by name or phone. */
export async function attendance(ctx: ActionContext, input: { eventId: string; q?: string }): Promise<Attendance> {
  const db = ctx.rt.db
  // The event, its confirmed registrations and its records (their first pages): one request.
  const found = await docWith(db, E.events, input.eventId, {
    regs: registrationsJoin(db, input.eventId, ['confirmed']),
    records: attendanceJoin(input.eventId),
  })
  if (!found) throw new AppError('NOT_FOUND', '找不到这个活动')
  const event = found.doc
  mayManageOrThrow(ctx, event)
  const [regs, docs] = await Promise.all([
    registrationsOf(db, event._id, ['confirmed'], found.regs),
    attendanceOf(db, event._id, found.records),
  ])
  const byKey = new Map(docs.map((d) => [d.key, d]))
  const confirmedKeys = new Set(regs.map((r) => attendeeKey(r._id)))
  const people: Array<{ view: Attendee; name: string; phone: string }> = [
    ...regs.map((r) => {
      const doc = byKey.get(attendeeKey(r._id))
      return { view: doc ? attendeeView(doc) : expectedView(r), name: r.name, phone: r.phone }
    }),
    ...docs
      .filter((d) => !confirmedKeys.has(d.key))
      .map((d) => ({ view: attendeeView(d), name: d.name, phone: d.phone })),
  ]
  const presentRegistered = docs.filter(
    (d) => d.status === 'present' && d.registrationId && confirmedKeys.has(d.key),
  ).length
  return {
    eventId: event._id,
    title: event.title,
    window: checkInWindow(event.startAt, event.endAt),
    servesHours: servesHours(event),
    closedAt: event.attendanceClosedAt ?? null,
    counts: {
      confirmed: regs.length,
      present: docs.filter((d) => d.status === 'present').length,
      absent: docs.filter((d) => d.status === 'absent').length,
      walkIns: docs.filter((d) => d.registrationId === null).length,
      rate: regs.length > 0 ? Math.round((presentRegistered / regs.length) * 1000) / 1000 : null,
    },
    items: people
      .filter((p) => matchesQuery(p, input.q))
      .map((p) => p.view)
      .sort(byDoorOrder),
  }
}

/** Records a confirmed person as absent unless a record (a check-in) exists; with its message. */
async function markAbsent(db: Db, event: EventDoc, reg: RegistrationDoc, now: Date): Promise<boolean> {
  const key = attendeeKey(reg._id)
  return transaction(db, async (tx) => {
    const ref = tx.collection(A.attendance).doc(attendanceId(event._id, key))
    if (await ref.get()) return false
    const stamp = now.toISOString()
    const doc: AttendanceDoc = {
      _id: attendanceId(event._id, key),
      eventId: event._id,
      key,
      registrationId: reg._id,
      openid: reg.openid,
      name: reg.name,
      phone: reg.phone,
      guests: reg.guests,
      status: 'absent',
      way: null,
      checkedInAt: null,
      checkedInBy: null,
      checkOutAt: null,
      settledAt: stamp,
      hours: null,
      reversal: null,
      createdAt: stamp,
      updatedAt: stamp,
    }
    const { _id, ...body } = doc
    await ref.set(body)
    await recordMoved(db, tx, event._id, { before: null, after: doc }, now)
    await queueAttendanceNotice(tx, event, doc, 'absent', now)
    return true
  })
}

/** Closes one ended event: absences, then hours; safe to run again after a crash part-way. */
export async function closeAttendance(
  db: Db,
  event: EventDoc,
  now: Date,
): Promise<{ absent: number; settled: number }> {
  let absent = 0
  let settled = 0
  for (const reg of await registrationsOf(db, event._id, ['confirmed'])) {
    if (await markAbsent(db, event, reg, now)) absent++
  }
  for (const doc of await attendanceOf(db, event._id)) {
    if (doc.status !== 'present' || doc.settledAt) continue
    await settleAttendee(db, event, doc._id, now)
    settled++
  }
  await collection(db, E.events)
    .where({ _id: event._id, attendanceClosedAt: db.command.exists(false) })
    .update({ attendanceClosedAt: now.toISOString() })
  return { absent, settled }
}

/** After the end: ended events whose attendance is not closed yet, oldest first. */
export async function closeEnded(rt: Runtime): Promise<number> {
  const { db } = rt
  const _ = db.command
  const now = rt.clock.now()
  const ended = await collection(db, E.events)
    .where({ status: 'published', endAt: _.lte(now.toISOString()), attendanceClosedAt: _.exists(false) })
    .orderBy('endAt', 'asc')
    .limit(20)
    .get()
  for (const event of ended) await closeAttendance(db, event, now)
  return ended.length
}

export const ATTENDANCE_SWEEPS = [{ name: 'events.attendance', run: closeEnded }]
