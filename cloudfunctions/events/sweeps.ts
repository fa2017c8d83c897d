import type { Db } from '@cloudbase/database'
import { collection, type CollectionName, type Doc, type OrderField, type Where } from '../core/data'
import { notify } from '../core/outbox'
import type { Runtime } from '../core/runtime'
import { ATTENDANCE_SWEEPS } from './attendance'
import { clearWaitlist, markDirty, placementIn, readBook, releaseFromBook } from './book'
import { EVENT_COLLECTIONS as E, type BookDoc, type EventDoc, type RegistrationDoc } from './collections'
import { eventNotice } from './domain/notices'
import { reconcileRegistration } from './domain/reconcile'
import { dueReminders, nextReminderAt } from './domain/schedule'
import { registrationsOf, runFanout } from './fanout'
import { QUIZ_SWEEPS } from './quiz-staff'
import { loadEvent, offerNext, settle, statusNotice, transitionReg } from './registrations'

/*
 * The timers of 活动报名, run by the scheduler every minute. Each is safe to run twice at
 * once and after a crash: conditional updates decide who acts, dedupe keys make a second
 * pass queue nothing new.
 */

const BATCH = 100
/** A book changed this recently may still be mid-action; the sweep lets the action finish first. */
const SETTLE_GRACE_MS = 30_000

async function due<T extends Doc>(
  db: Db,
  name: CollectionName<T>,
  where: Where<T>,
  order: OrderField<T>,
): Promise<T[]> {
  return collection(db, name).where(where).orderBy(order, 'asc').limit(BATCH).get()
}

/** 定时发布: scheduled events whose time has come. */
export async function publishDue(rt: Runtime): Promise<number> {
  const { db } = rt
  const now = rt.clock.now()
  const events = await due<EventDoc>(
    db,
    E.events,
    { status: 'scheduled', publishAt: db.command.lte(now.toISOString()) },
    'publishAt',
  )
  let n = 0
  for (const e of events) {
    n += await collection(db, E.events)
      .where({ _id: e._id, status: 'scheduled', version: e.version })
      .update({
        status: 'published',
        publishedAt: now.toISOString(),
        nextReminderAt: nextReminderAt(e.startAt, e.reminderHours, e.remindersDone),
        version: e.version + 1,
        updatedAt: now.toISOString(),
      })
  }
  return n
}

/** Unanswered offers pass to the next person in line. */
export async function expireOffers(rt: Runtime): Promise<number> {
  const { db } = rt
  const now = rt.clock.now()
  const regs = await due<RegistrationDoc>(
    db,
    E.registrations,
    { status: 'offered', offerExpiresAt: db.command.lte(now.toISOString()) },
    'offerExpiresAt',
  )
  let n = 0
  for (const reg of regs) {
    const event = await loadEvent(db, reg.eventId)
    await markDirty(db, event._id, now)
    const done = await transitionReg(
      db,
      reg._id,
      ['offered'],
      (r) => ({
        patch: { status: 'cancelled', cancelReason: 'offer_expired', offerExpiresAt: null },
        notice: statusNotice(event, r, 'offer_expired', now),
        ends: true,
      }),
      now,
    )
    if (done) n++
    await releaseFromBook(db, event._id, reg._id, reg.seats, now)
    await offerNext(db, event, now)
  }
  return n
}

/** At the start the waitlist closes: whoever still waits is told there was no place. */
export async function closeStarted(rt: Runtime): Promise<number> {
  const { db } = rt
  const now = rt.clock.now()
  const events = await due<EventDoc>(
    db,
    E.events,
    { status: 'published', closedAt: null, startAt: db.command.lte(now.toISOString()) },
    'startAt',
  )
  for (const event of events) {
    for (const reg of await registrationsOf(db, event._id, ['waiting'])) {
      await transitionReg(
        db,
        reg._id,
        ['waiting'],
        (r) => ({
          patch: { status: 'cancelled', cancelReason: 'no_place' },
          notice: statusNotice(event, r, 'no_place', now),
          ends: true,
        }),
        now,
      )
    }
    await clearWaitlist(db, event._id, now)
    await db.collection(E.events).where({ _id: event._id, closedAt: null }).update({ closedAt: now.toISOString() })
  }
  return events.length
}

/** Reminders to confirmed people, each slot once per start time (a moved event is reminded again). */
export async function sendReminders(rt: Runtime): Promise<number> {
  const { db } = rt
  const now = rt.clock.now()
  const events = await due<EventDoc>(
    db,
    E.events,
    { status: 'published', nextReminderAt: db.command.lte(now.toISOString()) },
    'nextReminderAt',
  )
  let sent = 0
  for (const event of events) {
    const { send, markDone } = dueReminders(event.startAt, event.reminderHours, event.remindersDone, now)
    if (send !== null) {
      const lead = `您报名的「${event.title}」将于${send >= 24 ? `${Math.round(send / 24)}天后` : `${send}小时后`}开始，请准时参加。`
      for (const reg of await registrationsOf(db, event._id, ['confirmed'])) {
        if (!reg.openid) continue
        const key = `remind:${event.startAt}|${send}:${reg._id}`
        if (
          await notify(
            db,
            eventNotice(event, reg.openid, key, '活动提醒', lead, '即将开始', { kind: 'eventReminder' }),
            now,
          )
        )
          sent++
      }
    }
    const done = [...event.remindersDone, ...markDone]
    await db
      .collection(E.events)
      .where({ _id: event._id, startAt: event.startAt })
      .update({ remindersDone: done, nextReminderAt: nextReminderAt(event.startAt, event.reminderHours, done) })
  }
  return sent
}

/** Finishes fan-outs (change and cancellation notices) a crash interrupted. */
export async function finishFanouts(rt: Runtime): Promise<number> {
  const { db } = rt
  const events = await due<EventDoc>(db, E.events, { 'fanout.key': db.command.exists(true) }, 'updatedAt')
  let n = 0
  for (const e of events) n += await runFanout(db, e, rt.clock.now())
  return n
}

/** Brings every registration of one event in line with its book, then offers free seats down the line. */
export async function reconcileEvent(db: Db, event: EventDoc, now: Date): Promise<number> {
  const book = await readBook(db, event._id)
  if (!book) return 0
  let fixed = 0
  for (const reg of await registrationsOf(db, event._id, [
    'new',
    'confirmed',
    'offered',
    'waiting',
    'pending',
    'cancelled',
    'rejected',
  ])) {
    if (reconcileRegistration(reg.status, placementIn(book, reg._id), event.approvalRequired).kind === 'none') continue
    await settle(db, event, reg._id, now)
    fixed++
  }
  await offerNext(db, event, now)
  return fixed
}

/** Books left dirty by an interrupted action, and sign-ups that stopped before the book. */
export async function reconcileBooks(rt: Runtime): Promise<number> {
  const { db } = rt
  const _ = db.command
  const now = rt.clock.now()
  const before = new Date(now.getTime() - SETTLE_GRACE_MS).toISOString()
  const books = await due<BookDoc>(db, E.books, { dirty: true, changedAt: _.lte(before) }, 'changedAt')
  const stuck = await due<RegistrationDoc>(
    db,
    E.registrations,
    { status: 'new', updatedAt: _.lte(before) },
    'updatedAt',
  )
  const eventIds = new Set([...books.map((b) => b._id), ...stuck.map((r) => r.eventId)])
  let fixed = 0
  for (const id of eventIds) {
    const version = books.find((b) => b._id === id)?.version
    fixed += await reconcileEvent(db, await loadEvent(db, id), now)
    if (version !== undefined) await db.collection(E.books).where({ _id: id, version }).update({ dirty: false })
  }
  return fixed
}

export const EVENT_SWEEPS = [
  { name: 'events.publishDue', run: publishDue },
  { name: 'events.reconcile', run: reconcileBooks },
  { name: 'events.expireOffers', run: expireOffers },
  { name: 'events.fanouts', run: finishFanouts },
  { name: 'events.reminders', run: sendReminders },
  { name: 'events.closeStarted', run: closeStarted },
  ...ATTENDANCE_SWEEPS,
  ...QUIZ_SWEEPS,
]
