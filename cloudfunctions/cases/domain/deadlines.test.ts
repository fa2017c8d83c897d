import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import type { DeadlineTier, Duration } from '../../../types/cases'
import {
  addDuration,
  checkExtension,
  computeDeadlines,
  extendDeadline,
  formatShanghai,
  formatShanghaiText,
  inShanghai,
  isOnTime,
  isoWithOffset,
  maxExtensionDays,
  overdue,
  shanghaiDate,
  shanghaiRange,
} from './deadlines'

const at = (iso: string) => new Date(iso)

describe('deadlines', () => {
  it.each<[string, DeadlineTier, string, string, string]>([
    // name, tier, submitted (UTC), ack due (UTC), handle due (UTC)
    [
      'urgent: 2 h to sign, 24 h to handle by the clock',
      'urgent',
      '2026-11-22T15:00:00Z',
      '2026-11-22T17:00:00Z',
      '2026-11-23T15:00:00Z',
    ],
    [
      'general at 23:59 Shanghai: 7 days end at 24:00 of Nov 29',
      'general',
      '2026-11-22T15:59:00Z',
      '2026-11-23T15:59:00Z',
      '2026-11-29T16:00:00Z',
    ],
    [
      'general at 00:30 Shanghai the next day (still Nov 22 in UTC): one day later',
      'general',
      '2026-11-22T16:30:00Z',
      '2026-11-23T16:30:00Z',
      '2026-11-30T16:00:00Z',
    ],
    [
      'general across the end of January',
      'general',
      '2026-01-31T15:30:00Z',
      '2026-02-01T15:30:00Z',
      '2026-02-07T16:00:00Z',
    ],
    ['general across a leap day', 'general', '2028-02-25T02:00:00Z', '2028-02-26T02:00:00Z', '2028-03-03T16:00:00Z'],
    ['complex across the new year', 'complex', '2026-12-20T04:00:00Z', '2026-12-21T04:00:00Z', '2027-01-04T16:00:00Z'],
  ])('should compute %s', (_name, tier, submitted, ack, handle) => {
    const d = computeDeadlines({ tier }, at(submitted))
    expect(d.ackDueAt.toISOString()).toBe(new Date(ack).toISOString())
    expect(d.handleDueAt.toISOString()).toBe(new Date(handle).toISOString())
  })

  it('should let a category override its tier windows', () => {
    const handleWithin: Duration = { unit: 'days', amount: 3 }
    const ackWithin: Duration = { unit: 'hours', amount: 4 }
    const d = computeDeadlines({ tier: 'general', ackWithin, handleWithin }, at('2026-11-22T02:00:00Z'))
    expect(d.ackDueAt.toISOString()).toBe('2026-11-22T06:00:00.000Z')
    expect(formatShanghai(d.handleDueAt)).toBe('2026-11-26 00:00')
  })

  it('should end a day window at Shanghai midnight whatever the start hour', () => {
    const one: Duration = { unit: 'days', amount: 1 }
    expect(formatShanghai(addDuration(at('2026-11-22T00:00:00Z'), one))).toBe('2026-11-24 00:00')
    expect(formatShanghai(addDuration(at('2026-11-22T15:59:59Z'), one))).toBe('2026-11-24 00:00')
    expect(formatShanghai(addDuration(at('2026-11-22T16:00:00Z'), one))).toBe('2026-11-25 00:00')
  })
})

describe('overdue', () => {
  const c = { ackDueAt: '2026-11-23T02:00:00Z', handleDueAt: '2026-11-29T16:00:00Z' }
  it.each<[string, string, string, boolean, boolean]>([
    ['pending_sign', '2026-11-23T02:00:00Z', 'exactly at the ack deadline is not late', false, false],
    ['pending_sign', '2026-11-23T02:00:01Z', 'a second after it is', true, false],
    ['processing', '2026-11-25T00:00:00Z', 'signed cases have no ack lateness', false, false],
    ['processing', '2026-11-29T16:00:01Z', 'open past the handle deadline', false, true],
    ['returned', '2026-11-30T00:00:00Z', 'returned cases still run late', false, true],
    ['pending_sign', '2026-12-01T00:00:00Z', 'unsigned and unhandled: both', true, true],
    ['resolved', '2026-12-01T00:00:00Z', 'resolved cases are never overdue', false, false],
    ['closed', '2026-12-01T00:00:00Z', 'closed cases are never overdue', false, false],
  ])('should judge %s at %s (%s)', (status, now, _why, ack, handle) => {
    const o = overdue({ ...c, status }, at(now))
    expect([o.ack, o.handle, o.any]).toEqual([ack, handle, ack || handle])
  })

  it('should count a resolution at the deadline as on time and one a second later as late', () => {
    expect(isOnTime(at('2026-11-29T16:00:00Z'), c.handleDueAt)).toBe(true)
    expect(isOnTime(at('2026-11-29T16:00:01Z'), c.handleDueAt)).toBe(false)
  })
})

describe('extension', () => {
  it('should allow one extension within the handling window', () => {
    expect(checkExtension({ tier: 'general' }, null, 7)).toEqual({ ok: true })
  })
  it('should refuse a second extension with CONFLICT', () => {
    expect(checkExtension({ tier: 'general' }, { status: 'rejected' }, 3)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
  })
  it.each<[DeadlineTier, number]>([
    ['urgent', 1],
    ['general', 7],
    ['complex', 15],
  ])('should cap a %s extension at %i days', (tier, max) => {
    expect(maxExtensionDays({ tier })).toBe(max)
    expect(checkExtension({ tier }, null, max).ok).toBe(true)
    expect(checkExtension({ tier }, null, max + 1)).toMatchObject({ ok: false, code: 'BAD_REQUEST' })
    expect(checkExtension({ tier }, null, 0)).toMatchObject({ ok: false, code: 'BAD_REQUEST' })
  })
  it('should push the deadline by whole Shanghai days across a month end', () => {
    expect(formatShanghai(extendDeadline(at('2026-11-29T16:00:00Z'), 3))).toBe('2026-12-03 00:00')
  })
})

describe('shanghai formatting', () => {
  it('should write times for texts as 11月23日 17:17 in Shanghai time', () => {
    expect(formatShanghaiText('2026-11-23T09:17:00Z', at('2026-11-22T02:00:00Z'))).toBe('11月23日 17:17')
    expect(formatShanghaiText('2026-11-29T16:00:00Z', at('2026-11-22T02:00:00Z'))).toBe('11月30日 00:00')
  })
  it('should add the year to a text time in another year than now', () => {
    expect(formatShanghaiText('2026-12-31T16:30:00Z', at('2026-12-30T02:00:00Z'))).toBe('2027年1月1日 00:30')
  })
  it('should write ISO 8601 with the +08:00 offset', () => {
    expect(isoWithOffset('2026-11-22T16:30:00Z')).toBe('2026-11-23T00:30:00+08:00')
  })
  it('should give the Shanghai date, not the UTC one', () => {
    expect(shanghaiDate('2026-11-22T16:30:00Z')).toBe('20261123')
    expect(shanghaiDate('2026-11-22T15:59:59Z', true)).toBe('2026-11-22')
  })
  it('should cover whole Shanghai days in a date range', () => {
    const r = shanghaiRange('2026-11-01', '2026-11-30')
    expect(r.start.toISOString()).toBe('2026-10-31T16:00:00.000Z')
    expect(r.end.toISOString()).toBe('2026-11-30T16:00:00.000Z')
  })
})

describe('inShanghai', () => {
  dayjs.extend(utc)
  dayjs.extend(timezone)
  // Every 1,000,003 s (~11.6 days, so the hour of day drifts) from 1992 to 2100, plus the
  // instants either side of a Shanghai midnight and a New Year.
  const instants = [
    ...Array.from({ length: 3400 }, (_x, i) => new Date(Date.UTC(1992, 0, 1) + i * 1_000_003_000)),
    at('2026-12-31T15:59:59.999Z'),
    at('2026-12-31T16:00:00Z'),
  ]
  it('should give the same wall clock, day starts and day steps as the Asia/Shanghai time zone', () => {
    const differ = instants.filter((t) => {
      const zone = dayjs(t).tz('Asia/Shanghai')
      const fixed = inShanghai(t)
      return (
        zone.format('YYYY-MM-DDTHH:mm:ss.SSSZ') !== fixed.format('YYYY-MM-DDTHH:mm:ss.SSSZ') ||
        zone.startOf('day').add(8, 'day').valueOf() !== fixed.startOf('day').add(8, 'day').valueOf() ||
        zone.add(14, 'day').valueOf() !== fixed.add(14, 'day').valueOf()
      )
    })
    expect(differ).toEqual([])
  })
  it('should end day windows and write text times as the time zone does', () => {
    const now = at('2026-11-22T02:00:00Z')
    const days: Duration = { unit: 'days', amount: 7 }
    const differ = instants.filter((t) => {
      const zone = dayjs(t).tz('Asia/Shanghai')
      const text = zone.year() === dayjs(now).tz('Asia/Shanghai').year() ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm'
      return (
        addDuration(t, days).getTime() !== zone.startOf('day').add(8, 'day').valueOf() ||
        formatShanghaiText(t, now) !== zone.format(text)
      )
    })
    expect(differ).toEqual([])
  })
  it('should differ from the time zone in 1991, when Shanghai still had summer time', () => {
    const summer1991 = at('1991-07-01T04:00:00Z')
    expect(inShanghai(summer1991).format('HH:mm')).toBe('12:00')
    expect(dayjs(summer1991).tz('Asia/Shanghai').format('HH:mm')).toBe('13:00')
  })
})
