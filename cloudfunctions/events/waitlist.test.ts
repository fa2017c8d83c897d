import { acceptInBook, entryOf, markDirty, placementIn, releaseFromBook, seatHead } from './book'
import { EVENT_COLLECTIONS as E, type RegistrationDoc } from './collections'
import { reconcileRegistration } from './domain/reconcile'
import { proxyRegId, regIdFor, transitionReg } from './registrations'
import { draft, errorOf, eventsHarness, expectOk, RESIDENT, SECRETARY, type EventsHarness } from './test-helpers'

let h: EventsHarness
beforeEach(async () => {
  h = await eventsHarness()
})
afterEach(async () => {
  await h.env.close()
})

const at = (iso: string) => h.env.clock.set(new Date(iso))
const later = (ms: number) => h.env.clock.set(new Date(h.env.clock.now().getTime() + ms))

/** No seat lost or given twice, no gap in the line, every registration agreeing with the book. */
async function expectConsistent(eventId: string): Promise<void> {
  const book = await h.book(eventId)
  const regs = await h.env.docs<RegistrationDoc>(E.registrations, { eventId })
  const seatsOf = new Map(regs.map((r) => [entryOf(r._id), r.seats]))
  const held = book.holders.reduce((n, id) => n + (seatsOf.get(id) ?? 0), 0)
  expect(book.free + book.reservedFree + held).toBe(book.capacity)
  expect(new Set([...book.holders, ...book.waitlist]).size).toBe(book.holders.length + book.waitlist.length)
  expect(book.waitingCount).toBe(book.waitlist.length)
  for (const r of regs)
    expect([r._id, reconcileRegistration(r.status, placementIn(book, r._id), false).kind]).toEqual([r._id, 'none'])
  if (book.waitlist.length > 0) expect(book.free).toBeLessThan(seatsOf.get(book.waitlist[0]!) ?? 1)
}

async function full(capacity: number, waiting: number): Promise<{ id: string; people: string[] }> {
  const id = await h.published({ capacity })
  const people = await h.residents(capacity + waiting)
  for (const p of people) expectOk(await h.signUp(p, id))
  return { id, people }
}

const status = async (id: string, openid: string) => expectOk(await h.as(openid, 'get', { eventId: id })).myRegistration

describe('events waitlist', () => {
  it('should offer a freed seat to the first in line, pass it on when unanswered, and confirm on acceptance', async () => {
    const { id, people } = await full(2, 3)
    const [a, , w1, w2, w3] = people
    expectOk(await h.as(a!, 'cancel', { eventId: id }))
    expect(await status(id, w1!)).toEqual({
      status: 'offered',
      offerExpiresAt: '2026-11-30T14:00:00.000Z',
      guests: 0,
      cancelReason: null,
    })
    expect(await status(id, w2!)).toMatchObject({ status: 'waiting', waitPosition: 1 })
    expect(await status(id, w3!)).toMatchObject({ status: 'waiting', waitPosition: 2 })
    expect((await h.notices()).slice(-2)).toEqual([
      [a, '已取消报名'],
      [w1, '候补到名额，请确认'],
    ])
    const outbox = await h.env.docs<{ body: string }>('outbox', { _id: `event:${id}:${regIdFor(id, w1!)}:r1:offered` })
    expect(outbox[0]!.body).toBe(
      '「板凳会：楼院停车怎么管」有名额了！请在 22:00 前打开小程序确认，逾期名额将让给下一位。\n时间：12月5日（周六）14:30–16:00；地点：社区活动室（东县门街12号）',
    )

    at('2026-11-30T14:00:00.000Z')
    await h.sweep()
    expect(await status(id, w1!)).toMatchObject({ status: 'cancelled', cancelReason: 'offer_expired' })
    expect(await status(id, w2!)).toMatchObject({ status: 'offered', offerExpiresAt: '2026-12-01T02:00:00.000Z' })
    expect(await status(id, w3!)).toMatchObject({ status: 'waiting', waitPosition: 1 })
    expect(errorOf(await h.as(w1!, 'acceptOffer', { eventId: id })).code).toBe('CONFLICT')

    expect(expectOk(await h.as(w2!, 'acceptOffer', { eventId: id })).registration).toMatchObject({
      status: 'confirmed',
    })
    expect((await h.notices()).slice(-3)).toEqual([
      [w1, '候补名额已失效'],
      [w2, '候补到名额，请确认'],
      [w2, '候补成功'],
    ])
    await expectConsistent(id)
  })

  it('should confirm directly inside the last two hours and close the line at the start', async () => {
    const { id, people } = await full(1, 2)
    at('2026-12-05T05:00:00.000Z') // 13:00, 1.5 h before the start
    expectOk(await h.as(people[0]!, 'cancel', { eventId: id }))
    expect(await status(id, people[1]!)).toMatchObject({ status: 'confirmed' })
    at('2026-12-05T06:30:00.000Z')
    await h.sweep()
    expect(await status(id, people[2]!)).toMatchObject({ status: 'cancelled', cancelReason: 'no_place' })
    expect((await h.notices()).slice(-1)).toEqual([[people[2], '未能候补上']])
    expect((await h.book(id)).waitlist).toEqual([])
  })

  it('should keep strict order: a head needing more seats than free blocks later people', async () => {
    const id = await h.published({ capacity: 2, guestsMax: 1 })
    const [a, b, c, d] = await h.residents(4)
    expectOk(await h.signUp(a!, id))
    expectOk(await h.signUp(b!, id))
    expectOk(await h.signUp(c!, id, { guests: 1 }))
    expectOk(await h.signUp(d!, id))
    expectOk(await h.as(a!, 'cancel', { eventId: id }))
    expect(await status(id, c!)).toMatchObject({ status: 'waiting', waitPosition: 1 })
    expect(await status(id, d!)).toMatchObject({ status: 'waiting', waitPosition: 2 })
    expectOk(await h.as(b!, 'cancel', { eventId: id }))
    expect(await status(id, c!)).toMatchObject({ status: 'offered' })
    await expectConsistent(id)
  })

  it('should pass over a head whose cancellation stopped before the book, and offer the next in line', async () => {
    const { id, people } = await full(2, 2)
    const [a, , w1, w2] = people
    const cancelled = () => ({ patch: { status: 'cancelled' as const, cancelReason: 'self' as const } })
    await transitionReg(h.env.rt.db, regIdFor(id, w1!), ['waiting'], cancelled, h.env.clock.now())
    expectOk(await h.as(a!, 'cancel', { eventId: id }))
    expect(await status(id, w2!)).toMatchObject({ status: 'offered' })
    expect((await h.book(id)).waitlist).toEqual([])
    await expectConsistent(id)
  })

  it.each([
    ['after the cancellation, before the seat went back', 'cancelled'],
    ['after the seat went back, before the offer', 'released'],
    ['after the book moved the head, before the offer was written', 'seated'],
    ['after the book took the acceptance, before the registration', 'accepted'],
    ['after a sign-up was written, before the book', 'unplaced'],
  ])('should finish a promotion that crashed %s, with nothing lost or given twice', async (_when, step) => {
    const { id, people } = await full(2, 2)
    const [a, , w1, w2] = people
    const db = h.env.rt.db
    const now = h.env.clock.now()
    const regA = regIdFor(id, a!)
    if (step === 'accepted') {
      expectOk(await h.as(a!, 'cancel', { eventId: id }))
      await acceptInBook(db, id, regIdFor(id, w1!), now)
    } else if (step === 'unplaced') {
      const late = (await h.residents(1, 'late'))[0]!
      const reg = { ...(await h.reg(id, w2!)), _id: regIdFor(id, late), openid: late, status: 'new', history: [] }
      const { _id, ...rest } = reg
      await db.collection(E.registrations).doc(_id).set(rest)
    } else {
      await markDirty(db, id, now)
      await transitionReg(
        db,
        regA,
        ['confirmed'],
        () => ({ patch: { status: 'cancelled', cancelReason: 'self' } }),
        now,
      )
      if (step !== 'cancelled') {
        await releaseFromBook(db, id, regA, 1, now)
      }
      if (step === 'seated') await seatHead(db, id, regIdFor(id, w1!), 1, true, now)
    }
    // The sweep leaves a recently changed book alone for 30 s; the repair itself changes it.
    later(31_000)
    await h.sweep()
    later(31_000)
    await h.sweep()
    await expectConsistent(id)
    const book = await h.book(id)
    expect(book.dirty).toBe(false)
    if (step === 'unplaced') {
      expect(book.waitlist).toHaveLength(3)
    } else {
      expect(book.holders).toHaveLength(2)
      expect(book.holders).not.toContain(entryOf(regA))
      expect((await h.reg(id, w1!)).status).toBe(step === 'accepted' ? 'confirmed' : 'offered')
      expect((await h.reg(id, w2!)).status).toBe('waiting')
    }
    const keys = (await h.env.docs<{ _id: string }>('outbox')).map((d) => d._id)
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('releaseFromBook', () => {
  it('should give a held seat back to the pool it came from, reserved or general, and change nothing twice', async () => {
    const id = await h.published({ capacity: 3, reservedSeats: 1 })
    const proxy = { eventId: id, clientRequestId: 'proxy-rel-1', name: '孙大爷', phone: '13800001111' }
    expectOk(await h.as(SECRETARY, 'proxySignUp', proxy))
    expectOk(await h.signUp(RESIDENT, id))
    const now = h.env.clock.now()
    const before = await h.book(id)
    expect([before.free, before.reservedFree]).toEqual([1, 0])
    await releaseFromBook(h.env.rt.db, id, proxyRegId(id, proxy.phone), 1, now, true)
    expect(await h.book(id)).toMatchObject({ free: 1, reservedFree: 1, reservedHolders: [] })
    await releaseFromBook(h.env.rt.db, id, regIdFor(id, RESIDENT), 1, now, true)
    await releaseFromBook(h.env.rt.db, id, regIdFor(id, RESIDENT), 1, now, true)
    expect(await h.book(id)).toMatchObject({ free: 2, reservedFree: 1, holders: [] })
  })
})

describe('events changes and notices', () => {
  it('should tell confirmed, offered and waiting people of a new time with old and new, and move the reminders', async () => {
    const { id, people } = await full(1, 2)
    expectOk(await h.as(people[0]!, 'cancel', { eventId: id }))
    const res = expectOk(
      await h.as(SECRETARY, 'update', {
        eventId: id,
        draft: draft({ capacity: 1, date: '2026-12-06', startTime: '09:00', endTime: '10:30' }),
      }),
    )
    expect(res.notified).toBe(2)
    const change = await h.env.docs<{ openid: string; body: string }>('outbox', { title: '活动时间地点有变' })
    expect(change.map((c) => c.openid).sort()).toEqual([people[1], people[2]].sort())
    expect(change[0]!.body).toContain('原：时间：12月5日（周六）14:30–16:00')
    expect(change[0]!.body).toContain('现：时间：12月6日（周日）09:00–10:30')
    // past the deadline, a change lets them cancel anyway
    at('2026-12-06T00:30:00.000Z')
    expect(expectOk(await h.as(people[2]!, 'cancel', { eventId: id })).registration.status).toBe('cancelled')
  })

  it('should send each reminder once to confirmed people only, and again after a change of time', async () => {
    const { id, people } = await full(1, 1)
    at('2026-12-04T06:30:00.000Z')
    await h.sweep()
    await h.sweep()
    expect((await h.notices()).filter(([, t]) => t === '活动提醒')).toEqual([[people[0], '活动提醒']])
    at('2026-12-05T04:30:00.000Z')
    await h.sweep()
    expect((await h.notices()).filter(([, t]) => t === '活动提醒')).toHaveLength(2)
    expectOk(
      await h.as(SECRETARY, 'update', {
        eventId: id,
        draft: draft({ capacity: 1, startTime: '15:00', endTime: '16:30' }),
      }),
    )
    await h.sweep()
    expect((await h.notices()).filter(([, t]) => t === '活动提醒')).toHaveLength(3)
    const reminder = (await h.env.docs<{ body: string }>('outbox', { title: '活动提醒' }))[2]!
    expect(reminder.body).toContain('时间：12月5日（周六）15:00–16:30；地点：社区活动室')
  })

  it('should tell everyone signed up when the event is cancelled, and nobody before publication', async () => {
    const { id, people } = await full(1, 1)
    const res = expectOk(await h.as(SECRETARY, 'cancelEvent', { eventId: id, reason: '场地维修' }))
    expect(res).toMatchObject({ status: 'cancelled', notified: 2 })
    expect(
      (await h.notices())
        .filter(([, t]) => t === '活动已取消')
        .map(([o]) => o)
        .sort(),
    ).toEqual([...people].sort())
    expect(await status(id, people[1]!)).toMatchObject({ status: 'cancelled', cancelReason: 'event_cancelled' })
    expect(errorOf(await h.as(RESIDENT, 'cancelEvent', { eventId: id, reason: '不想办' })).code).toBe('FORBIDDEN')
    expect(errorOf(await h.as(SECRETARY, 'cancelEvent', { eventId: id, reason: '' })).code).toBe('BAD_REQUEST')

    const before = (await h.notices()).length
    const { id: draftId } = expectOk(await h.as(SECRETARY, 'create', draft()))
    expectOk(await h.as(SECRETARY, 'update', { eventId: draftId, draft: draft({ date: '2026-12-07' }) }))
    expectOk(await h.as(SECRETARY, 'cancelEvent', { eventId: draftId, reason: '不办了' }))
    expect(await h.notices()).toHaveLength(before)
  })
})

describe('events.createSeries', () => {
  it('should create one event per week across a month end, each with its own sign-up', async () => {
    const res = expectOk(
      await h.as(SECRETARY, 'createSeries', {
        ...draft(),
        title: '周一课堂',
        kind: 'monday_class',
        rule: { kind: 'weekly', weekday: 1 },
        from: '2026-12-14',
        count: 4,
        opensDaysBefore: 7,
        publishNow: true,
      }),
    )
    expect(res.items.map((e: { startAt: string }) => e.startAt)).toEqual([
      '2026-12-14T06:30:00.000Z',
      '2026-12-21T06:30:00.000Z',
      '2026-12-28T06:30:00.000Z',
      '2027-01-04T06:30:00.000Z',
    ])
    expect(res.items[0].signUp).toMatchObject({ opensAt: '2026-12-07T06:30:00.000Z', state: 'not_open' })
    at('2026-12-08T00:00:00.000Z')
    const [first, second] = res.items.map((e: { id: string }) => e.id)
    expect(expectOk(await h.signUp(RESIDENT, first)).registration.status).toBe('confirmed')
    expect(errorOf(await h.signUp(RESIDENT, second)).code).toBe('CONFLICT')
    // skip one occurrence (本期暂停); the series stays one series
    expectOk(await h.as(SECRETARY, 'skip', { eventId: second }))
    expect(new Set((await h.env.docs<{ seriesId: string }>(E.events)).map((e) => e.seriesId)).size).toBe(1)
  })

  it('should place a monthly series on its day and refuse a day past the 28th', async () => {
    const base = { ...draft(), rule: { kind: 'monthly', day: 28 }, from: '2026-12-01', count: 3 }
    const res = expectOk(await h.as(SECRETARY, 'createSeries', base))
    expect(res.items.map((e: { startAt: string }) => e.startAt.slice(0, 10))).toEqual([
      '2026-12-28',
      '2027-01-28',
      '2027-02-28',
    ])
    const bad = await h.as(SECRETARY, 'createSeries', { ...base, rule: { kind: 'monthly', day: 30 } })
    expect(errorOf(bad).code).toBe('BAD_REQUEST')
    expect(errorOf(await h.as(RESIDENT, 'createSeries', base)).code).toBe('FORBIDDEN')
    expect(errorOf(await h.as(SECRETARY, 'createSeries', { ...base, unitId: 'c-xiamaling' })).code).toBe('FORBIDDEN')
  })
})
