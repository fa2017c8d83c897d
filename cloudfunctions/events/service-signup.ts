import type { z } from 'zod'
import { transaction } from '../core/data'
import { join } from '../core/joins'
import type { MyRegistration, ProxySignUpInputSchema, RosterEntry, SignUpInputSchema } from '../../types/events'
import { AUDIENCE_LABELS } from '../../types/events-labels'
import { maskPhone } from '../../types/mask'
import { AppError } from '../core/app-error'
import type { ActionContext } from '../core/define-function'
import { mayManageOrThrow, maySeeSensitive } from './access'
import { acceptInBook, markDirty, placeInBook, readBook, releaseFromBook } from './book'
import { ACTIVE_STATUSES, EVENT_COLLECTIONS as E, type EventDoc, type RegistrationDoc } from './collections'
import { mayJoin, personKeys } from './domain/audience'
import { formatMoment } from './domain/schedule'
import { signUpState } from './domain/schedule'
import { registrationsOf } from './fanout'
import { personStanding } from './people'
import {
  loadEventWith,
  loadReg,
  offerNext,
  proxyRegId,
  regIdFor,
  settle,
  statusNotice,
  transitionReg,
} from './registrations'
import { myRegistrationView, rosterEntry } from './views'

/*
 * Signing up, answering an offer, cancelling; 代报名 and approval by staff. A person's
 * registration has a fixed id per event, so a double tap or a retry finds the one already
 * there; seats come only from the seat book.
 */

type SignUpInput = z.output<typeof SignUpInputSchema>

function bad(path: (string | number)[], message: string): AppError {
  return new AppError('BAD_REQUEST', message, { issues: [{ path, message }] })
}

const STATE_REFUSALS = {
  not_open: (e: EventDoc) => `报名还没开始${e.signUpOpensAt ? `，${formatMoment(e.signUpOpensAt)}开始报名` : ''}`,
  closed: () => '报名已截止',
  started: () => '活动已经开始，不能再报名了',
  ended: () => '活动已经结束了',
  cancelled: () => '活动已取消',
  skipped: () => '本期暂停，请报名系列中的其他各期',
} as const

function checkAnswers(event: EventDoc, input: Pick<SignUpInput, 'answers' | 'guests' | 'acceptTerms'>): void {
  const byId = new Map(event.questions.map((q) => [q.id, q]))
  input.answers.forEach((a, i) => {
    const q = byId.get(a.questionId)
    if (!q) throw bad(['answers', i], '报名表有变化，请刷新后重新填写')
    if (q.kind === 'choice' && a.value && !q.options.includes(a.value))
      throw bad(['answers', i], `请从选项中选择：${q.label}`)
    if (q.kind === 'phone' && a.value && !/^1[3-9]\d{9}$/.test(a.value))
      throw bad(['answers', i], `请填写 11 位手机号码：${q.label}`)
  })
  for (const q of event.questions) {
    if (q.required && !input.answers.some((a) => a.questionId === q.id && a.value))
      throw bad(['answers'], `请填写：${q.label}`)
  }
  if (input.guests > event.guestsMax)
    throw bad(['guests'], event.guestsMax === 0 ? '这个活动不能带人同行' : `最多带 ${event.guestsMax} 人同行`)
  if (event.terms && !input.acceptTerms) throw bad(['acceptTerms'], '请先阅读并同意活动须知')
}

function newRegistration(
  event: EventDoc,
  id: string,
  who: { openid: string | null; name: string; phone: string; proxyBy: string | null },
  input: Pick<SignUpInput, 'clientRequestId' | 'guests' | 'answers'>,
  round: number,
  now: Date,
): RegistrationDoc {
  const at = now.toISOString()
  return {
    _id: id,
    eventId: event._id,
    ...who,
    clientRequestId: input.clientRequestId,
    guests: input.guests,
    seats: 1 + input.guests,
    seatPool: who.proxyBy ? 'reserved' : 'general',
    answers: input.answers.filter((a) => a.value),
    status: 'new',
    round,
    offerExpiresAt: null,
    cancelReason: null,
    history: [{ at, status: 'new', note: who.proxyBy ? '代报名' : null }],
    joinedAt: at,
    eventStartAt: event.startAt,
    createdAt: at,
    updatedAt: at,
  }
}

/**
 * Writes the registration (a new one, or a new round after a cancellation) unless this
 * person already has an active one or this very request was seen: then that one is the answer.
 */
async function claimRegistration(
  ctx: ActionContext,
  fresh: RegistrationDoc,
  firstTime: boolean,
): Promise<{ reg: RegistrationDoc; created: boolean }> {
  const db = ctx.rt.db
  if (firstTime) {
    // The common case in one write: an insert with the fixed id fails if a double tap won.
    try {
      await db.collection(E.registrations).add(fresh)
      return { reg: fresh, created: true }
    } catch (error) {
      const got = await loadReg(db, fresh._id)
      if (!got) throw error
    }
  }
  return transaction(db, async (tx) => {
    const got = await tx.collection(E.registrations).doc(fresh._id).get()
    if (got && (ACTIVE_STATUSES.includes(got.status) || got.clientRequestId === fresh.clientRequestId))
      return { reg: got, created: false }
    const reg = got
      ? { ...fresh, round: got.round + 1, createdAt: got.createdAt, history: [...got.history, ...fresh.history] }
      : fresh
    const { _id, ...rest } = reg
    await tx.collection(E.registrations).doc(_id).set(rest)
    return { reg, created: true }
  })
}

/** Someone's active registrations for the event by phone (another's 代报名 of them, say), read with the event. */
const samePhoneJoin = (ctx: ActionContext, eventId: string, phone: string) =>
  join(E.registrations, { eventId, phone, status: ctx.rt.db.command.in([...ACTIVE_STATUSES]) }, { limit: 5 })

/** Whether another active registration of the event has this phone (`regs`: what `samePhoneJoin` read). */
const phoneTakenIn = (regs: readonly RegistrationDoc[], phone: string, except: string) =>
  phone !== '' && regs.some((r) => r._id !== except)

/** What the caller sees of their registration; the book only matters to a place in the waitlist. */
async function answer(ctx: ActionContext, event: EventDoc, reg: RegistrationDoc): Promise<MyRegistration> {
  const waiting = reg.status === 'waiting' || reg.status === 'new'
  return myRegistrationView(reg, waiting ? await readBook(ctx.rt.db, event._id) : null)
}

/**
 * Places a claimed registration in the book and writes the status it got. The book is read
 * once after placing: the status, the wait position in the message and the answer all
 * come from that one reading (a waitlist of hundreds makes the book the largest read).
 */
async function placeAndSettle(ctx: ActionContext, event: EventDoc, reg: RegistrationDoc): Promise<MyRegistration> {
  const db = ctx.rt.db
  const now = ctx.now()
  if (reg.status === 'new') await placeInBook(db, event._id, reg._id, reg.seats, reg.seatPool, now)
  const book = (await readBook(db, event._id)) ?? undefined
  const settled = (await settle(db, event, reg._id, now, { book, reg: reg.status === 'new' ? reg : undefined })) ?? reg
  return myRegistrationView(settled, book ?? null)
}

export async function signUp(
  ctx: ActionContext,
  input: SignUpInput,
): Promise<{ registration: MyRegistration; created: boolean }> {
  const db = ctx.rt.db
  const now = ctx.now()
  const user = ctx.requireUser()
  const id = regIdFor(input.eventId, user._id)
  // The event, the caller's registration and any active one with their phone: one request.
  const found = await loadEventWith(db, input.eventId, {
    mine: join(E.registrations, { _id: id }),
    samePhone: samePhoneJoin(ctx, input.eventId, user.phone ?? ''),
  })
  const event = found.doc
  const [existing = null] = found.mine
  if (
    existing &&
    existing.status !== 'new' &&
    (ACTIVE_STATUSES.includes(existing.status) || existing.clientRequestId === input.clientRequestId)
  ) {
    return { registration: await answer(ctx, event, existing), created: false }
  }
  if (event.status === 'draft' || event.status === 'scheduled') throw new AppError('NOT_FOUND', '找不到这个活动')
  const state = signUpState(event, now)
  if (state !== 'open') throw new AppError('CONFLICT', STATE_REFUSALS[state](event))
  const keys = personKeys(await personStanding(db, user, ctx.assignments))
  if (!mayJoin(event.audienceKeys, keys))
    throw new AppError('FORBIDDEN', `这个活动只面向${AUDIENCE_LABELS[event.audience.kind]}`)
  checkAnswers(event, input)
  if (phoneTakenIn(found.samePhone, user.phone ?? '', id))
    throw new AppError('CONFLICT', '社区已用您的手机号为您代报名，无需重复报名')
  const fresh = newRegistration(
    event,
    id,
    { openid: user._id, name: user.name ?? '居民', phone: user.phone ?? '', proxyBy: null },
    input,
    1,
    now,
  )
  const { reg, created } = await claimRegistration(ctx, fresh, existing === null)
  return { registration: await placeAndSettle(ctx, event, reg), created }
}

async function requireMine(ctx: ActionContext, eventId: string): Promise<{ event: EventDoc; reg: RegistrationDoc }> {
  // The event with the caller's registration: one request.
  const found = await loadEventWith(ctx.rt.db, eventId, {
    mine: join(E.registrations, { _id: regIdFor(eventId, ctx.requireCaller().openid) }),
  })
  const [reg] = found.mine
  if (!reg || !ACTIVE_STATUSES.includes(reg.status)) throw new AppError('CONFLICT', '您没有这个活动的有效报名')
  return { event: found.doc, reg }
}

export async function acceptOffer(ctx: ActionContext, eventId: string): Promise<{ registration: MyRegistration }> {
  const db = ctx.rt.db
  const now = ctx.now()
  const { event, reg } = await requireMine(ctx, eventId)
  if (reg.status === 'confirmed') return { registration: await answer(ctx, event, reg) }
  if (reg.status !== 'offered') throw new AppError('CONFLICT', '目前没有为您保留的名额')
  if (!reg.offerExpiresAt || reg.offerExpiresAt <= now.toISOString())
    throw new AppError('CONFLICT', '确认时间已过，名额已让给下一位')
  if (!(await acceptInBook(db, eventId, reg._id, now))) throw new AppError('CONFLICT', '确认时间已过，名额已让给下一位')
  const done = await transitionReg(
    db,
    reg._id,
    ['offered'],
    (r) => ({ patch: { status: 'confirmed', offerExpiresAt: null }, notice: statusNotice(event, r, 'promoted', now) }),
    now,
  )
  return { registration: await answer(ctx, event, done ?? (await loadReg(db, reg._id))!) }
}

/**
 * Ends a registration and passes its seat on: marks the book for the sweep, ends the
 * registration (with its message), gives the seat back, offers it down the waitlist. A
 * crash between any two steps is finished by the reconcile sweep.
 */
export async function endRegistration(
  ctx: ActionContext,
  event: EventDoc,
  reg: RegistrationDoc,
  status: 'cancelled' | 'rejected',
  reason: RegistrationDoc['cancelReason'],
): Promise<RegistrationDoc> {
  const db = ctx.rt.db
  const now = ctx.now()
  await markDirty(db, event._id, now)
  const kind = status === 'rejected' ? 'rejected' : 'cancelled'
  const done = await transitionReg(
    db,
    reg._id,
    [reg.status],
    (r) => ({
      patch: { status, cancelReason: reason, offerExpiresAt: null },
      notice: statusNotice(event, r, kind, now),
      ends: true,
    }),
    now,
  )
  if (!done) throw new AppError('CONFLICT', '报名状态刚有变化，请刷新后再看')
  const held = reg.status === 'confirmed' || reg.status === 'offered'
  await releaseFromBook(db, event._id, reg._id, reg.seats, now, held)
  await offerNext(db, event, now)
  return done
}

export async function cancelMine(ctx: ActionContext, eventId: string): Promise<{ registration: MyRegistration }> {
  const now = ctx.now().toISOString()
  const { event, reg } = await requireMine(ctx, eventId)
  const changedSince = event.changedAt !== null && event.changedAt > reg.joinedAt
  if (now >= event.endAt) throw new AppError('CONFLICT', '活动已经结束了')
  if (now >= event.cancelDeadline && !changedSince && reg.status !== 'waiting') {
    const phone = event.organiser.phone ? `（${event.organiser.phone}）` : ''
    throw new AppError('CONFLICT', `已过取消截止时间，如需取消请联系社区${phone}`)
  }
  const done = await endRegistration(ctx, event, reg, 'cancelled', 'self')
  return { registration: await answer(ctx, event, done) }
}

/** 代报名: staff sign up a resident without WeChat by name and phone, past the deadline too, first into reserved seats. */
export async function proxySignUp(
  ctx: ActionContext,
  input: z.output<typeof ProxySignUpInputSchema>,
): Promise<{ registration: MyRegistration; created: boolean; registrationId: string }> {
  const db = ctx.rt.db
  const now = ctx.now()
  const id = proxyRegId(input.eventId, input.phone)
  // The event, this phone's 代报名 and any other active registration with it: one request.
  const found = await loadEventWith(db, input.eventId, {
    same: join(E.registrations, { _id: id }),
    samePhone: samePhoneJoin(ctx, input.eventId, input.phone),
  })
  const event = found.doc
  mayManageOrThrow(ctx, event)
  if (event.status !== 'published') throw new AppError('CONFLICT', '活动发布后才能代报名')
  if (now.toISOString() >= event.startAt) throw new AppError('CONFLICT', '活动已经开始，不能再报名了')
  checkAnswers(event, { ...input, acceptTerms: true })
  const [same = null] = found.same
  const retry = same?.clientRequestId === input.clientRequestId
  if (!retry && ((same && ACTIVE_STATUSES.includes(same.status)) || phoneTakenIn(found.samePhone, input.phone, id))) {
    throw new AppError('CONFLICT', `手机号 ${maskPhone(input.phone)} 已经报名了这个活动`)
  }
  const fresh = newRegistration(
    event,
    id,
    { openid: null, name: input.name, phone: input.phone, proxyBy: ctx.requireCaller().openid },
    input,
    1,
    now,
  )
  const { reg, created } = await claimRegistration(ctx, fresh, same === null)
  return { registration: await placeAndSettle(ctx, event, reg), created, registrationId: reg._id }
}

/** Approves or rejects a pending registration; a rejection frees the seat for the waitlist. */
export async function decide(
  ctx: ActionContext,
  eventId: string,
  registrationId: string,
  approve: boolean,
): Promise<RosterEntry> {
  const db = ctx.rt.db
  const now = ctx.now()
  // The event with the registration to decide: one request.
  const found = await loadEventWith(db, eventId, { reg: join(E.registrations, { _id: registrationId }) })
  const event = found.doc
  mayManageOrThrow(ctx, event)
  const [reg] = found.reg
  if (!reg || reg.eventId !== eventId) throw new AppError('NOT_FOUND', '找不到这条报名')
  if (reg.status !== 'pending') throw new AppError('CONFLICT', '这条报名不在待审核状态')
  const done = approve
    ? await transitionReg(
        db,
        reg._id,
        ['pending'],
        (r) => ({ patch: { status: 'confirmed' }, notice: statusNotice(event, r, 'confirmed', now) }),
        now,
      )
    : await endRegistration(ctx, event, reg, 'rejected', 'staff')
  if (!done) throw new AppError('CONFLICT', '报名状态刚有变化，请刷新后再看')
  return rosterEntry(event, done, await readBook(db, eventId), maySeeSensitive(ctx, event))
}

export { registrationsOf }
