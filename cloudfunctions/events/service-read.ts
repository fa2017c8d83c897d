import type { z } from 'zod'
import type { EventDetail, EventSummary, ListInputSchema, ManageListInputSchema, RosterEntry } from '../../types/events'
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../../types/events-labels'
import { AppError } from '../core/app-error'
import type { Where } from '../core/data'
import { docsWith, docWith, join } from '../core/joins'
import type { ActionContext } from '../core/define-function'
import { mayManage, mayManageOrThrow, maySeeSensitive } from './access'
import { seatsTaken } from './book'
import { EVENT_COLLECTIONS as E, type BookDoc, type EventDoc, type RegistrationDoc } from './collections'
import { mayJoin, personKeys } from './domain/audience'
import { localToInstant } from './domain/schedule'
import { capacityAlert } from './domain/schedule'
import { registrationsJoin, registrationsOf } from './fanout'
import { personStanding } from './people'
import { regIdFor } from './registrations'
import { detailView, rosterEntry, summaryView } from './views'

/** The seat book of each event of a page, in the page's request. */
const bookJoin = join(E.books, {}, { on: ['_id', '_id'] })
/** The caller's own registration for each event of a page (a 代报名 has no openid: it is not theirs). */
const mineJoin = (openid: string) => join(E.registrations, { openid }, { on: ['eventId', '_id'] })

/** A page of events as cards, each with its book and the caller's registration (read with the page). */
function summaries(
  rows: Array<{ doc: EventDoc; book: BookDoc[]; mine?: RegistrationDoc[] }>,
  openid: string | null,
  now: Date,
): EventSummary[] {
  return rows.map(({ doc, book, mine = [] }) => {
    const reg = openid ? mine.find((r) => r._id === regIdFor(doc._id, openid)) : undefined
    return summaryView(doc, book[0] ?? null, reg ?? null, now)
  })
}

export async function getEvent(ctx: ActionContext, eventId: string): Promise<EventDetail> {
  const db = ctx.rt.db
  const now = ctx.now()
  const openid = ctx.caller?.openid
  // The event, its book and the caller's registration in one request.
  const found = await docWith(db, E.events, eventId, {
    book: join(E.books, { _id: eventId }),
    mine: join(E.registrations, { _id: openid ? regIdFor(eventId, openid) : '' }),
  })
  if (!found) throw new AppError('NOT_FOUND', '找不到这个活动')
  const event = found.doc
  const canManage = mayManage(ctx, event)
  const reg = found.mine[0] ?? null
  if (!canManage) {
    if (event.status === 'draft' || event.status === 'scheduled') throw new AppError('NOT_FOUND', '找不到这个活动')
    if (!reg) {
      const keys = personKeys(await personStanding(db, ctx.user, ctx.assignments))
      if (!mayJoin(event.audienceKeys, keys)) throw new AppError('NOT_FOUND', '找不到这个活动')
    }
  }
  return detailView(event, found.book[0] ?? null, reg, now, canManage)
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
  const openid = ctx.caller?.openid ?? null
  // The page with each event's book and the caller's registration: one request.
  const read = await docsWith(
    db,
    E.events,
    where,
    { book: bookJoin, mine: mineJoin(openid ?? '') },
    { orderBy: ['startAt', 'asc'], skip: input.skip, limit: input.limit + 1 },
  )
  const until = input.to ? new Date(localToInstant(`${input.to} 00:00`).getTime() + 86_400_000).toISOString() : null
  const page = read.filter((e) => !until || e.doc.startAt < until)
  return { items: summaries(page.slice(0, input.limit), openid, now), hasMore: page.length > input.limit }
}

/** 我的活动: what I signed up for, upcoming soonest first, or past newest first. */
export async function myEvents(ctx: ActionContext, past: boolean): Promise<{ items: EventSummary[] }> {
  const db = ctx.rt.db
  const _ = db.command
  const now = ctx.now()
  const openid = ctx.requireCaller().openid
  // An event that began within the last day may still be going on: read it, filter by its end below.
  const edge = new Date(now.getTime() - 86_400_000).toISOString()
  // My registrations, each with its event and the event's book: one request.
  const regs = await docsWith(
    db,
    E.registrations,
    { openid, eventStartAt: past ? _.lt(now.toISOString()) : _.gte(edge) },
    { event: join(E.events, {}, { on: ['_id', 'eventId'] }), book: join(E.books, {}, { on: ['_id', 'eventId'] }) },
    { orderBy: ['eventStartAt', past ? 'desc' : 'asc'], limit: 100 },
  )
  const rows = regs.flatMap(({ doc: reg, event: [event], book }) =>
    event && (past ? event.endAt <= now.toISOString() : event.endAt > now.toISOString())
      ? [{ doc: event, book, mine: [reg] }]
      : [],
  )
  return { items: summaries(rows, openid, now) }
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
  const page = await docsWith(
    db,
    E.events,
    where,
    { book: bookJoin },
    { orderBy: ['startAt', box.order], skip: input.skip, limit: input.limit + 1 },
  )
  return { items: summaries(page.slice(0, input.limit), null, now), hasMore: page.length > input.limit }
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
  return (await eventRoster(ctx, eventId, status)).roster
}

/** The event with its roster; the event, its book and the first page of registrations in one request. */
export async function eventRoster(
  ctx: ActionContext,
  eventId: string,
  status?: RosterEntry['status'],
): Promise<{ event: EventDoc; roster: Roster }> {
  const db = ctx.rt.db
  const statuses = [...REGISTRATION_STATUSES, 'new']
  const found = await docWith(db, E.events, eventId, {
    book: join(E.books, { _id: eventId }),
    regs: registrationsJoin(db, eventId, statuses),
  })
  if (!found) throw new AppError('NOT_FOUND', '找不到这个活动')
  const event = found.doc
  mayManageOrThrow(ctx, event)
  const seeSensitive = maySeeSensitive(ctx, event)
  const book = found.book[0] ?? null
  const all = (await registrationsOf(db, eventId, statuses, found.regs)).map((r) =>
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
  const roster = {
    counts,
    seatsTaken: taken,
    capacity: event.capacity,
    alert: capacityAlert(event.capacity, taken),
    items,
  }
  return { event, roster }
}
