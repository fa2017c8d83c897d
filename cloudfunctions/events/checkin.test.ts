import type { Attendance } from '../../types/events-attendance'
import { COLLECTIONS } from '../core/collections'
import { ATTENDANCE_COLLECTIONS as A, type AttendanceDoc } from './attendance-collections'
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
 * Check-in, three ways (issue 12). The event runs Saturday 2026-12-05 14:30–16:00 Shanghai
 * (06:30–08:00 UTC); check-in opens at 14:00.
 */

const OPENS = '2026-12-05T06:00:00.000Z'
const DURING = '2026-12-05T06:40:00.000Z'
const AFTER = '2026-12-05T08:00:01.000Z'

let h: EventsHarness
beforeEach(async () => {
  h = await eventsHarness()
})
afterEach(async () => {
  await h.env.close()
})

async function confirmedEvent(...people: string[]): Promise<string> {
  const id = await h.published({ capacity: 10 })
  for (const p of people) expectOk(await h.signUp(p, id))
  return id
}

const codeOf = async (openid: string, eventId: string) =>
  expectOk(await h.as<{ code: string }>(openid, 'myCode', { eventId })).code
const records = (eventId: string) => h.env.docs<AttendanceDoc>(A.attendance, { eventId })

describe('events.myCode', () => {
  it('should give a confirmed resident a code without their openid and the same code again', async () => {
    const id = await confirmedEvent(RESIDENT)
    const first = expectOk(await h.as(RESIDENT, 'myCode', { eventId: id }))
    expect(first).toMatchObject({
      code: expect.stringMatching(/^[0-9A-Z]{12}$/),
      window: { opensAt: OPENS, closesAt: '2026-12-05T08:00:00.000Z' },
      checkedInAt: null,
    })
    expect(first.display).toBe(first.code.replace(/(.{4})(?=.)/g, '$1 '))
    expect(JSON.stringify(first)).not.toContain(RESIDENT)
    expect(expectOk(await h.as(RESIDENT, 'myCode', { eventId: id })).code).toBe(first.code)
  })

  it('should refuse someone who is only waiting', async () => {
    const id = await h.published({ capacity: 1 })
    expectOk(await h.signUp(RESIDENT, id))
    expectOk(await h.signUp(RESIDENT_2, id))
    expect(errorOf(await h.as(RESIDENT_2, 'myCode', { eventId: id }))).toMatchObject({
      code: 'CONFLICT',
      message: '报名成功后才有签到码',
    })
  })

  it('should refuse a missing event id as bad input', async () => {
    expect(errorOf(await h.as(RESIDENT, 'myCode', {})).code).toBe('BAD_REQUEST')
  })
})

describe('events.checkIn', () => {
  it('should check a resident in by their code once, and say so on a second scan', async () => {
    const id = await confirmedEvent(RESIDENT)
    const code = await codeOf(RESIDENT, id)
    h.env.clock.set(DURING)
    const first = expectOk(
      await h.as(SECRETARY, 'checkIn', { eventId: id, code: code.toLowerCase().replace(/(.{4})/g, '$1 ') }),
    )
    expect(first).toMatchObject({
      outcome: 'checked_in',
      attendee: { name: '王秀兰', status: 'present', way: 'code', checkedInAt: DURING, registered: true },
    })
    h.env.clock.set('2026-12-05T06:45:00.000Z')
    const second = expectOk(await h.as(SECRETARY, 'checkIn', { eventId: id, code }))
    expect(second).toMatchObject({ outcome: 'already', attendee: { checkedInAt: DURING } })
    expect(await records(id)).toHaveLength(1)
    expect((await h.notices()).filter(([, t]) => t === '签到成功')).toEqual([[RESIDENT, '签到成功']])
    expect(expectOk(await h.as(RESIDENT, 'myCode', { eventId: id })).checkedInAt).toBe(DURING)
  })

  it('should write one record when two staff devices scan the same person at once', async () => {
    const id = await confirmedEvent(RESIDENT)
    const code = await codeOf(RESIDENT, id)
    h.env.clock.set(DURING)
    const answers = await Promise.all([
      h.as(SECRETARY, 'checkIn', { eventId: id, code }),
      h.as(SECRETARY, 'checkIn', { eventId: id, code }),
    ])
    expect(answers.map((a) => expectOk(a).outcome).sort()).toEqual(['already', 'checked_in'])
    expect(await records(id)).toHaveLength(1)
  })

  it.each([
    ['a forged code', () => 'ABCDEFGHJKMN', 'NOT_FOUND', '签到码无效，请核对后重试'],
    [
      'a code of another event',
      async (other: string) => codeOf(RESIDENT, other),
      'CONFLICT',
      '这是另一场活动的签到码，请核对活动',
    ],
  ])('should refuse %s', async (_what, make, code, message) => {
    const id = await confirmedEvent(RESIDENT)
    const other = await confirmedEvent(RESIDENT)
    const text = await make(other)
    h.env.clock.set(DURING)
    expect(errorOf(await h.as(SECRETARY, 'checkIn', { eventId: id, code: text }))).toMatchObject({ code, message })
    expect(await records(id)).toEqual([])
  })

  it('should refuse a code once its registration is cancelled, and a new sign-up gets a new code', async () => {
    const id = await confirmedEvent(RESIDENT)
    const old = await codeOf(RESIDENT, id)
    expectOk(await h.as(RESIDENT, 'cancel', { eventId: id }))
    h.env.clock.set(DURING)
    expect(errorOf(await h.as(SECRETARY, 'checkIn', { eventId: id, code: old })).code).toBe('CONFLICT')
    h.env.clock.set('2026-11-30T03:00:00.000Z')
    expectOk(await h.signUp(RESIDENT, id))
    const fresh = await codeOf(RESIDENT, id)
    expect(fresh).not.toBe(old)
    h.env.clock.set(DURING)
    expect(errorOf(await h.as(SECRETARY, 'checkIn', { eventId: id, code: old })).code).toBe('CONFLICT')
    expect(expectOk(await h.as(SECRETARY, 'checkIn', { eventId: id, code: fresh })).outcome).toBe('checked_in')
  })

  it.each([
    ['before the window', '2026-12-05T05:59:00.000Z', '还没到签到时间'],
    ['after the end', AFTER, '签到已结束'],
  ])('should refuse a check-in %s with the window in the message', async (_what, at, words) => {
    const id = await confirmedEvent(RESIDENT)
    const code = await codeOf(RESIDENT, id)
    h.env.clock.set(at)
    const err = errorOf(await h.as(SECRETARY, 'checkIn', { eventId: id, code }))
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain(words)
    expect(err.message).toContain('12月5日（周六）14:00')
  })

  it('should keep the scan time of an offline device and refuse one from the future', async () => {
    const id = await confirmedEvent(RESIDENT)
    const code = await codeOf(RESIDENT, id)
    h.env.clock.set('2026-12-05T07:10:00.000Z')
    expect(
      errorOf(await h.as(SECRETARY, 'checkIn', { eventId: id, code, scannedAt: '2026-12-05T07:11:00.000Z' })).code,
    ).toBe('BAD_REQUEST')
    expect(
      expectOk(await h.as(SECRETARY, 'checkIn', { eventId: id, code, scannedAt: DURING })).attendee.checkedInAt,
    ).toBe(DURING)
  })

  it('should refuse a resident and a grid worker (no 活动管理)', async () => {
    const id = await confirmedEvent(RESIDENT)
    const code = await codeOf(RESIDENT, id)
    h.env.clock.set(DURING)
    expect(errorOf(await h.as(RESIDENT_2, 'checkIn', { eventId: id, code })).code).toBe('FORBIDDEN')
    expect(errorOf(await h.as('demo-grid-1', 'checkIn', { eventId: id, code })).code).toBe('FORBIDDEN')
    expect(await records(id)).toEqual([])
  })
})

describe('events.selfCheckIn', () => {
  it('should let a confirmed resident check in with the venue code, once', async () => {
    const id = await confirmedEvent(RESIDENT)
    const venue = expectOk(await h.as(SECRETARY, 'venueCode', { eventId: id }))
    expect(venue.scene.length).toBeLessThanOrEqual(32)
    expect(expectOk(await h.as(RESIDENT, 'venueEvent', { venueCode: venue.venueCode })).eventId).toBe(id)
    h.env.clock.set(DURING)
    expect(expectOk(await h.as(RESIDENT, 'selfCheckIn', { eventId: id, venueCode: venue.venueCode }))).toEqual({
      outcome: 'checked_in',
      checkedInAt: DURING,
    })
    expect(expectOk(await h.as(RESIDENT, 'selfCheckIn', { eventId: id, venueCode: venue.scene })).outcome).toBe(
      'already',
    )
    expect((await records(id))[0]).toMatchObject({ way: 'venue', checkedInBy: RESIDENT })
  })

  it('should record the 双报到 fact of the person checking themselves in, as a staff scan does', async () => {
    await h.env.rt.db.collection(COLLECTIONS.users).doc(RESIDENT).update({ partyMember: true })
    const id = await confirmedEvent(RESIDENT, RESIDENT_2)
    const { venueCode } = expectOk(await h.as(SECRETARY, 'venueCode', { eventId: id }))
    h.env.clock.set(DURING)
    for (const p of [RESIDENT, RESIDENT_2]) expectOk(await h.as(p, 'selfCheckIn', { eventId: id, venueCode }))
    const byOpenid = new Map((await records(id)).map((r) => [r.openid, r.partyMember]))
    expect(Object.fromEntries(byOpenid)).toEqual({ [RESIDENT]: true, [RESIDENT_2]: false })
  })

  it('should refuse the venue code of another event, a personal code, someone not signed up, and outside the window', async () => {
    const id = await confirmedEvent(RESIDENT)
    const other = await confirmedEvent()
    const venue = expectOk(await h.as(SECRETARY, 'venueCode', { eventId: id })).venueCode
    const otherVenue = expectOk(await h.as(SECRETARY, 'venueCode', { eventId: other })).venueCode
    const personal = await codeOf(RESIDENT, id)
    expect(errorOf(await h.as(RESIDENT, 'selfCheckIn', { eventId: id, venueCode: venue })).message).toContain(
      '还没到签到时间',
    )
    h.env.clock.set(DURING)
    expect(errorOf(await h.as(RESIDENT, 'selfCheckIn', { eventId: id, venueCode: otherVenue })).code).toBe('CONFLICT')
    expect(errorOf(await h.as(RESIDENT, 'selfCheckIn', { eventId: id, venueCode: personal })).code).toBe('BAD_REQUEST')
    expect(errorOf(await h.as(RESIDENT_2, 'selfCheckIn', { eventId: id, venueCode: venue })).message).toBe(
      '您没有报名成功，请找现场工作人员登记',
    )
    expect(errorOf(await h.as(RESIDENT, 'selfCheckIn', { eventId: id, venueCode: '' })).code).toBe('BAD_REQUEST')
    expect(await records(id)).toEqual([])
  })

  it('should refuse the venue code to a resident asking for it', async () => {
    const id = await confirmedEvent(RESIDENT)
    expect(errorOf(await h.as(RESIDENT, 'venueCode', { eventId: id })).code).toBe('FORBIDDEN')
  })
})

describe('events.attendance and checkInPerson', () => {
  it('should find people by name or the last four digits and check them in from the list', async () => {
    const [a, b] = await h.residents(2)
    const id = await confirmedEvent(a!, b!)
    const list = expectOk(await h.as<Attendance>(SECRETARY, 'attendance', { eventId: id }))
    expect(list.counts).toEqual({ confirmed: 2, present: 0, absent: 0, walkIns: 0, rate: 0 })
    expect(JSON.stringify(list)).not.toContain(a!)
    const found = expectOk(await h.as<Attendance>(SECRETARY, 'attendance', { eventId: id, q: '0001' })).items
    expect(found.map((p) => [p.name, p.phoneTail])).toEqual([['居民2', '0001']])
    expect(
      expectOk(await h.as<Attendance>(SECRETARY, 'attendance', { eventId: id, q: '居民1' })).items.map((p) => p.name),
    ).toEqual(['居民1'])
    h.env.clock.set(DURING)
    expect(
      expectOk(await h.as(SECRETARY, 'checkInPerson', { eventId: id, attendeeId: found[0]!.id })).attendee,
    ).toMatchObject({ name: '居民2', status: 'present', way: 'staff' })
    const after = expectOk(await h.as<Attendance>(SECRETARY, 'attendance', { eventId: id }))
    expect(after.counts).toMatchObject({ present: 1, rate: 0.5 })
    expect(after.items.map((p) => [p.name, p.status])).toEqual([
      ['居民1', 'expected'],
      ['居民2', 'present'],
    ])
  })

  it('should add a walk-in, and check in a registration when the phone matches one', async () => {
    const [a] = await h.residents(1)
    const id = await confirmedEvent(a!)
    h.env.clock.set(DURING)
    expect(
      expectOk(await h.as(SECRETARY, 'walkIn', { eventId: id, name: '李大爷', phone: '' })).attendee,
    ).toMatchObject({ name: '李大爷', registered: false, way: 'walk_in' })
    expect(
      expectOk(await h.as(SECRETARY, 'walkIn', { eventId: id, name: '居民一', phone: '13900000000' })).attendee,
    ).toMatchObject({ name: '居民1', registered: true, way: 'staff' })
    expect(expectOk(await h.as<Attendance>(SECRETARY, 'attendance', { eventId: id })).counts).toMatchObject({
      confirmed: 1,
      present: 2,
      walkIns: 1,
      rate: 1,
    })
    expect(errorOf(await h.as(SECRETARY, 'walkIn', { eventId: id, name: '', phone: '123' })).code).toBe('BAD_REQUEST')
    expect(errorOf(await h.as(SECRETARY, 'checkInPerson', { eventId: id, attendeeId: 'nobody' })).code).toBe(
      'NOT_FOUND',
    )
  })

  it('should refuse the list and walk-ins to residents and volunteers', async () => {
    const id = await confirmedEvent(RESIDENT)
    h.env.clock.set(DURING)
    expect(errorOf(await h.as(RESIDENT, 'attendance', { eventId: id })).code).toBe('FORBIDDEN')
    expect(errorOf(await h.as(VOLUNTEER, 'walkIn', { eventId: id, name: '李大爷' })).code).toBe('FORBIDDEN')
    expect(errorOf(await h.as(VOLUNTEER, 'checkInPerson', { eventId: id, attendeeId: 'x' })).code).toBe('FORBIDDEN')
  })

  it('should refuse a check-in at a cancelled event', async () => {
    const id = await confirmedEvent(RESIDENT)
    expectOk(await h.as(SECRETARY, 'cancelEvent', { eventId: id, reason: '天气原因' }))
    h.env.clock.set(DURING)
    expect(errorOf(await h.as(SECRETARY, 'walkIn', { eventId: id, name: '李大爷' }))).toMatchObject({
      code: 'CONFLICT',
      message: '活动已取消，不能签到',
    })
  })
})
