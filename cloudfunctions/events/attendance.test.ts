import type { Attendance, ServiceRecord } from '../../types/events-attendance'
import { WISH_COLLECTIONS as W, type LedgerDoc } from '../wishes/collections'
import { closeAttendance } from './attendance'
import { ATTENDANCE_COLLECTIONS as A, type AttendanceDoc } from './attendance-collections'
import { loadEvent } from './registrations'
import { settleAttendee } from './service-hours'
import {
  errorOf,
  eventsHarness,
  expectOk,
  RESIDENT,
  RESIDENT_2,
  SECRETARY,
  VOLUNTEER,
  type EventsHarness,
} from './test-helpers'

/*
 * After the event (issue 12): absences, service hours in the wish wall's ledger, check-out,
 * reversal, 志愿服务记录. The event runs 2026-12-05 14:30–16:00 Shanghai (06:30–08:00 UTC).
 */

const DURING = '2026-12-05T06:40:00.000Z'
const ENDED = '2026-12-05T08:01:00.000Z'

let h: EventsHarness
beforeEach(async () => {
  h = await eventsHarness()
})
afterEach(async () => {
  await h.env.close()
})

/** A 志愿服务 event RESIDENT and RESIDENT_2 are confirmed for; RESIDENT is checked in by code. */
async function serviceEventWithOneCheckIn(kind = 'volunteer_service'): Promise<string> {
  const id = await h.published({ capacity: 10, kind: kind as never, title: '志愿服务：清扫楼院' })
  expectOk(await h.signUp(RESIDENT, id))
  expectOk(await h.signUp(RESIDENT_2, id))
  const { code } = expectOk(await h.as<{ code: string }>(RESIDENT, 'myCode', { eventId: id }))
  h.env.clock.set(DURING)
  expectOk(await h.as(SECRETARY, 'checkIn', { eventId: id, code }))
  return id
}

const ledger = (openid: string) => h.env.docs<LedgerDoc>(W.ledger, { openid })
const titles = async (openid: string) => (await h.notices()).filter(([o]) => o === openid).map(([, t]) => t)

describe('events attendance sweep', () => {
  it('should mark confirmed no-shows absent and credit the scheduled hours once, with messages', async () => {
    const id = await serviceEventWithOneCheckIn()
    h.env.clock.set(ENDED)
    await h.sweep()
    await h.sweep()
    expect(await ledger(RESIDENT)).toEqual([
      expect.objectContaining({ source: 'event', sourceId: id, hours: 1.5, title: '活动：志愿服务：清扫楼院' }),
    ])
    expect(await ledger(RESIDENT_2)).toEqual([])
    const list = expectOk(await h.as<Attendance>(SECRETARY, 'attendance', { eventId: id }))
    expect(list.counts).toMatchObject({ confirmed: 2, present: 1, absent: 1, rate: 0.5 })
    expect(list.closedAt).toBe(ENDED)
    expect(await titles(RESIDENT)).toEqual(expect.arrayContaining(['签到成功', '服务时长已记录']))
    expect((await titles(RESIDENT_2)).filter((t) => t === '活动缺席')).toHaveLength(1)
  })

  it('should credit exactly once when a sweep died after crediting some people', async () => {
    const id = await serviceEventWithOneCheckIn()
    h.env.clock.set(ENDED)
    const [doc] = await h.env.docs<AttendanceDoc>(A.attendance, { eventId: id })
    // The sweep got this far, then the process died before closing the event.
    await settleAttendee(h.env.rt.db, await loadEvent(h.env.rt.db, id), doc!._id, h.env.clock.now())
    await h.sweep()
    await closeAttendance(h.env.rt.db, await loadEvent(h.env.rt.db, id), h.env.clock.now())
    expect(await ledger(RESIDENT)).toHaveLength(1)
    expect((await titles(RESIDENT)).filter((t) => t === '服务时长已记录')).toHaveLength(1)
  })

  it('should credit no hours for an event that is not volunteer service', async () => {
    const id = await serviceEventWithOneCheckIn('bench_meeting')
    h.env.clock.set(ENDED)
    await h.sweep()
    expect(await ledger(RESIDENT)).toEqual([])
    expect(
      expectOk(await h.as<Attendance>(SECRETARY, 'attendance', { eventId: id })).items.find(
        (p) => p.status === 'present',
      )?.hours,
    ).toBeNull()
  })

  it('should turn an absence present when an offline scan syncs after the sweep, and credit it then', async () => {
    const id = await h.published({ capacity: 10, kind: 'volunteer_service' })
    expectOk(await h.signUp(RESIDENT, id))
    const { code } = expectOk(await h.as<{ code: string }>(RESIDENT, 'myCode', { eventId: id }))
    h.env.clock.set(ENDED)
    await h.sweep()
    const synced = expectOk(await h.as(SECRETARY, 'checkIn', { eventId: id, code, scannedAt: DURING }))
    expect(synced.attendee).toMatchObject({ status: 'present', checkedInAt: DURING, hours: 1.5 })
    expect(await ledger(RESIDENT)).toHaveLength(1)
  })
})

describe('events.checkOut', () => {
  it('should credit the real stay of a volunteer who checked out', async () => {
    const id = await serviceEventWithOneCheckIn()
    const person = expectOk(await h.as<Attendance>(SECRETARY, 'attendance', { eventId: id })).items.find(
      (p) => p.status === 'present',
    )!
    h.env.clock.set('2026-12-05T09:15:00.000Z')
    expect(expectOk(await h.as(SECRETARY, 'checkOut', { eventId: id, attendeeId: person.id })).checkOutAt).toBe(
      '2026-12-05T09:15:00.000Z',
    )
    await h.sweep()
    expect((await ledger(RESIDENT))[0]?.hours).toBe(2.5)
    expect(errorOf(await h.as(SECRETARY, 'checkOut', { eventId: id, attendeeId: person.id })).code).toBe('CONFLICT')
  })

  it('should refuse check-out at an event that is not volunteer service, for an unknown person, and for a resident', async () => {
    const id = await serviceEventWithOneCheckIn('bench_meeting')
    const person = expectOk(await h.as<Attendance>(SECRETARY, 'attendance', { eventId: id })).items.find(
      (p) => p.status === 'present',
    )!
    expect(errorOf(await h.as(SECRETARY, 'checkOut', { eventId: id, attendeeId: person.id })).code).toBe('BAD_REQUEST')
    expect(errorOf(await h.as(SECRETARY, 'checkOut', { eventId: id, attendeeId: 'nobody' })).code).toBe('NOT_FOUND')
    expect(errorOf(await h.as(RESIDENT, 'checkOut', { eventId: id, attendeeId: person.id })).code).toBe('FORBIDDEN')
  })
})

describe('events.reverseHours', () => {
  it('should take credited hours out of the ledger with a reason, tell the person, and only once', async () => {
    const id = await serviceEventWithOneCheckIn()
    h.env.clock.set(ENDED)
    await h.sweep()
    const person = expectOk(await h.as<Attendance>(SECRETARY, 'attendance', { eventId: id })).items.find(
      (p) => p.status === 'present',
    )!
    const reversed = expectOk(
      await h.as(SECRETARY, 'reverseHours', { eventId: id, attendeeId: person.id, reason: '签到后提前离开' }),
    )
    expect(reversed).toMatchObject({ hours: null, reversal: { reason: '签到后提前离开', at: ENDED } })
    expect(await ledger(RESIDENT)).toEqual([])
    expect(await titles(RESIDENT)).toContain('服务时长已撤销')
    expect(
      errorOf(await h.as(SECRETARY, 'reverseHours', { eventId: id, attendeeId: person.id, reason: '再撤一次' })).code,
    ).toBe('CONFLICT')
    await h.sweep()
    expect(await ledger(RESIDENT)).toEqual([])
  })

  it('should refuse reversal without a reason and by a resident', async () => {
    const id = await serviceEventWithOneCheckIn()
    h.env.clock.set(ENDED)
    await h.sweep()
    const person = expectOk(await h.as<Attendance>(SECRETARY, 'attendance', { eventId: id })).items.find(
      (p) => p.status === 'present',
    )!
    expect(
      errorOf(await h.as(SECRETARY, 'reverseHours', { eventId: id, attendeeId: person.id, reason: '' })).code,
    ).toBe('BAD_REQUEST')
    expect(
      errorOf(await h.as(VOLUNTEER, 'reverseHours', { eventId: id, attendeeId: person.id, reason: '提前离开' })).code,
    ).toBe('FORBIDDEN')
    expect(await ledger(RESIDENT)).toHaveLength(1)
  })
})

describe('events.myService', () => {
  it('should list hours from events and wishes together, newest first, with the totals', async () => {
    const id = await serviceEventWithOneCheckIn()
    await h.env.rt.db.collection(W.ledger).doc('wish:w-1').set({
      openid: RESIDENT,
      source: 'wish',
      sourceId: 'w-1',
      title: '微心愿：帮忙取药',
      hours: 2,
      points: 10,
      creditedAt: '2026-12-01T02:00:00.000Z',
    })
    h.env.clock.set(ENDED)
    await h.sweep()
    const mine = expectOk(await h.as<{ items: ServiceRecord[] }>(RESIDENT, 'myService'))
    expect(mine).toMatchObject({ totalHours: 3.5, eventHours: 1.5, wishHours: 2 })
    expect(mine.items.map((i) => [i.source, i.title, i.link])).toEqual([
      ['event', '活动：志愿服务：清扫楼院', `/pages/events/detail?id=${encodeURIComponent(id)}`],
      ['wish', '微心愿：帮忙取药', '/pages/wishes/detail?id=w-1'],
    ])
    expect(expectOk(await h.as(RESIDENT_2, 'myService'))).toEqual({
      totalHours: 0,
      eventHours: 0,
      wishHours: 0,
      items: [],
    })
  })

  it('should refuse someone not signed in', async () => {
    const res = await h.env.call(null, 'events', { action: 'myService' })
    expect(res.ok ? 'ok' : res.error.code).toBe('UNAUTHORIZED')
  })
})
