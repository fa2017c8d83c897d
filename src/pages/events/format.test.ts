import dayjs from '../../lib/dayjs'
import { dateRange, formatWhen, myStatusLabel, seatLabel, signUpLine } from './format'

const NOW = dayjs('2026-11-30T02:00:00.000Z')

describe('events format', () => {
  it('should say when in Shanghai time with the weekday', () => {
    expect(formatWhen('2026-12-05T06:30:00.000Z', '2026-12-05T08:00:00.000Z')).toBe('12月5日（周六）14:30–16:00')
  })

  it.each([
    [{ capacity: 30, left: 3, full: false }, '剩余 3 席'],
    [{ capacity: 30, left: 0, full: true }, '已满 · 可候补'],
    // a seat freed while people wait is theirs: still full for newcomers
    [{ capacity: 30, left: 1, full: true }, '已满 · 可候补'],
    [{ capacity: 0, left: null, full: false }, '不限名额'],
  ])('should label seats %j as %s', (seats, label) => {
    expect(seatLabel(seats)).toBe(label)
  })

  it.each([
    [{ status: 'confirmed', guests: 0, cancelReason: null }, '已报名 ✓'],
    [{ status: 'waiting', waitPosition: 4, guests: 0, cancelReason: null }, '候补第 4 位'],
    [
      { status: 'offered', offerExpiresAt: '2026-11-30T10:00:00.000Z', guests: 0, cancelReason: null },
      '请在 18:00 前确认',
    ],
    [
      { status: 'offered', offerExpiresAt: '2026-12-01T02:00:00.000Z', guests: 0, cancelReason: null },
      '请在 12月1日 10:00 前确认',
    ],
    [{ status: 'cancelled', guests: 0, cancelReason: 'offer_expired' }, '候补名额已失效'],
    [{ status: 'cancelled', guests: 0, cancelReason: 'event_cancelled' }, '活动已取消'],
    [{ status: 'cancelled', guests: 0, cancelReason: 'event_skipped' }, '本期暂停'],
  ] as const)('should label my registration %j as %s', (reg, label) => {
    expect(myStatusLabel(reg, NOW)).toBe(label)
  })

  it('should say when sign-up opens and closes', () => {
    const signUp = { opensAt: '2026-12-01T01:00:00.000Z', closesAt: '2026-11-30T10:00:00.000Z' }
    expect(signUpLine({ signUp: { ...signUp, state: 'not_open' } }, NOW)).toBe('12月1日 09:00 开始报名')
    expect(signUpLine({ signUp: { ...signUp, state: 'open' } }, NOW)).toBe('报名截止：18:00')
    expect(signUpLine({ signUp: { ...signUp, state: 'skipped' } }, NOW)).toBe('本期暂停，系列中的其他各期照常举行')
  })

  it.each([
    // NOW is Monday 2026-11-30, 10:00 in Shanghai
    ['all', NOW, {}],
    ['weekend', NOW, { from: '2026-12-05', to: '2026-12-06' }],
    ['weekend', dayjs('2026-12-06T02:00:00.000Z'), { from: '2026-12-06', to: '2026-12-06' }],
    ['week', NOW, { from: '2026-11-30', to: '2026-12-06' }],
    // 23:30 on 11-30 in Shanghai is still 11-30 there
    ['month', dayjs('2026-11-30T15:30:00.000Z'), { from: '2026-11-30', to: '2026-12-29' }],
  ] as const)('should ask for the dates of %s', (filter, now, range) => {
    expect(dateRange(filter, now)).toEqual(range)
  })
})
