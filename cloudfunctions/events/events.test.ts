import { COLLECTIONS } from '../core/collections'
import { entryOf } from './book'
import { EVENT_COLLECTIONS as E } from './collections'
import { regIdFor } from './registrations'
import {
  COMMUNITY,
  draft,
  errorOf,
  eventsHarness,
  expectOk,
  OTHER_COMMUNITY,
  RESIDENT,
  RESIDENT_2,
  SECRETARY,
  STREET,
  STREET_STAFF,
  VOLUNTEER,
  type EventsHarness,
} from './test-helpers'

let h: EventsHarness
beforeEach(async () => {
  h = await eventsHarness()
})
afterEach(async () => {
  await h.env.close()
})

async function nothingWritten(): Promise<void> {
  expect(await h.env.docs(E.events)).toEqual([])
  expect(await h.env.docs(E.books)).toEqual([])
}

describe('events.create', () => {
  it('should create a draft that nobody but the organisers sees', async () => {
    const event = expectOk(await h.as(SECRETARY, 'create', draft()))
    expect(event).toMatchObject({
      status: 'draft',
      canManage: true,
      seats: { capacity: 2, left: 2, full: false },
      startAt: '2026-12-05T06:30:00.000Z',
    })
    expect(errorOf(await h.as(RESIDENT, 'get', { eventId: event.id })).code).toBe('NOT_FOUND')
    expect(expectOk(await h.as(RESIDENT, 'list')).items).toEqual([])
  })

  it.each([
    ['end before start', { startTime: '16:00', endTime: '14:30' }, '结束时间应晚于开始时间'],
    [
      'windows out of order',
      { signUpOpensAt: '2026-12-03 10:00', signUpClosesAt: '2026-12-02 10:00' },
      '报名截止时间应晚于报名开始时间',
    ],
    ['sign-up closing after the start', { signUpClosesAt: '2026-12-05 15:00' }, '报名截止不能晚于活动开始'],
    ['2月30日', { date: '2027-02-30' }, '没有这一天，请检查日期'],
    ['capacity below zero', { capacity: -1 }, '名额不能小于 0'],
    ['more reserved than seats', { capacity: 2, reservedSeats: 3 }, '预留名额不能多于总名额'],
    ['a date in the past', { date: '2026-11-29' }, '活动开始时间已过，请改一个以后的时间'],
    [
      'a grid of another community',
      { audience: { kind: 'places', placeIds: ['g-xiamaling-1'] } },
      '所选网格、小区或楼栋不属于主办单位',
    ],
  ])('should refuse %s with BAD_REQUEST in Chinese and write nothing', async (_what, over, message) => {
    const res = await h.as(SECRETARY, 'create', draft(over as never))
    expect(errorOf(res).code).toBe('BAD_REQUEST')
    expect(JSON.stringify(res)).toContain(message)
    await nothingWritten()
  })

  it('should refuse a resident', async () => {
    expect(errorOf(await h.as(RESIDENT, 'create', draft())).code).toBe('FORBIDDEN')
    await nothingWritten()
  })

  it('should refuse a secretary at another community', async () => {
    expect(errorOf(await h.as(SECRETARY, 'create', draft({ unitId: OTHER_COMMUNITY }))).code).toBe('FORBIDDEN')
    await nothingWritten()
  })

  it('should let street staff create a street event and refuse a grid as organiser', async () => {
    expect(expectOk(await h.as(STREET_STAFF, 'create', draft({ unitId: STREET }))).unitName).toBe('柏树林街道')
    expect(errorOf(await h.as(STREET_STAFF, 'create', draft({ unitId: 'g-dongxianmen-1' }))).code).toBe('BAD_REQUEST')
  })
})

describe('events.publish', () => {
  it('should publish now so residents of the community see it with its seats', async () => {
    const id = await h.published()
    const list = expectOk(await h.as(RESIDENT, 'list'))
    expect(list.items).toEqual([
      expect.objectContaining({
        id,
        seats: { capacity: 2, left: 2, full: false },
        signUp: expect.objectContaining({ state: 'open' }),
        myRegistration: null,
      }),
    ])
  })

  it('should schedule a publication and publish it through the sweep', async () => {
    const { id } = expectOk(await h.as(SECRETARY, 'create', draft()))
    expect(expectOk(await h.as(SECRETARY, 'publish', { eventId: id, at: '2026-12-01 09:00' }))).toMatchObject({
      status: 'scheduled',
      publishAt: '2026-12-01T01:00:00.000Z',
    })
    await h.sweep()
    expect(expectOk(await h.as(RESIDENT, 'list')).items).toEqual([])
    h.env.clock.set(new Date('2026-12-01T01:00:00.000Z'))
    await h.sweep()
    expect(expectOk(await h.as(RESIDENT, 'list')).items.map((e: { id: string }) => e.id)).toEqual([id])
  })

  it('should refuse a publication time after the start', async () => {
    const { id } = expectOk(await h.as(SECRETARY, 'create', draft()))
    expect(errorOf(await h.as(SECRETARY, 'publish', { eventId: id, at: '2026-12-06 09:00' })).code).toBe('BAD_REQUEST')
    expect(errorOf(await h.as(SECRETARY, 'publish', { eventId: id, at: '2026-12-32 09:00' })).code).toBe('BAD_REQUEST')
  })

  it('should refuse a resident and a secretary of another community', async () => {
    const { id } = expectOk(await h.as(SECRETARY, 'create', draft()))
    expect(errorOf(await h.as(RESIDENT, 'publish', { eventId: id })).code).toBe('FORBIDDEN')
    await h.env.rt.db
      .collection(COLLECTIONS.roleAssignments)
      .doc('x:community_secretary:c-xiamaling')
      .set({ openid: 'sec-xml', role: 'community_secretary', unitId: OTHER_COMMUNITY, createdAt: '', grantedBy: null })
    expect(errorOf(await h.as('sec-xml', 'publish', { eventId: id })).code).toBe('FORBIDDEN')
  })
})

describe('events.list and get', () => {
  it('should show each audience only to the people in it', async () => {
    const all = await h.published({ title: '义诊', kind: 'clinic', audience: { kind: 'everyone', placeIds: [] } })
    const vols = await h.published({
      title: '志愿服务',
      kind: 'volunteer_service',
      audience: { kind: 'volunteers', placeIds: [] },
    })
    const party = await h.published({
      title: '主题党日',
      kind: 'party_lesson',
      audience: { kind: 'party_members', placeIds: [] },
    })
    const ids = async (openid: string) =>
      expectOk(await h.as(openid, 'list'))
        .items.map((e: { id: string }) => e.id)
        .sort()
    expect(await ids(RESIDENT)).toEqual([all].sort())
    expect(await ids(VOLUNTEER)).toEqual([all, vols].sort())
    // a verified 双报到 makes a party member (places issue)
    await h.env.rt.db.collection(COLLECTIONS.users).doc(RESIDENT_2).update({ partyMember: true })
    expect(await ids(RESIDENT_2)).toEqual([all, party].sort())
    expect(errorOf(await h.as(RESIDENT, 'get', { eventId: party })).code).toBe('NOT_FOUND')
    expect(expectOk(await h.as(RESIDENT_2, 'get', { eventId: party })).myRegistration).toBeNull()
  })

  it('should reach the residents of a 楼栋 or 小区 by their declared address', async () => {
    const building = await h.published({
      title: '3号楼楼院会',
      audience: { kind: 'places', placeIds: ['b-dongxianmen-1-1-3'] },
    })
    const estate = await h.published({
      title: '小区议事',
      audience: { kind: 'places', placeIds: ['e-dongxianmen-1-1'] },
    })
    const address = {
      communityId: COMMUNITY,
      gridId: 'g-dongxianmen-1',
      estateId: 'e-dongxianmen-1-1',
      buildingId: 'b-dongxianmen-1-1-1',
      unitIds: [],
      room: '',
      status: 'confirmed',
    }
    await h.env.rt.db
      .collection(COLLECTIONS.users)
      .doc(RESIDENT)
      .update({ address: h.env.rt.db.command.set(address) })
    expect(expectOk(await h.as(RESIDENT, 'list')).items.map((e: { id: string }) => e.id)).toEqual([estate])
    expect(expectOk(await h.as(RESIDENT_2, 'list')).items).toEqual([])
    expect(errorOf(await h.signUp(RESIDENT, building)).code).toBe('FORBIDDEN')
  })

  it('should filter by kind and by date', async () => {
    const clinic = await h.published({ kind: 'clinic', date: '2026-12-10' })
    await h.published({ kind: 'bench_meeting', date: '2026-12-05' })
    expect(expectOk(await h.as(RESIDENT, 'list', { kind: 'clinic' })).items.map((e: { id: string }) => e.id)).toEqual([
      clinic,
    ])
    expect(
      expectOk(await h.as(RESIDENT, 'list', { from: '2026-12-06', to: '2026-12-10' })).items.map(
        (e: { id: string }) => e.id,
      ),
    ).toEqual([clinic])
    expect(errorOf(await h.as(RESIDENT, 'list', { from: '2026-02-30' })).code).toBe('BAD_REQUEST')
  })

  it('should give the organiser the draft fields and nobody else', async () => {
    const id = await h.published()
    expect(expectOk(await h.as(SECRETARY, 'get', { eventId: id })).draft).toMatchObject({
      date: '2026-12-05',
      startTime: '14:30',
    })
    expect(expectOk(await h.as(RESIDENT, 'get', { eventId: id })).draft).toBeNull()
    expect(errorOf(await h.as(RESIDENT, 'get', { eventId: '' })).code).toBe('BAD_REQUEST')
    expect(errorOf(await h.env.call(null, 'events', { action: 'get', eventId: id })).code).toBe('UNAUTHORIZED')
  })
})

describe('events.signUp', () => {
  it('should confirm exactly to capacity, then waitlist in order with positions', async () => {
    const id = await h.published()
    const [a, b, c, d] = await h.residents(4)
    expect(expectOk(await h.signUp(a!, id)).registration).toEqual({
      status: 'confirmed',
      guests: 0,
      cancelReason: null,
    })
    expect(expectOk(await h.signUp(b!, id)).registration.status).toBe('confirmed')
    expect(expectOk(await h.signUp(c!, id)).registration).toMatchObject({ status: 'waiting', waitPosition: 1 })
    expect(expectOk(await h.signUp(d!, id)).registration).toMatchObject({ status: 'waiting', waitPosition: 2 })
    expect(expectOk(await h.as(d!, 'get', { eventId: id }))).toMatchObject({
      seats: { left: 0, full: true },
      myRegistration: { status: 'waiting', waitPosition: 2 },
    })
    expect(await h.notices()).toEqual([
      [a, '报名成功'],
      [b, '报名成功'],
      [c, '已加入候补'],
      [d, '已加入候补'],
    ])
  })

  it('should answer a double tap and a retry with the one registration', async () => {
    const id = await h.published()
    const event = { eventId: id, clientRequestId: 'same-request-1' }
    const [first, second] = await Promise.all([h.as(RESIDENT, 'signUp', event), h.as(RESIDENT, 'signUp', event)])
    expect([expectOk(first).created, expectOk(second).created].sort()).toEqual([false, true])
    expect(expectOk(await h.as(RESIDENT, 'signUp', { ...event, clientRequestId: 'other-request' })).created).toBe(false)
    expect(await h.env.docs(E.registrations)).toHaveLength(1)
    expect((await h.book(id)).holders).toEqual([entryOf(regIdFor(id, RESIDENT))])
  })

  it.each([
    ['an answer too long', { answers: [{ questionId: 'need', value: '长'.repeat(201) }] }, '回答最多200个字'],
    ['a missing required answer', { answers: [] }, '请填写：需要量血压吗'],
    ['a choice not offered', { answers: [{ questionId: 'need', value: '也许' }] }, '请从选项中选择：需要量血压吗'],
    ['too many guests', { guests: 2, answers: [{ questionId: 'need', value: '需要' }] }, '最多带 1 人同行'],
    ['negative guests', { guests: -1 }, '随行人数不能小于 0'],
  ])('should refuse %s and write nothing', async (_what, extra, message) => {
    const id = await h.published({
      guestsMax: 1,
      questions: [
        {
          id: 'need',
          kind: 'choice',
          label: '需要量血压吗',
          required: true,
          options: ['需要', '不需要'],
          sensitive: false,
        },
      ],
    })
    const res = await h.signUp(RESIDENT, id, extra)
    expect(errorOf(res).code).toBe('BAD_REQUEST')
    expect(JSON.stringify(res)).toContain(message)
    expect(await h.env.docs(E.registrations)).toEqual([])
  })

  it('should count guests as seats', async () => {
    const id = await h.published({ capacity: 3, guestsMax: 2 })
    expect(expectOk(await h.signUp(RESIDENT, id, { guests: 2 })).registration).toMatchObject({
      status: 'confirmed',
      guests: 2,
    })
    expect(expectOk(await h.signUp(RESIDENT_2, id, { guests: 1 })).registration.status).toBe('waiting')
    expect((await h.book(id)).free).toBe(0)
  })

  it('should refuse before it opens, after it closes and once started', async () => {
    const id = await h.published({ signUpOpensAt: '2026-12-01 09:00', signUpClosesAt: '2026-12-04 18:00' })
    expect(errorOf(await h.signUp(RESIDENT, id)).message).toBe('报名还没开始，12月1日（周二）09:00开始报名')
    h.env.clock.set(new Date('2026-12-04T10:00:00.000Z'))
    expect(errorOf(await h.signUp(RESIDENT, id)).message).toBe('报名已截止')
    h.env.clock.set(new Date('2026-12-05T07:00:00.000Z'))
    expect(errorOf(await h.signUp(RESIDENT, id)).message).toBe('活动已经开始，不能再报名了')
    expect(await h.env.docs(E.registrations)).toEqual([])
  })

  it('should refuse someone outside the audience and an unpublished event', async () => {
    const id = await h.published({ audience: { kind: 'volunteers', placeIds: [] } })
    expect(errorOf(await h.signUp(RESIDENT, id)).code).toBe('FORBIDDEN')
    const draftOnly = expectOk(await h.as(SECRETARY, 'create', draft()))
    expect(errorOf(await h.signUp(RESIDENT, draftOnly.id)).code).toBe('NOT_FOUND')
  })

  it('should hold a seat while approval is pending and free it on rejection', async () => {
    const id = await h.published({ capacity: 1, approvalRequired: true })
    expect(expectOk(await h.signUp(RESIDENT, id)).registration.status).toBe('pending')
    expect(expectOk(await h.signUp(RESIDENT_2, id)).registration.status).toBe('waiting')
    const roster = expectOk(await h.as(SECRETARY, 'roster', { eventId: id, status: 'pending' }))
    const registrationId: string = roster.items[0].id
    expect(errorOf(await h.as(RESIDENT, 'decide', { eventId: id, registrationId, approve: true })).code).toBe(
      'FORBIDDEN',
    )
    expect(expectOk(await h.as(SECRETARY, 'decide', { eventId: id, registrationId, approve: false })).status).toBe(
      'rejected',
    )
    expect(expectOk(await h.as(RESIDENT_2, 'get', { eventId: id })).myRegistration).toMatchObject({ status: 'offered' })
    expect(errorOf(await h.as(SECRETARY, 'decide', { eventId: id, registrationId, approve: true })).code).toBe(
      'CONFLICT',
    )
  })
})

describe('events.cancel', () => {
  it('should cancel until the deadline and then say to call the community', async () => {
    const id = await h.published({ cancelDeadline: '2026-12-04 18:00' })
    expectOk(await h.signUp(RESIDENT, id))
    expect(expectOk(await h.as(RESIDENT, 'cancel', { eventId: id })).registration).toMatchObject({
      status: 'cancelled',
      cancelReason: 'self',
    })
    expect(expectOk(await h.signUp(RESIDENT, id)).registration.status).toBe('confirmed')
    h.env.clock.set(new Date('2026-12-04T11:00:00.000Z'))
    expect(errorOf(await h.as(RESIDENT, 'cancel', { eventId: id })).message).toBe(
      '已过取消截止时间，如需取消请联系社区（02987654321）',
    )
    expect((await h.reg(id, RESIDENT)).history.map((x) => x.status)).toEqual([
      'new',
      'confirmed',
      'cancelled',
      'new',
      'confirmed',
    ])
  })

  it('should refuse cancelling what one does not have', async () => {
    const id = await h.published()
    expect(errorOf(await h.as(RESIDENT, 'cancel', { eventId: id })).code).toBe('CONFLICT')
    expect(errorOf(await h.as(RESIDENT, 'cancel', {})).code).toBe('BAD_REQUEST')
  })
})

describe('events.mine', () => {
  it('should list my upcoming events with my status and keep past ones apart', async () => {
    const id = await h.published()
    const later = await h.published({ date: '2026-12-12' })
    expectOk(await h.signUp(RESIDENT, id))
    expectOk(await h.signUp(RESIDENT, later))
    expect(
      expectOk(await h.as(RESIDENT, 'mine')).items.map((e: { id: string; myRegistration: { status: string } }) => [
        e.id,
        e.myRegistration.status,
      ]),
    ).toEqual([
      [id, 'confirmed'],
      [later, 'confirmed'],
    ])
    h.env.clock.set(new Date('2026-12-06T00:00:00.000Z'))
    expect(expectOk(await h.as(RESIDENT, 'mine', { past: true })).items.map((e: { id: string }) => e.id)).toEqual([id])
    expect(errorOf(await h.as(RESIDENT, 'mine', { past: 'yes' })).code).toBe('BAD_REQUEST')
    expect(errorOf(await h.env.call(null, 'events', { action: 'mine' })).code).toBe('UNAUTHORIZED')
  })
})

describe('events.roster, proxySignUp and exportRoster', () => {
  it('should list by status with counts and the capacity alert, masking sensitive answers for staff who do not need them', async () => {
    const id = await h.published({
      capacity: 5,
      questions: [{ id: 'ill', kind: 'text', label: '慢性病情况', required: false, options: [], sensitive: true }],
    })
    const people = await h.residents(5)
    for (const p of people.slice(0, 4))
      expectOk(await h.signUp(p, id, { answers: [{ questionId: 'ill', value: '高血压' }] }))
    const roster = expectOk(await h.as(SECRETARY, 'roster', { eventId: id }))
    expect(roster).toMatchObject({
      counts: { confirmed: 4, waiting: 0 },
      seatsTaken: 4,
      capacity: 5,
      alert: 'almost_full',
    })
    expect(roster.items[0].answers).toEqual([{ questionId: 'ill', label: '慢性病情况', value: '高血压' }])
    await h.env.rt.db
      .collection(COLLECTIONS.roleAssignments)
      .doc('staff-1:community_staff:c')
      .set({ openid: 'staff-1', role: 'community_staff', unitId: COMMUNITY, createdAt: '', grantedBy: null })
    expect(expectOk(await h.as('staff-1', 'roster', { eventId: id })).items[0].answers[0].value).toBe('***')
    expectOk(await h.signUp(people[4]!, id))
    expect(expectOk(await h.as(SECRETARY, 'roster', { eventId: id, status: 'confirmed' })).alert).toBe('full')
    expect(errorOf(await h.as(RESIDENT, 'roster', { eventId: id })).code).toBe('FORBIDDEN')
    expect(errorOf(await h.as(SECRETARY, 'roster', { eventId: id, status: 'gone' })).code).toBe('BAD_REQUEST')
  })

  it('should sign up a resident without WeChat into a reserved seat, and catch a second one by phone', async () => {
    const id = await h.published({ capacity: 2, reservedSeats: 1 })
    const proxy = { eventId: id, clientRequestId: 'proxy-req-1', name: '孙大爷', phone: '13800001111' }
    expect(expectOk(await h.as(SECRETARY, 'proxySignUp', proxy)).registration.status).toBe('confirmed')
    expect(
      errorOf(await h.as(SECRETARY, 'proxySignUp', { ...proxy, clientRequestId: 'proxy-req-2', name: '孙大爷2' })).code,
    ).toBe('CONFLICT')
    expect(errorOf(await h.as(SECRETARY, 'proxySignUp', { ...proxy, phone: '12345' })).code).toBe('BAD_REQUEST')
    expect(errorOf(await h.as(RESIDENT, 'proxySignUp', proxy)).code).toBe('FORBIDDEN')
    // the online seat is still there for residents
    expect(expectOk(await h.signUp(RESIDENT, id)).registration.status).toBe('confirmed')
    expect(expectOk(await h.signUp(RESIDENT_2, id)).registration.status).toBe('waiting')
    expect(
      expectOk(await h.as(SECRETARY, 'roster', { eventId: id })).items.find((r: { proxy: boolean }) => r.proxy),
    ).toMatchObject({ name: '孙大爷', phone: '13800001111', status: 'confirmed' })
  })

  it('should export the roster as an Excel file', async () => {
    const id = await h.published()
    expectOk(await h.signUp(RESIDENT, id))
    const file = expectOk(await h.as(SECRETARY, 'exportRoster', { eventId: id }))
    expect(file).toMatchObject({ fileName: '板凳会：楼院停车怎么管报名名单2026-12-05.xlsx', rowCount: 1 })
    expect(errorOf(await h.as(RESIDENT, 'exportRoster', { eventId: id })).code).toBe('FORBIDDEN')
    expect(errorOf(await h.as(SECRETARY, 'exportRoster', { eventId: 'nope' })).code).toBe('NOT_FOUND')
  })
})

describe('events.update, copy and manage', () => {
  it('should refuse lowering the capacity below the seats taken, and allow raising it', async () => {
    const id = await h.published({ capacity: 2 })
    const [a, b, c] = await h.residents(3)
    for (const p of [a, b, c]) expectOk(await h.signUp(p!, id))
    const res = await h.as(SECRETARY, 'update', { eventId: id, draft: draft({ capacity: 1 }) })
    expect(errorOf(res)).toMatchObject({
      code: 'BAD_REQUEST',
      message: '已有 2 个名额被占用（含待确认、待审核），名额不能少于 2',
    })
    expect((await h.book(id)).capacity).toBe(2)
    expectOk(await h.as(SECRETARY, 'update', { eventId: id, draft: draft({ capacity: 3 }) }))
    expect(expectOk(await h.as(c!, 'get', { eventId: id })).myRegistration.status).toBe('offered')
  })

  it('should store an edit as the whole event: a place without its point, an ended event moved on open again', async () => {
    const id = await h.published()
    h.env.clock.set('2026-12-06T00:00:00.000Z')
    await h.sweep()
    const stored = async () => (await h.env.docs(E.events)).find((e) => e._id === id)
    expect((await stored())?.attendanceClosedAt).toBe('2026-12-06T00:00:00.000Z')
    const place = { name: '社区广场', address: '东县门街12号', location: null }
    expectOk(await h.as(SECRETARY, 'update', { eventId: id, draft: draft({ date: '2026-12-12', place }) }))
    expect(await stored()).toMatchObject({ place, startAt: '2026-12-12T06:30:00.000Z', version: 3 })
    expect(await stored()).not.toHaveProperty('attendanceClosedAt')
  })

  it('should refuse an update by a resident and a change of organiser', async () => {
    const id = await h.published()
    expect(errorOf(await h.as(RESIDENT, 'update', { eventId: id, draft: draft() })).code).toBe('FORBIDDEN')
    expect(
      errorOf(await h.as(SECRETARY, 'update', { eventId: id, draft: draft({ unitId: OTHER_COMMUNITY }) })).code,
    ).toBe('BAD_REQUEST')
  })

  it('should copy an event as a new draft and list it in the organiser box', async () => {
    const id = await h.published()
    const copy = expectOk(await h.as(SECRETARY, 'copy', { eventId: id }))
    expect(copy).toMatchObject({ status: 'draft', title: '板凳会：楼院停车怎么管' })
    expect(
      expectOk(await h.as(SECRETARY, 'manage', { unitId: COMMUNITY, box: 'drafts' })).items.map(
        (e: { id: string }) => e.id,
      ),
    ).toEqual([copy.id])
    expect(
      expectOk(await h.as(STREET_STAFF, 'manage', { unitId: STREET })).items.map((e: { id: string }) => e.id),
    ).toEqual([id])
    expect(errorOf(await h.as(SECRETARY, 'manage', { unitId: OTHER_COMMUNITY })).code).toBe('FORBIDDEN')
    expect(errorOf(await h.as(RESIDENT, 'copy', { eventId: id })).code).toBe('FORBIDDEN')
    expect(errorOf(await h.as(SECRETARY, 'manage', { unitId: COMMUNITY, box: 'all' })).code).toBe('BAD_REQUEST')
  })
})
