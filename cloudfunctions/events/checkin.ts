import { randomUUID } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import type { CheckInResult } from '../../types/events-attendance'
import { groupCode } from '../../types/events-attendance-labels'
import { AppError } from '../core/app-error'
import type { ActionContext } from '../core/define-function'
import { COLLECTIONS } from '../core/collections'
import { collection, transaction } from '../core/data'
import { docWith, join, type Joins, type WithJoins } from '../core/joins'
import { mayManageOrThrow } from './access'
import { codeIn, codeSecret, issue, verified } from './checkin-codes'
import { ATTENDANCE_COLLECTIONS as A, type AttendanceDoc } from './attendance-collections'
import { attendanceId, attendeeView, queueAttendanceNotice } from './attendance-views'
import { EVENT_COLLECTIONS as E, type EventDoc, type RegistrationDoc } from './collections'
import {
  attendeeKey,
  checkInMoment,
  checkInWindow,
  personalCode,
  venueCodeOf,
  windowState,
  type Window,
} from './domain/checkin-rules'
import { formatMoment } from './domain/schedule'
import { registrationsJoin, registrationsOf } from './fanout'
import { loadEvent, loadEventWith, regIdFor } from './registrations'
import { settleAttendee } from './service-hours'
import { recordMoved, tallyJoin } from './tally'

/*
 * Check-in, three ways (issue 12): staff scan the person's code (`checkIn`), the person
 * scans the venue code (`selfCheckIn`), or staff find them by name or phone
 * (`checkInPerson`) or add a walk-in (`walkIn`). Every way ends in `markPresent`: one
 * record per person and event, written in a transaction with its message, so a second scan
 * or a second device changes nothing and answers `already`.
 */

function windowText(w: Window): string {
  return `签到时间为 ${formatMoment(w.opensAt)} 至 ${formatMoment(w.closesAt)}`
}

/** The event as check-in needs it: published, and `at` inside its window. */
function requireOpen(event: EventDoc, at: Date): Window {
  if (event.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消，不能签到')
  if (event.status === 'skipped') throw new AppError('CONFLICT', '本期暂停，不能签到')
  if (event.status !== 'published') throw new AppError('CONFLICT', '活动还没有发布，不能签到')
  const w = checkInWindow(event.startAt, event.endAt)
  const state = windowState(w, at)
  if (state === 'before') throw new AppError('CONFLICT', `还没到签到时间，${windowText(w)}`)
  if (state === 'after') throw new AppError('CONFLICT', `签到已结束，${windowText(w)}`)
  return w
}

function momentOf(now: Date, scannedAt: string | undefined): Date {
  const at = checkInMoment(now, scannedAt)
  if (!at)
    throw new AppError('BAD_REQUEST', '扫码时间不对，请检查手机时间后重新扫码', {
      issues: [{ path: ['scannedAt'], message: '扫码时间不对' }],
    })
  return at
}

/** What every staff check-in asks of its event: the caller manages it, and it is open at the moment of the scan. */
function staffMayCheckIn(
  ctx: ActionContext,
  event: EventDoc,
  input: { scannedAt?: string },
): { db: Db; now: Date; event: EventDoc; at: Date; by: string } {
  const now = ctx.now()
  mayManageOrThrow(ctx, event)
  const at = momentOf(now, input.scannedAt)
  requireOpen(event, at)
  return { db: ctx.rt.db, now, event, at, by: ctx.requireCaller().openid }
}

/**
 * The event (with `joins` and its tally, in the same request) if the caller may check people
 * in at it now; `tallyStored` spares the check-in's transaction a read of the tally.
 */
async function staffCheckInWith<J extends Joins>(
  ctx: ActionContext,
  input: { eventId: string; scannedAt?: string },
  joins: J,
): Promise<{ db: Db; now: Date; event: EventDoc; found: WithJoins<J>; tallyStored: boolean; at: Date; by: string }> {
  const found = await loadEventWith(ctx.rt.db, input.eventId, { ...joins, tally: tallyJoin(input.eventId) })
  return { ...staffMayCheckIn(ctx, found.doc, input), found, tallyStored: found.tally.length > 0 }
}

interface Person {
  ref: string
  registrationId: string | null
  openid: string | null
  name: string
  phone: string
  guests: number
  /** Their verified 双报到 when the caller already read it (their own check-in); else read with the record. */
  partyMember?: boolean
}

const personOf = (reg: RegistrationDoc): Person => ({
  ref: reg._id,
  registrationId: reg._id,
  openid: reg.openid,
  name: reg.name,
  phone: reg.phone,
  guests: reg.guests,
})

/**
 * Marks one person present at `at`. A record already present answers `already` and is left
 * as it was (the first scan's time stands). An `absent` record is turned present: a scan
 * queued on an offline device arrived after the sweep, and the scan is what happened.
 */
export async function markPresent(
  db: Db,
  event: EventDoc,
  person: Person,
  way: AttendanceDoc['way'],
  by: string,
  at: Date,
  now: Date,
  tallyStored = true,
): Promise<CheckInResult> {
  const key = attendeeKey(person.ref)
  const id = attendanceId(event._id, key)
  const result = await transaction(db, async (tx) => {
    const ref = tx.collection(A.attendance).doc(id)
    const got = await ref.get()
    if (got?.status === 'present') return { outcome: 'already' as const, doc: got }
    const stamp = now.toISOString()
    const user =
      person.openid && person.partyMember === undefined
        ? await tx.collection(COLLECTIONS.users).doc(person.openid).get()
        : null
    const doc: AttendanceDoc = {
      _id: id,
      eventId: event._id,
      key,
      registrationId: person.registrationId,
      openid: person.openid,
      name: person.name,
      phone: person.phone,
      guests: person.guests,
      status: 'present',
      way,
      checkedInAt: at.toISOString(),
      checkedInBy: by,
      checkOutAt: null,
      settledAt: null,
      hours: null,
      partyMember: person.partyMember ?? user?.partyMember === true,
      reversal: null,
      createdAt: got?.createdAt ?? stamp,
      updatedAt: stamp,
    }
    const { _id, ...body } = doc
    await ref.set(body)
    await recordMoved(db, tx, event._id, { before: got, after: doc }, now, tallyStored)
    await queueAttendanceNotice(tx, event, doc, 'checked_in', now)
    return { outcome: 'checked_in' as const, doc }
  })
  // After the sweep closed the event, a late arrival is credited right away.
  const doc =
    result.outcome === 'checked_in' && event.attendanceClosedAt
      ? ((await settleAttendee(db, event, result.doc._id, now)) ?? result.doc)
      : result.doc
  return { outcome: result.outcome, attendee: attendeeView(doc) }
}

/** The registration a personal code was issued for, if it is still the confirmed round the code names. */
function confirmedReg(reg: RegistrationDoc | undefined, eventId: string, round: number): RegistrationDoc {
  if (!reg || reg.eventId !== eventId) throw new AppError('NOT_FOUND', '找不到这份报名')
  if (reg.status !== 'confirmed' || reg.round !== round)
    throw new AppError('CONFLICT', '这份报名已取消或未报名成功，签到码已失效')
  return reg
}

/** The caller's own code for an event they are confirmed for. */
export async function myCode(
  ctx: ActionContext,
  eventId: string,
): Promise<{ code: string; display: string; window: Window; checkedInAt: string | null }> {
  const db = ctx.rt.db
  const now = ctx.now()
  const regId = regIdFor(eventId, ctx.requireCaller().openid)
  // The event with the caller's registration and check-in record: one request.
  const found = await loadEventWith(db, eventId, {
    mine: join(E.registrations, { _id: regId }),
    record: join(A.attendance, { _id: attendanceId(eventId, attendeeKey(regId)) }),
  })
  const event = found.doc
  const [reg] = found.mine
  if (!reg || reg.status !== 'confirmed') throw new AppError('CONFLICT', '报名成功后才有签到码')
  const code = personalCode(await codeSecret(db, now), reg._id, reg.round)
  await issue(db, code, {
    kind: 'person',
    eventId,
    registrationId: reg._id,
    round: reg.round,
    createdAt: now.toISOString(),
  })
  const [mine] = found.record
  return {
    code,
    display: groupCode(code),
    window: checkInWindow(event.startAt, event.endAt),
    checkedInAt: mine?.status === 'present' ? mine.checkedInAt : null,
  }
}

/** Staff scan (or type) a person's code. */
export async function checkIn(
  ctx: ActionContext,
  input: { eventId: string; code: string; scannedAt?: string },
): Promise<CheckInResult> {
  const typed = codeIn(input.code)
  // The code's record with the event and the registration it was issued for: one request.
  // Without a record the event is read on its own, so the caller learns nothing of the code
  // before the event's checks (manager, open now) have passed.
  const found = typed
    ? await docWith(ctx.rt.db, A.codes, typed, {
        event: join(E.events, { _id: input.eventId }),
        reg: join(E.registrations, {}, { on: ['_id', 'registrationId'] }),
        tally: tallyJoin(input.eventId),
      })
    : null
  const { db, now, event, at, by } = staffMayCheckIn(
    ctx,
    found?.event[0] ?? (await loadEvent(ctx.rt.db, input.eventId)),
    input,
  )
  const code = await verified(db, typed, found?.doc ?? null, now)
  if (code.kind === 'venue') throw new AppError('BAD_REQUEST', '这是活动现场的签到码，请扫居民手机上的个人签到码')
  if (code.eventId !== event._id) throw new AppError('CONFLICT', '这是另一场活动的签到码，请核对活动')
  const reg = confirmedReg(found?.reg[0], event._id, code.round)
  return markPresent(db, event, personOf(reg), 'code', by, at, now, found?.tally.length !== 0)
}

/** The person scans the venue code at the door. */
export async function selfCheckIn(
  ctx: ActionContext,
  input: { eventId: string; venueCode: string },
): Promise<{ outcome: 'checked_in' | 'already'; checkedInAt: string }> {
  const db = ctx.rt.db
  const now = ctx.now()
  const openid = ctx.requireCaller().openid
  const typed = codeIn(input.venueCode)
  // The event, the code's record and the caller's registration: one request.
  const found = await loadEventWith(db, input.eventId, {
    code: join(A.codes, { _id: typed }),
    mine: join(E.registrations, { _id: regIdFor(input.eventId, openid) }),
    tally: tallyJoin(input.eventId),
  })
  const event = found.doc
  const code = await verified(db, typed, found.code[0] ?? null, now)
  if (code.kind !== 'venue') throw new AppError('BAD_REQUEST', '这不是活动现场的签到码')
  if (code.eventId !== event._id) throw new AppError('CONFLICT', '这是另一场活动的签到码，请核对活动')
  requireOpen(event, now)
  const [reg] = found.mine
  if (!reg || reg.status !== 'confirmed') throw new AppError('CONFLICT', '您没有报名成功，请找现场工作人员登记')
  // Their own check-in: the 双报到 fact comes from the caller's user, read with the call.
  const person = { ...personOf(reg), partyMember: ctx.user?.partyMember === true }
  const res = await markPresent(db, event, person, 'venue', openid, now, now, found.tally.length > 0)
  return { outcome: res.outcome, checkedInAt: res.attendee.checkedInAt ?? now.toISOString() }
}

/** Staff find someone on the list (by name or phone) and check them in. */
export async function checkInPerson(
  ctx: ActionContext,
  input: { eventId: string; attendeeId: string; scannedAt?: string },
): Promise<CheckInResult> {
  // The event with its confirmed registrations (their first page): one request.
  const { db, now, event, found, tallyStored, at, by } = await staffCheckInWith(ctx, input, {
    regs: registrationsJoin(ctx.rt.db, input.eventId, ['confirmed']),
  })
  const regs = await registrationsOf(db, event._id, ['confirmed'], found.regs)
  const reg = regs.find((r) => attendeeKey(r._id) === input.attendeeId)
  if (!reg) throw new AppError('NOT_FOUND', '名单里没有这个人，请刷新名单，或按现场补登')
  return markPresent(db, event, personOf(reg), 'staff', by, at, now, tallyStored)
}

/** Someone who came without signing up. A phone that matches a confirmed registration checks that registration in. */
export async function walkIn(
  ctx: ActionContext,
  input: { eventId: string; name: string; phone: string; scannedAt?: string },
): Promise<CheckInResult> {
  const { db, now, event, tallyStored, at, by } = await staffCheckInWith(ctx, input, {})
  if (input.phone) {
    const regs = await collection(db, E.registrations)
      .where({ eventId: event._id, phone: input.phone, status: 'confirmed' })
      .limit(1)
      .get()
    if (regs[0]) return markPresent(db, event, personOf(regs[0]), 'staff', by, at, now, tallyStored)
  }
  // Without a phone nothing tells two walk-ins of the same name apart, so each is its own record.
  const ref = `${event._id}:walkin:${input.phone || randomUUID()}`
  return markPresent(
    db,
    event,
    { ref, registrationId: null, openid: null, name: input.name, phone: input.phone, guests: 0 },
    'walk_in',
    by,
    at,
    now,
    tallyStored,
  )
}

/** The venue code for the poster: a 小程序码 scene `v=<code>` in WeChat, a QR of the page link on H5. */
export async function venueCode(
  ctx: ActionContext,
  eventId: string,
): Promise<{ venueCode: string; scene: string; path: string; window: Window }> {
  const db = ctx.rt.db
  const now = ctx.now()
  const event = await loadEvent(db, eventId)
  mayManageOrThrow(ctx, event)
  const code = venueCodeOf(await codeSecret(db, now), event._id)
  await issue(db, code, {
    kind: 'venue',
    eventId: event._id,
    registrationId: null,
    round: 0,
    createdAt: now.toISOString(),
  })
  return {
    venueCode: code,
    scene: `v=${code}`,
    path: `pages/events/checkin?eventId=${encodeURIComponent(event._id)}&v=${code}`,
    window: checkInWindow(event.startAt, event.endAt),
  }
}

/** Which event a venue code is for (a 小程序码 opens the page with only its scene). */
export async function venueEvent(ctx: ActionContext, raw: string): Promise<{ eventId: string; title: string }> {
  const db = ctx.rt.db
  const code = codeIn(raw)
  // The code's record with its event: one request.
  const found = code
    ? await docWith(db, A.codes, code, { event: join(E.events, {}, { on: ['_id', 'eventId'] }) })
    : null
  const doc = await verified(db, code, found?.doc ?? null, ctx.now())
  if (doc.kind !== 'venue') throw new AppError('BAD_REQUEST', '这不是活动现场的签到码')
  const [event] = found?.event ?? []
  if (!event) throw new AppError('NOT_FOUND', '找不到这个活动')
  return { eventId: event._id, title: event.title }
}
