import type { EventFiguresReport } from '../../types/events-figures'
import {
  COMMUNITY,
  errorOf,
  expectTalliesRecount,
  eventsHarness,
  expectOk,
  RESIDENT,
  RESIDENT_2,
  SECRETARY,
  VOLUNTEER,
  type EventsHarness,
} from './test-helpers'

/*
 * 活动评价 after attending (issue 12). The event runs 2026-12-05 14:30–16:00 Shanghai
 * (06:30–08:00 UTC); RESIDENT checks in, RESIDENT_2 is confirmed and never comes.
 */

const DURING = '2026-12-05T06:40:00.000Z'
const ENDED = '2026-12-05T08:01:00.000Z'
const MONTH_LATER = '2027-01-05T08:01:00.000Z'

let h: EventsHarness
let eventId: string
beforeEach(async () => {
  h = await eventsHarness()
  eventId = await h.published({ capacity: 10 })
  expectOk(await h.signUp(RESIDENT, eventId))
  expectOk(await h.signUp(RESIDENT_2, eventId))
  const { code } = expectOk(await h.as<{ code: string }>(RESIDENT, 'myCode', { eventId }))
  h.env.clock.set(DURING)
  expectOk(await h.as(SECRETARY, 'checkIn', { eventId, code }))
})
afterEach(async () => {
  await expectTalliesRecount(h.env)
  await h.env.close()
})

const rate = (openid: string, value: string, comment = '') => h.as(openid, 'rate', { eventId, value, comment })

describe('events.rate', () => {
  it('should take one rating from someone who came, once, and count it in the figures', async () => {
    h.env.clock.set(ENDED)
    await h.sweep()
    expect(expectOk(await h.as(RESIDENT, 'myRating', { eventId }))).toMatchObject({ offered: true, rating: null })
    const first = expectOk(await rate(RESIDENT, 'basically_satisfied', '时间有点短，希望下次多讲讲停车'))
    expect(first).toEqual({
      created: true,
      rating: { value: 'basically_satisfied', comment: '时间有点短，希望下次多讲讲停车', ratedAt: ENDED },
    })
    // A double tap, or a change of mind: the first rating stands and counts once.
    expect(expectOk(await rate(RESIDENT, 'dissatisfied'))).toEqual({ ...first, created: false })
    expect(expectOk(await h.as(RESIDENT, 'myRating', { eventId }))).toMatchObject({
      offered: false,
      rating: first.rating,
    })
    const month = expectOk(
      await h.as<EventFiguresReport>(SECRETARY, 'figures', { unitId: COMMUNITY, month: '2026-12' }),
    )
    expect(month.total).toMatchObject({ rated: 1, satisfiedOrBasically: 1, satisfactionRate: 1 })
  })

  it('should refuse before the end, someone who did not come, and after the rating window', async () => {
    expect(errorOf(await rate(RESIDENT, 'satisfied')).message).toBe('活动结束后才能评价')
    h.env.clock.set(ENDED)
    await h.sweep()
    expect(errorOf(await rate(RESIDENT_2, 'satisfied')).message).toBe('签到参加了活动的居民才能评价')
    expect(errorOf(await rate(VOLUNTEER, 'satisfied')).code).toBe('CONFLICT')
    expect(expectOk(await h.as(RESIDENT_2, 'myRating', { eventId })).offered).toBe(false)
    h.env.clock.set(MONTH_LATER)
    expect(errorOf(await rate(RESIDENT, 'satisfied')).message).toContain('评价已截止')
  })

  it('should refuse a comment that is too long, improper, or a value that is not offered', async () => {
    h.env.clock.set(ENDED)
    expect(errorOf(await rate(RESIDENT, 'satisfied', '好'.repeat(201))).code).toBe('BAD_REQUEST')
    expect(errorOf(await rate(RESIDENT, 'great')).code).toBe('BAD_REQUEST')
    const improper = errorOf(await rate(RESIDENT, 'satisfied', '活动结束后有人拉人去网赌'))
    expect(improper.code).toBe('BAD_REQUEST')
    expect(expectOk(await h.as(RESIDENT, 'myRating', { eventId })).rating).toBeNull()
  })

  it('should refuse someone not signed in', async () => {
    const res = await h.env.call(null, 'events', { action: 'rate', eventId, value: 'satisfied' })
    expect(res.ok ? 'ok' : res.error.code).toBe('UNAUTHORIZED')
  })
})

describe('events.ratable', () => {
  it('should list only the ended events the caller came to and has not rated', async () => {
    const other = await h.published({ title: '板凳会：加装电梯', date: '2026-12-12' })
    expect(expectOk(await h.as(RESIDENT, 'ratable', { eventIds: [eventId, other] })).eventIds).toEqual([])
    h.env.clock.set(ENDED)
    expect(expectOk(await h.as(RESIDENT, 'ratable', { eventIds: [eventId, other] })).eventIds).toEqual([eventId])
    expect(expectOk(await h.as(RESIDENT_2, 'ratable', { eventIds: [eventId] })).eventIds).toEqual([])
    expectOk(await rate(RESIDENT, 'satisfied'))
    expect(expectOk(await h.as(RESIDENT, 'ratable', { eventIds: [eventId] })).eventIds).toEqual([])
  })

  it('should refuse more than fifty events at once', async () => {
    const res = await h.as(RESIDENT, 'ratable', { eventIds: Array.from({ length: 51 }, (_, i) => `e-${i}`) })
    expect(errorOf(res).code).toBe('BAD_REQUEST')
  })
})

describe('events.ratings', () => {
  it('should show the organiser the counts and the comments with masked names', async () => {
    h.env.clock.set(ENDED)
    expectOk(await h.as(SECRETARY, 'walkIn', { eventId, name: '王大爷', scannedAt: DURING }))
    expectOk(await rate(RESIDENT, 'dissatisfied', '声音太小，后排听不清'))
    const got = expectOk(await h.as(SECRETARY, 'ratings', { eventId }))
    expect(got.counts).toEqual({ satisfied: 0, basically_satisfied: 0, dissatisfied: 1 })
    expect(got.attendees).toBe(2)
    expect(got.items).toHaveLength(1)
    expect(got.items[0]).toMatchObject({ value: 'dissatisfied', comment: '声音太小，后排听不清' })
    expect(got.items[0].name).toMatch(/^.\*+$/)
  })

  it('should refuse a resident and a bad event id', async () => {
    expect(errorOf(await h.as(RESIDENT, 'ratings', { eventId })).code).toBe('FORBIDDEN')
    expect(errorOf(await h.as(SECRETARY, 'ratings', { eventId: '' })).code).toBe('BAD_REQUEST')
  })
})
