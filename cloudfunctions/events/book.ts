import type { Db } from '@cloudbase/database'
import { AppError } from '../core/app-error'
import { collection } from '../core/data'
import { EVENT_COLLECTIONS as E, type BookDoc } from './collections'
import type { Placement } from './domain/reconcile'

/*
 * The seat book (see BookDoc): every way a seat is given or taken is one conditional
 * update of the event's book, which CloudBase and the embedded database apply atomically.
 * No transaction spans the book, so a thousand people signing up at once never conflict on
 * it: each update either applies to the book as it is or matches nothing.
 */

/** Free seats of an unlimited event: never runs out, and `free >= seats` stays one query. */
export const UNLIMITED_SEATS = 1_000_000_000

export function newBook(eventId: string, capacity: number, reserved: number, now: Date): BookDoc {
  return {
    _id: eventId,
    capacity,
    reserved,
    free: capacity === 0 ? UNLIMITED_SEATS : capacity - reserved,
    reservedFree: reserved,
    holders: [],
    reservedHolders: [],
    offered: [],
    waitlist: [],
    waitingCount: 0,
    dirty: false,
    changedAt: now.toISOString(),
    version: 1,
  }
}

/**
 * Book entries are the registration id without its `<eventId>:` prefix (the hash of the person).
 * Every sign-up reads and rewrites the book, so with hundreds waiting its size is the cost.
 */
export const entryOf = (regId: string): string => regId.slice(regId.indexOf(':') + 1)
export const regIdOf = (eventId: string, entry: string): string => `${eventId}:${entry}`

/** Where a registration stands in the book. */
export function placementIn(book: BookDoc, regId: string): Placement {
  const entry = entryOf(regId)
  if (book.offered.includes(entry)) return 'offered'
  if (book.holders.includes(entry)) return 'held'
  if (book.waitlist.includes(entry)) return 'waiting'
  return 'none'
}

/** 1 = next in line; 0 when not waiting. */
export function waitPositionIn(book: BookDoc, regId: string): number {
  return book.waitlist.indexOf(entryOf(regId)) + 1
}

/** Seats held now, reserved ones included. */
export function seatsTaken(book: BookDoc): number {
  const general = (book.capacity === 0 ? UNLIMITED_SEATS : book.capacity - book.reserved) - book.free
  return general + (book.reserved - book.reservedFree)
}

export async function readBook(db: Db, eventId: string): Promise<BookDoc | null> {
  return collection(db, E.books).doc(eventId).get()
}

function touched(db: Db, now: Date) {
  return { dirty: true, changedAt: now.toISOString(), version: db.command.inc(1) }
}

/** A conditional single update applied (it answers how many documents changed: 0 or 1). */
async function updated(changed: Promise<number>): Promise<boolean> {
  return (await changed) === 1
}

/** Marks the book for the reconcile sweep before a registration gives its seat back. */
export async function markDirty(db: Db, eventId: string, now: Date): Promise<void> {
  await collection(db, E.books).doc(eventId).update({ dirty: true, changedAt: now.toISOString() })
}

/**
 * Puts a registration in the book: a seat when enough are free and nobody is waiting
 * (a freed seat belongs to the first person waiting), otherwise the end of the waitlist.
 * Idempotent: a registration already in the book stays where it is.
 */
export async function placeInBook(
  db: Db,
  eventId: string,
  regId: string,
  seats: number,
  pool: 'general' | 'reserved',
  now: Date,
): Promise<Placement> {
  const _ = db.command
  const books = collection(db, E.books)
  const entry = entryOf(regId)
  const absent = { _id: eventId, holders: _.nin([entry]), waitlist: _.nin([entry]) }
  for (let attempt = 0; attempt < 8; attempt++) {
    if (pool === 'reserved') {
      const took = books.where({ ...absent, reservedFree: _.gte(seats) }).update({
        reservedFree: _.inc(-seats),
        holders: _.push([entry]),
        reservedHolders: _.push([entry]),
        ...touched(db, now),
      })
      if (await updated(took)) return 'held'
    }
    const seat = books
      .where({ ...absent, free: _.gte(seats), waitingCount: 0 })
      .update({ free: _.inc(-seats), holders: _.push([entry]), ...touched(db, now) })
    if (await updated(seat)) return 'held'
    const wait = books
      .where(_.and([absent, _.or([{ free: _.lt(seats) }, { waitingCount: _.gt(0) }])]))
      .update({ waitlist: _.push([entry]), waitingCount: _.inc(1), ...touched(db, now) })
    if (await updated(wait)) return 'waiting'
    // Neither matched: already placed, or the seats changed between the two updates.
    const book = await readBook(db, eventId)
    if (!book) throw new AppError('NOT_FOUND', '找不到这个活动')
    const where = placementIn(book, regId)
    if (where !== 'none') return where
  }
  throw new AppError('CONFLICT', '报名的人很多，请稍后再试一次')
}

/**
 * Takes a registration out of the book, giving its seat back to the pool it came from.
 * `held`: the registration had a seat (confirmed or offered), so the likely case — a general
 * seat — is tried first by one conditional update, with no read of the book before it.
 */
export async function releaseFromBook(
  db: Db,
  eventId: string,
  regId: string,
  seats: number,
  now: Date,
  held = false,
): Promise<void> {
  const _ = db.command
  const books = collection(db, E.books)
  const entry = entryOf(regId)
  if (held) {
    const general = { _id: eventId, holders: entry, reservedHolders: _.nin([entry]) }
    const patch = { holders: _.pull(entry), offered: _.pull(entry), free: _.inc(seats), ...touched(db, now) }
    if (await updated(books.where(general).update(patch))) return
  }
  const book = await readBook(db, eventId)
  if (!book) return
  if (book.holders.includes(entry)) {
    const pool = book.reservedHolders.includes(entry) ? 'reservedFree' : 'free'
    await books.where({ _id: eventId, holders: entry }).update({
      holders: _.pull(entry),
      offered: _.pull(entry),
      reservedHolders: _.pull(entry),
      [pool]: _.inc(seats),
      ...touched(db, now),
    })
  } else if (book.waitlist.includes(entry)) {
    await books
      .where({ _id: eventId, waitlist: entry })
      .update({ waitlist: _.pull(entry), waitingCount: _.inc(-1), ...touched(db, now) })
  }
}

/** Moves the head of the waitlist onto a seat (offered, or held outright). False when the head moved meanwhile. */
export async function seatHead(
  db: Db,
  eventId: string,
  headRegId: string,
  seats: number,
  offer: boolean,
  now: Date,
): Promise<boolean> {
  const _ = db.command
  const head = entryOf(headRegId)
  return updated(
    collection(db, E.books)
      .where({ _id: eventId, 'waitlist.0': head, free: _.gte(seats) })
      .update({
        waitlist: _.pull(head),
        waitingCount: _.inc(-1),
        free: _.inc(-seats),
        holders: _.push([head]),
        ...(offer ? { offered: _.push([head]) } : {}),
        ...touched(db, now),
      }),
  )
}

/** An accepted offer becomes a plain held seat. False when it was no longer offered. */
export async function acceptInBook(db: Db, eventId: string, regId: string, now: Date): Promise<boolean> {
  const _ = db.command
  const entry = entryOf(regId)
  return updated(
    collection(db, E.books)
      .where({ _id: eventId, offered: entry })
      .update({ offered: _.pull(entry), ...touched(db, now) }),
  )
}

/**
 * Sets a new capacity (and reserved count). Refused when fewer seats would remain than are
 * held now: the condition `free >= -delta` is checked by the same update that applies it.
 */
export async function changeCapacity(
  db: Db,
  eventId: string,
  capacity: number,
  reserved: number,
  now: Date,
  seen?: BookDoc,
): Promise<void> {
  const _ = db.command
  for (let attempt = 0; attempt < 8; attempt++) {
    // The book the caller read with the event is tried first: the update's condition is on what it saw.
    const book = (attempt === 0 ? seen : undefined) ?? (await readBook(db, eventId))
    if (!book) throw new AppError('NOT_FOUND', '找不到这个活动')
    if (book.capacity === capacity && book.reserved === reserved) return
    const eff = (c: number) => (c === 0 ? UNLIMITED_SEATS : c)
    const delta = eff(capacity) - reserved - (eff(book.capacity) - book.reserved)
    const deltaReserved = reserved - book.reserved
    const ok = await updated(
      collection(db, E.books)
        .where({
          _id: eventId,
          capacity: book.capacity,
          reserved: book.reserved,
          free: _.gte(Math.max(-delta, 0)),
          reservedFree: _.gte(Math.max(-deltaReserved, 0)),
        })
        .update({ capacity, reserved, free: _.inc(delta), reservedFree: _.inc(deltaReserved), ...touched(db, now) }),
    )
    if (ok) return
    const again = await readBook(db, eventId)
    if (again && again.capacity === book.capacity && again.reserved === book.reserved) {
      const taken = seatsTaken(again)
      throw new AppError('BAD_REQUEST', `已有 ${taken} 个名额被占用（含待确认、待审核），名额不能少于 ${taken}`, {
        issues: [{ path: ['draft', 'capacity'], message: `名额不能少于 ${taken}` }],
      })
    }
  }
  throw new AppError('CONFLICT', '报名的人很多，请稍后再改名额')
}

/** Empties the waitlist once the event starts (its registrations were closed first). */
export async function clearWaitlist(db: Db, eventId: string, now: Date): Promise<void> {
  await collection(db, E.books)
    .doc(eventId)
    .update({ waitlist: db.command.set([]), waitingCount: 0, ...touched(db, now) })
}
