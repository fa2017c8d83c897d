import type { Db } from '@cloudbase/database'
import type { z } from 'zod'
import type { EventDetail, EventSummary, ListInputSchema, ManageListInputSchema, RosterEntry } from '../../types/events'
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../../types/events-labels'
import { AppError } from '../core/app-error'
import { collection, type Where } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { mayManage, mayManageOrThrow, maySeeSensitive } from './access'
import { readBook, seatsTaken } from './book'
import { EVENT_COLLECTIONS as E, type EventDoc } from './collections'
import { mayJoin, personKeys } from './domain/audience'
import { localToInstant } from './domain/schedule'
import { capacityAlert } from './domain/schedule'
import { registrationsOf } from './fanout'
import { personStanding } from './people'
import { loadEvent, loadReg, regIdFor } from './registrations'
import { detailView, rosterEntry, summaryView } from './views'

/** Books and the caller's registrations for a page of events, two queries whatever the page size. */
async function decorate(db: Db, events: EventDoc[], openid: string | null, now: Date): Promise<EventSummary[]> {
  if (events.length === 0) return []
  const _ = db.command
  const ids = events.map((e) => e._id)
  const books = await collection(db, E.books)
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .get()
  const regs = openid
    ? await collection(db, E.registrations)
        .where({ _id: _.in(ids.map((id) => regIdFor(id, openid))) })
        .limit(ids.length)
        .get()
    : []
  const bookOf = new Map(books.map((b) => [b._id, b]))
  const regOf = new Map(regs.map((r) => [r.eventId, r]))
  return events.map((e) => summaryView(e, bookOf.get(e._id) ?? null, regOf.get(e._id) ?? null, now))
}

export async function getEvent(ctx: ActionContext, eventId: string): Promise<EventDetail> {
  const db = ctx.rt.db
  const now = ctx.now()
  const event = await loadEvent(db, eventId)
  const canManage = mayManage(ctx, event)
  const reg = ctx.caller ? await loadReg(db, regIdFor(eventId, ctx.caller.openid)) : null
  if (!canManage) {
    if (event.status === 'draft' || event.status === 'scheduled') throw new AppError('NOT_FOUND', '找不到这个活动')
    if (!reg) {
      const keys = personKeys(await personStanding(db, ctx.user, ctx.assignments))
      if (!mayJoin(event.audienceKeys, keys)) throw new AppError('NOT_FOUND', '找不到这个活动')
    }
  }
  return detailView(event, await readBook(db, eventId), reg, now, canManage)
}

/** Upcoming events the caller may join, soonest first; each card with seats and the caller's own status. */
export async function listEvents(
  ctx: ActionContext,
  input: z.output<typeof ListInputSchema>,
): Promise<{ items: EventSummary[]; hasMore: boolean }> {
  const db = ctx.rt.db
  const _ = db.command
  const now = ctx.now()
  const keys = personKeys(await personStanding(db, ctx.user, ctx.assignments))
  // An event ends on its own date, so one still on began within the last 24 hours: with that
  // lower bound the index (audienceKeys, status, startAt) serves both the range and the order
  // and only the page is read. The end and `to` are checked on the page read in that order.
  const edge = new Date(now.getTime() - 86_400_000).toISOString()
  const from = input.from ? localToInstant(`${input.from} 00:00`).toISOString() : edge
  const where: Where<EventDoc> = {
    audienceKeys: _.in(keys),
    status: 'published',
    startAt: _.gte(from > edge ? from : edge),
    endAt: _.gt(now.toISOString()),
  }
  if (input.kind) where.kind = input.kind
  const read = await collection(db, E.events)
    .where(where)
    .orderBy('startAt', 'asc')
    .skip(input.skip)
    .limit(input.limit + 1)
    .get()
  const until = input.to ? new Date(localToInstant(`${input.to} 00:00`).getTime() + 86_400_000).toISOString() : null
  const page = read.filter((e) => !until || e.startAt < until)
  return {
    items: await decorate(db, page.slice(0, input.limit), ctx.caller?.openid ?? null, now),
    hasMore: page.length > input.limit,
  }
}

/** 我的活动: what I signed up for, upcoming soonest first, or past newest first. */
export async function myEvents(ctx: ActionContext, past: boolean): Promise<{ items: EventSummary[] }> {
  const db = ctx.rt.db
  const _ = db.command
  const now = ctx.now()
  const openid = ctx.requireCaller().openid
  // An event that began within the last day may still be going on: read it, filter by its end below.
  const edge = new Date(now.getTime() - 86_400_000).toISOString()
  const regs = await collection(db, E.registrations)
    .where({ openid, eventStartAt: past ? _.lt(now.toISOString()) : _.gte(edge) })
    .orderBy('eventStartAt', past ? 'desc' : 'asc')
    .limit(100)
    .get()
  if (regs.length === 0) return { items: [] }
  const events = await collection(db, E.events)
    .where({ _id: _.in(regs.map((r) => r.eventId)) })
    .limit(100)
    .get()
  const byId = new Map(events.map((e) => [e._id, e]))
  const ordered = regs
    .map((r) => byId.get(r.eventId))
    .filter((e): e is EventDoc => !!e && (past ? e.endAt <= now.toISOString() : e.endAt > now.toISOString()))
  return { items: await decorate(db, ordered, openid, now) }
}

const BOXES = {
  upcoming: { status: ['published', 'scheduled'], ended: false, order: 'asc' },
  drafts: { status: ['draft'], ended: null, order: 'desc' },
  past: { status: ['published'], ended: true, order: 'desc' },
  cancelled: { status: ['cancelled', 'skipped'], ended: null, order: 'desc' },
} as const

/** The organiser's events under a unit (a street sees its communities' too). */
export async function manageEvents(
  ctx: ActionContext,
  input: z.output<typeof ManageListInputSchema>,
): Promise<{ items: EventSummary[]; hasMore: boolean }> {
  await ctx.requireCapabilityAt('events.manage', input.unitId)
  const db = ctx.rt.db
  const _ = db.command
  const now = ctx.now()
  const box = BOXES[input.box]
  const where: Where<EventDoc> = { unitScope: input.unitId, status: _.in([...box.status]) }
  if (box.ended !== null) where.endAt = box.ended ? _.lte(now.toISOString()) : _.gt(now.toISOString())
  const page = await collection(db, E.events)
    .where(where)
    .orderBy('startAt', box.order)
    .skip(input.skip)
    .limit(input.limit + 1)
    .get()
  return { items: await decorate(db, page.slice(0, input.limit), null, now), hasMore: page.length > input.limit }
}

export interface Roster {
  counts: Record<(typeof REGISTRATION_STATUSES)[number], number>
  seatsTaken: number
  capacity: number
  alert: 'none' | 'almost_full' | 'full'
  items: RosterEntry[]
}

/** The roster by status: waiting in line order, the rest in sign-up order; counts and the capacity alert. */
export async function roster(ctx: ActionContext, eventId: string, status?: RosterEntry['status']): Promise<Roster> {
  const db = ctx.rt.db
  const event = await loadEvent(db, eventId)
  mayManageOrThrow(ctx, event)
  const seeSensitive = maySeeSensitive(ctx, event)
  const book = await readBook(db, eventId)
  const all = (await registrationsOf(db, eventId, [...REGISTRATION_STATUSES, 'new'])).map((r) =>
    rosterEntry(event, r, book, seeSensitive),
  )
  const count = (s: RegistrationStatus) => all.filter((e) => e.status === s).length
  const counts: Roster['counts'] = {
    confirmed: count('confirmed'),
    offered: count('offered'),
    waiting: count('waiting'),
    pending: count('pending'),
    cancelled: count('cancelled'),
    rejected: count('rejected'),
  }
  const items = all.filter((e) => !status || e.status === status)
  items.sort((a, b) => (a.waitPosition ?? 0) - (b.waitPosition ?? 0) || a.joinedAt.localeCompare(b.joinedAt))
  const taken = book ? seatsTaken(book) : 0
  return { counts, seatsTaken: taken, capacity: event.capacity, alert: capacityAlert(event.capacity, taken), items }
}
