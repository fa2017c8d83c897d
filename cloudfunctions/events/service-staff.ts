import { randomUUID } from 'node:crypto'
import { collection, transaction, type Patch } from '../core/data'
import { join } from '../core/joins'
import type { Db } from '@cloudbase/database'
import {
  EventDraftSchema,
  type EventDetail,
  type EventDraft,
  type EventSummary,
  type SeriesInput,
} from '../../types/events'
import { EVENT_STATUS_LABELS, isCalledOff } from '../../types/events-labels'
import { AppError } from '../core/app-error'
import { loadUnit } from '../core/authz'
import type { UnitDoc } from '../core/collections'
import type { ActionContext } from '../core/define-function'
import { mayManageOrThrow, requireOrganiser } from './access'
import { changeCapacity, newBook, readBook } from './book'
import { queueCapacityAlert } from './capacity-alerts'
import { EVENT_COLLECTIONS as E, type BookDoc, type EventDoc } from './collections'
import { audienceKeys } from './domain/audience'
import { whenAndWhere } from './domain/notices'
import { eventTimes, instantToLocal, localToInstant, nextReminderAt } from './domain/schedule'
import { addCalendarDays, describeRule, occurrenceDates } from './domain/series'
import { runFanout } from './fanout'
import { loadEvent, loadEventWith, offerNext } from './registrations'
import { detailView, summaryView } from './views'

/*
 * The organisers' side: create, edit, copy, publish (now or at a set time), cancel, and
 * series. Nothing reaches residents before publication: a draft has no registrations, so
 * its edits tell nobody.
 */

function bad(path: string[], message: string): AppError {
  return new AppError('BAD_REQUEST', message, { issues: [{ path, message }] })
}

async function checkAudience(db: Db, draft: EventDraft, unit: UnitDoc): Promise<void> {
  if (draft.audience.kind !== 'places') return
  if (draft.audience.placeIds.length === 0) throw bad(['audience', 'placeIds'], '请选择至少一个网格、小区或楼栋')
  for (const id of draft.audience.placeIds) {
    const place = await loadUnit(db, id)
    if (!place || !PLACE_UNIT_KINDS.includes(place.kind) || !place.ancestors.includes(unit._id))
      throw bad(['audience', 'placeIds'], '所选网格、小区或楼栋不属于主办单位')
  }
}

/** The units a place audience may name. */
const PLACE_UNIT_KINDS: readonly string[] = ['grid', 'estate', 'building']

function buildEvent(
  id: string,
  draft: EventDraft,
  unit: UnitDoc,
  openid: string,
  now: Date,
  seriesId: string | null,
): EventDoc {
  const t = eventTimes(draft)
  const at = now.toISOString()
  return {
    _id: id,
    unitId: unit._id,
    unitName: unit.name,
    unitScope: [...unit.ancestors, unit._id],
    kind: draft.kind,
    title: draft.title,
    description: draft.description,
    cover: draft.cover,
    place: draft.place,
    ...t,
    capacity: draft.capacity,
    reservedSeats: draft.reservedSeats,
    guestsMax: draft.guestsMax,
    approvalRequired: draft.approvalRequired,
    audience: draft.audience,
    audienceKeys: audienceKeys(draft.audience, unit._id),
    questions: draft.questions,
    terms: draft.terms,
    reminderHours: draft.reminderHours,
    remindersDone: [],
    nextReminderAt: null,
    offerHoldHours: draft.offerHoldHours,
    organiser: { name: draft.organiser.name || unit.name, phone: draft.organiser.phone },
    status: 'draft',
    publishAt: null,
    publishedAt: null,
    cancelReason: null,
    closedAt: null,
    changedAt: null,
    fanout: null,
    seriesId,
    draft,
    createdBy: openid,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }
}

function requireFuture(event: EventDoc, now: Date): void {
  if (event.startAt <= now.toISOString()) throw bad(['date'], '活动开始时间已过，请改一个以后的时间')
}

/**
 * Stores new events (one, or a series of up to 26) with their seat books: one transaction
 * of two inserts, so a series is stored whole or not at all. Answers the books as stored.
 */
async function insertEvents(db: Db, events: readonly EventDoc[], now: Date): Promise<BookDoc[]> {
  const books = events.map((e) => newBook(e._id, e.capacity, e.reservedSeats, now))
  await transaction(db, async (tx) => {
    await tx.collection(E.events).insertMany(events)
    await tx.collection(E.books).insertMany(books)
  })
  return books
}

export async function createEvent(ctx: ActionContext, draft: EventDraft): Promise<EventDetail> {
  const unit = await requireOrganiser(ctx, draft.unitId)
  await checkAudience(ctx.rt.db, draft, unit)
  const event = buildEvent(`e-${randomUUID()}`, draft, unit, ctx.requireCaller().openid, ctx.now(), null)
  requireFuture(event, ctx.now())
  const [book] = await insertEvents(ctx.rt.db, [event], ctx.now())
  return detailView(event, book ?? null, null, ctx.now(), true)
}

export async function copyEvent(ctx: ActionContext, eventId: string): Promise<EventDetail> {
  const source = await loadEvent(ctx.rt.db, eventId)
  mayManageOrThrow(ctx, source)
  const unit = await requireOrganiser(ctx, source.unitId)
  // A copy is a draft: its date may be past until the organiser sets the new one.
  const event = buildEvent(`e-${randomUUID()}`, source.draft, unit, ctx.requireCaller().openid, ctx.now(), null)
  const [book] = await insertEvents(ctx.rt.db, [event], ctx.now())
  return detailView(event, book ?? null, null, ctx.now(), true)
}

/**
 * The update that makes the stored `before` into `after` as a whole-document `set` would:
 * every field of `after` replaced whole (`_.set`: an object would be merged field by field),
 * every field it lacks removed (`attendanceClosedAt` of an ended event moved to a new date).
 */
function rewrite(db: Db, before: EventDoc, after: EventDoc): Patch<EventDoc> {
  const _ = db.command
  const { _id, ...fields } = after
  const patch: Record<string, unknown> = {}
  for (const key of Object.keys(before)) if (key !== '_id' && !(key in fields)) patch[key] = _.remove()
  for (const [key, value] of Object.entries(fields))
    patch[key] = value !== null && typeof value === 'object' ? _.set(value) : value
  return patch
}

/** What changed of when and where, as the message says it: old → new. */
function describeChange(before: EventDoc, after: EventDoc): string | null {
  const parts: string[] = []
  if (before.startAt !== after.startAt || before.endAt !== after.endAt) parts.push('时间')
  if (before.place.name !== after.place.name || before.place.address !== after.place.address) parts.push('地点')
  if (parts.length === 0) return null
  return `「${after.title}」的${parts.join('和')}有变化。\n原：${whenAndWhere(before)}\n现：${whenAndWhere(after)}\n如不能参加，可随时取消报名。`
}

export async function updateEvent(
  ctx: ActionContext,
  eventId: string,
  draft: EventDraft,
): Promise<EventDetail & { notified: number }> {
  const db = ctx.rt.db
  const now = ctx.now()
  // The event with its seat book: one request.
  const { doc: before, book: seen } = await loadEventWith(db, eventId, { book: join(E.books, { _id: eventId }) })
  mayManageOrThrow(ctx, before)
  if (draft.unitId !== before.unitId) throw bad(['draft', 'unitId'], '不能更换主办单位，请复制后另建活动')
  if (isCalledOff(before.status))
    throw new AppError('CONFLICT', `${EVENT_STATUS_LABELS[before.status]}的活动不能再修改`)
  const unit = await requireOrganiser(ctx, before.unitId)
  await checkAudience(db, draft, unit)
  const built = buildEvent(before._id, draft, unit, before.createdBy, now, before.seriesId)
  if (before.status !== 'draft' && built.startAt !== before.startAt) requireFuture(built, now)
  await changeCapacity(db, eventId, draft.capacity, draft.reservedSeats, now, seen[0])
  // Fewer seats can make the event nearly or fully booked at once: the organiser hears of it with the save.
  const resized = before.status === 'published' && draft.capacity !== before.capacity
  const book = resized ? await readBook(db, eventId) : null
  const change = before.status === 'published' ? describeChange(before, built) : null
  const version = before.version + 1
  const after: EventDoc = {
    ...built,
    status: before.status,
    publishAt: before.publishAt,
    publishedAt: before.publishedAt,
    closedAt: before.closedAt,
    remindersDone: before.remindersDone,
    nextReminderAt:
      before.status === 'draft' ? null : nextReminderAt(built.startAt, built.reminderHours, before.remindersDone),
    changedAt: change ? now.toISOString() : before.changedAt,
    fanout: change
      ? { kind: 'change', key: `change:v${version}`, title: '活动时间地点有变', body: change }
      : before.fanout,
    createdAt: before.createdAt,
    version,
  }
  // Saved only over the version read: one conditional update, or with the capacity alert a
  // transaction that reads the event again to hold the same condition.
  const patch = rewrite(db, before, after)
  const saved = book
    ? await transaction(db, async (tx) => {
        const cur = await tx.collection(E.events).doc(eventId).get()
        if (!cur || cur.version !== before.version) return false
        await tx.collection(E.events).doc(eventId).update(patch)
        await queueCapacityAlert(tx, after, book, now)
        return true
      })
    : (await collection(db, E.events).where({ _id: eventId, version: before.version }).update(patch)) === 1
  if (!saved) throw new AppError('CONFLICT', '活动刚被其他人修改过，请刷新后再改')
  if (change) await db.collection(E.registrations).where({ eventId }).update({ eventStartAt: after.startAt })
  const notified = await runFanout(db, after, now)
  await offerNext(db, after, now)
  return { ...detailView(after, await readBook(db, eventId), null, now, true), notified }
}

export async function publishEvent(ctx: ActionContext, eventId: string, at: string | null): Promise<EventDetail> {
  const db = ctx.rt.db
  const now = ctx.now()
  // The event with its seat book: one request. Nobody signs up before publication, so the
  // book is still as read when the answer shows it.
  const { doc: event, book } = await loadEventWith(db, eventId, { book: join(E.books, { _id: eventId }) })
  mayManageOrThrow(ctx, event)
  if (event.status === 'published') throw new AppError('CONFLICT', '活动已经发布了')
  if (isCalledOff(event.status)) throw new AppError('CONFLICT', `${EVENT_STATUS_LABELS[event.status]}的活动不能发布`)
  requireFuture(event, now)
  const publishAt = at ? localToInstant(at).toISOString() : null
  if (publishAt && (publishAt <= now.toISOString() || publishAt >= event.startAt))
    throw bad(['at'], '定时发布的时间应在现在之后、活动开始之前')
  const patch: Partial<EventDoc> = publishAt
    ? { status: 'scheduled', publishAt }
    : {
        status: 'published',
        publishAt: null,
        publishedAt: now.toISOString(),
        nextReminderAt: nextReminderAt(event.startAt, event.reminderHours, event.remindersDone),
      }
  const updated = await collection(db, E.events)
    .where({ _id: eventId, version: event.version })
    .update({ ...patch, updatedAt: now.toISOString(), version: event.version + 1 })
  if (updated !== 1) throw new AppError('CONFLICT', '活动刚被其他人修改过，请刷新后再试')
  const published = { ...event, ...patch, updatedAt: now.toISOString(), version: event.version + 1 }
  return detailView(published, book[0] ?? null, null, now, true)
}

type CalledOff = Promise<EventDetail & { notified: number }>

/**
 * Calls an event off — cancelled, or this occurrence of its series skipped — and tells
 * everyone signed up (the fan-out ends their registrations with the message).
 */
async function callOff(
  ctx: ActionContext,
  eventId: string,
  how: (event: EventDoc) => { status: 'cancelled' | 'skipped'; reason: string; title: string; body: string },
): CalledOff {
  const db = ctx.rt.db
  const now = ctx.now()
  const event = await loadEvent(db, eventId)
  mayManageOrThrow(ctx, event)
  if (event.status === 'cancelled') throw new AppError('CONFLICT', '活动已经取消了')
  if (event.status === 'skipped') throw new AppError('CONFLICT', '这一期已经暂停了')
  if (event.endAt <= now.toISOString()) throw new AppError('CONFLICT', '活动已经结束，不能取消')
  const { status, reason, title, body } = how(event)
  const kind = status === 'skipped' ? 'skip' : 'cancel'
  const fanout: NonNullable<EventDoc['fanout']> = { kind, key: kind, title, body }
  const patch = { status, cancelReason: reason, nextReminderAt: null, updatedAt: now.toISOString() }
  const updated = await collection(db, E.events)
    .where({ _id: eventId, status: event.status })
    .update({ ...patch, fanout: db.command.set(fanout), version: db.command.inc(1) })
  if (updated !== 1) throw new AppError('CONFLICT', '活动刚被其他人修改过，请刷新后再试')
  // The event as this update left it: the fan-out and the answer need no read of it.
  const called: EventDoc = { ...event, ...patch, fanout, version: event.version + 1 }
  const notified = await runFanout(db, called, now)
  return { ...detailView(called, await readBook(db, eventId), null, now, true), notified }
}

export function cancelEvent(ctx: ActionContext, eventId: string, reason: string): CalledOff {
  return callOff(ctx, eventId, (event) => ({
    status: 'cancelled',
    reason,
    title: '活动已取消',
    body: `很抱歉，「${event.title}」已取消。原因：${reason}`,
  }))
}

/** 本期暂停: this occurrence is not held, the rest of its series goes on. */
export function skipOccurrence(ctx: ActionContext, eventId: string): CalledOff {
  return callOff(ctx, eventId, (event) => {
    if (!event.seriesId) throw new AppError('BAD_REQUEST', '只有系列活动可以本期暂停，单次活动请取消活动')
    return {
      status: 'skipped',
      reason: '本期暂停',
      title: '本期暂停',
      body: `「${event.title}」本期暂停，不再举行，您的报名已随之取消。系列中的其他各期照常举行，欢迎报名参加。`,
    }
  })
}

/** One event per occurrence of the rule, each with its own sign-up window and cancellation deadline. */
export async function createSeries(
  ctx: ActionContext,
  input: SeriesInput,
): Promise<{ seriesId: string; items: EventSummary[] }> {
  const db = ctx.rt.db
  const now = ctx.now()
  const unit = await requireOrganiser(ctx, input.unitId)
  const { rule, from, count, opensDaysBefore, cancelHoursBefore, publishNow, startTime, endTime, ...base } = input
  const seriesId = `s-${randomUUID()}`
  const events = occurrenceDates(rule, from, count).map((date) => {
    const start = localToInstant(`${date} ${startTime}`)
    const draft: EventDraft = EventDraftSchema.parse({
      ...base,
      description: base.description || `${describeRule(rule)}${startTime}，${base.place.name}`,
      date,
      startTime,
      endTime,
      signUpOpensAt: opensDaysBefore > 0 ? `${addCalendarDays(date, -opensDaysBefore)} ${startTime}` : null,
      signUpClosesAt: null,
      cancelDeadline:
        cancelHoursBefore > 0 ? instantToLocal(new Date(start.getTime() - cancelHoursBefore * 3_600_000)) : null,
    })
    return buildEvent(`e-${randomUUID()}`, draft, unit, ctx.requireCaller().openid, now, seriesId)
  })
  await checkAudience(db, events[0]!.draft, unit)
  requireFuture(events[0]!, now)
  const ready = events.map((event): EventDoc =>
    publishNow
      ? {
          ...event,
          status: 'published',
          publishedAt: now.toISOString(),
          nextReminderAt: nextReminderAt(event.startAt, event.reminderHours, []),
        }
      : event,
  )
  const books = await insertEvents(db, ready, now)
  return { seriesId, items: ready.map((e, i) => summaryView(e, books[i] ?? null, null, now)) }
}
