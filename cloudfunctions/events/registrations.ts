import type { Db } from '@cloudbase/database'
import { collection, transaction, type Tx } from '../core/data'
import { docWith, join, type Joins, type WithJoins } from '../core/joins'
import { AppError } from '../core/app-error'
import { derivedId } from '../core/ids'
import { notify, notifyNew, type NotifyInput } from '../core/outbox'
import {
  acceptInBook,
  placeInBook,
  placementIn,
  readBook,
  regIdOf,
  releaseFromBook,
  seatHead,
  waitPositionIn,
} from './book'
import { queueCapacityAlert } from './capacity-alerts'
import {
  EVENT_COLLECTIONS as E,
  type BookDoc,
  type EventDoc,
  type RegistrationDoc,
  type RegistrationStatus,
} from './collections'
import { eventNotice, statusNoticeText, type StatusNoticeKind } from './domain/notices'
import { reconcileRegistration } from './domain/reconcile'
import { seatDecision } from './domain/schedule'

/*
 * Registrations follow the seat book (book.ts). Each status change of a registration is one
 * transaction on that registration alone, with its message in the outbox, and only if the
 * registration is still in the status it was read in: run twice (by the action and by the
 * sweep after a crash), it changes and tells once.
 */

/**
 * A registration's id: the event, then a hash of who signed up (an openid, or the phone of a
 * 代报名). Fixed per person and event, so a double tap or a retry finds the one already there;
 * opaque, because the id travels to staff (roster, 代报名, approval) and an openid must not.
 * The seat book keeps only the part after the event id.
 */
export const regIdFor = (eventId: string, openid: string) => `${eventId}:${derivedId(eventId, openid)}`
export const proxyRegId = (eventId: string, phone: string) => `${eventId}:${derivedId(eventId, 'tel', phone)}`

export async function loadEvent(db: Db, id: string): Promise<EventDoc> {
  const doc = await collection(db, E.events).doc(id).get()
  if (!doc) throw new AppError('NOT_FOUND', '找不到这个活动')
  return doc
}

/** The event with what `joins` read alongside it (the caller's registration…): one request. */
export async function loadEventWith<J extends Joins>(
  db: Db,
  id: string,
  joins: J,
): Promise<{ doc: EventDoc } & WithJoins<J>> {
  const found = await docWith(db, E.events, id, joins)
  if (!found) throw new AppError('NOT_FOUND', '找不到这个活动')
  return found
}

export async function loadReg(db: Db, id: string): Promise<RegistrationDoc | null> {
  return collection(db, E.registrations).doc(id).get()
}

export interface RegChange {
  patch: Partial<RegistrationDoc> & { status: RegistrationStatus }
  note?: string | null
  notice?: NotifyInput | null
  /**
   * The notice is about the registration's end (cancelled or rejected, from an active status).
   * A round has one end and one first step (out of `new`, which nothing returns to), and the
   * key names the round (statusNotice) or the event's one call-off (runFanout), so the notice
   * of either goes in with no read of the outbox (notifyNew). Other steps may recur in a
   * round after a repair and keep the read (`notify` skips a key already queued).
   */
  ends?: true
  /** Other records of the same change, written in its transaction (the organiser's capacity alert). */
  alongside?: (tx: Tx) => Promise<unknown>
}

/**
 * Changes one registration, if it is still in one of `from`, together with its notice.
 * Returns the registration as written, or null when it had moved on.
 */
export async function transitionReg(
  db: Db,
  regId: string,
  from: readonly RegistrationStatus[],
  change: (reg: RegistrationDoc) => RegChange,
  now: Date,
): Promise<RegistrationDoc | null> {
  return transaction(db, async (tx) => {
    const reg = await tx.collection(E.registrations).doc(regId).get()
    if (!reg || !from.includes(reg.status)) return null
    const { patch, note = null, notice, ends, alongside } = change(reg)
    const at = now.toISOString()
    const next: RegistrationDoc = {
      ...reg,
      ...patch,
      updatedAt: at,
      history: [...reg.history, { at, status: patch.status, note }],
    }
    const { _id, ...rest } = next
    await tx.collection(E.registrations).doc(regId).set(rest)
    const once = ends === true || reg.status === 'new'
    if (notice && reg.openid) await (once ? notifyNew(tx, [notice], now) : notify(tx, notice, now))
    if (alongside) await alongside(tx)
    return next
  })
}

/** The notice of a status change, keyed per registration, round and kind. */
export function statusNotice(
  event: EventDoc,
  reg: RegistrationDoc,
  kind: StatusNoticeKind,
  now: Date,
  extra: { waitPosition?: number; offerExpiresAt?: string | null } = {},
): NotifyInput | null {
  if (!reg.openid) return null
  const t = statusNoticeText(kind, event, { ...extra, now })
  return eventNotice(event, reg.openid, `${reg._id}:r${reg.round}:${kind}`, t.title, t.lead, t.status, {
    kind: kind === 'promoted' ? 'eventPromoted' : 'eventResult',
  })
}

/**
 * Brings one registration in line with the book (reconcile.ts): places a registration the
 * book lacks, gives back a seat an ended one still holds, or writes the status the book
 * says, with its message. The action that changed the book runs it, and so does the sweep.
 */
export async function settle(
  db: Db,
  event: EventDoc,
  regId: string,
  now: Date,
  known: { book?: BookDoc; reg?: RegistrationDoc } = {},
  depth = 0,
): Promise<RegistrationDoc | null> {
  const reg = known.reg ?? (await loadReg(db, regId))
  const book = known.book ?? (await readBook(db, event._id))
  if (!reg || !book) return reg
  const placement = placementIn(book, regId)
  const fix = reconcileRegistration(reg.status, placement, event.approvalRequired)
  if (fix.kind === 'none') return reg
  if (fix.kind === 'release') {
    await releaseFromBook(db, event._id, regId, reg.seats, now)
    return reg
  }
  if (fix.kind === 'place') {
    if (depth > 0) return reg
    await placeInBook(db, event._id, regId, reg.seats, reg.seatPool, now)
    return settle(db, event, regId, now, { reg }, depth + 1)
  }
  const status = fix.status
  let offerExpiresAt: string | null = null
  if (status === 'offered') {
    const decision = seatDecision(now, event.startAt, event.offerHoldHours)
    if (decision.kind === 'confirm') {
      await acceptInBook(db, event._id, regId, now)
      return settle(db, event, regId, now, { reg }, depth + 1)
    }
    offerExpiresAt = reg.status === 'offered' ? reg.offerExpiresAt : decision.expiresAt
  }
  const waitPosition = waitPositionIn(book, regId)
  const kind: StatusNoticeKind = status === 'confirmed' ? (reg.status === 'new' ? 'confirmed' : 'promoted') : status
  return (
    (await transitionReg(
      db,
      regId,
      [reg.status],
      (r) => ({
        patch: { status, offerExpiresAt },
        notice: statusNotice(event, r, kind, now, { waitPosition, offerExpiresAt }),
        alongside: status === 'waiting' ? undefined : (tx) => queueCapacityAlert(tx, event, book, now),
      }),
      now,
    )) ?? loadReg(db, regId)
  )
}

/**
 * The seat book with the registrations that waited longest, in one request: the head of the
 * waitlist is one of them unless placements crossed (or it ended and is still listed), when
 * it is read on its own.
 */
async function bookWithHeads(db: Db, eventId: string): Promise<{ book: BookDoc | null; heads: RegistrationDoc[] }> {
  const waiting = { eventId, status: db.command.in(['waiting', 'new']) }
  const found = await docWith(db, E.books, eventId, {
    heads: join(E.registrations, waiting, { orderBy: ['joinedAt', 'asc'], limit: 2 }),
  })
  return { book: found?.doc ?? null, heads: found?.heads ?? [] }
}

/**
 * Offers freed seats down the waitlist, first come first: each step moves the head onto a
 * seat in the book, then tells them. Stops when the head needs more seats than are free
 * (nobody jumps the line), at the start, or when nobody waits.
 */
export async function offerNext(db: Db, event: EventDoc, now: Date): Promise<number> {
  let moved = 0
  for (let step = 0; step < 200; step++) {
    if (event.status !== 'published' || now.toISOString() >= event.startAt) break
    const { book, heads } = await bookWithHeads(db, event._id)
    const first = book?.waitlist[0]
    if (!book || first === undefined) break
    const head = regIdOf(event._id, first)
    const reg = heads.find((r) => r._id === head) ?? (await loadReg(db, head))
    if (!reg || reg.status === 'cancelled' || reg.status === 'rejected') {
      await releaseFromBook(db, event._id, head, reg?.seats ?? 1, now)
      continue
    }
    if (book.free < reg.seats) break
    const decision = seatDecision(now, event.startAt, event.offerHoldHours)
    if (!(await seatHead(db, event._id, head, reg.seats, decision.kind === 'offer', now))) continue
    moved++
    await transitionReg(
      db,
      head,
      ['waiting', 'new'],
      (r) =>
        decision.kind === 'offer'
          ? {
              patch: { status: 'offered', offerExpiresAt: decision.expiresAt },
              notice: statusNotice(event, r, 'offered', now, { offerExpiresAt: decision.expiresAt }),
            }
          : { patch: { status: 'confirmed', offerExpiresAt: null }, notice: statusNotice(event, r, 'promoted', now) },
      now,
    )
  }
  return moved
}
