import dayjs, { formatTime, shanghaiDate, shanghaiHour } from './dayjs'

describe('shanghaiDate', () => {
  it('should give the Shanghai calendar date even late in the UTC evening', () => {
    // 2026-11-21 17:00 UTC is 22 November 01:00 in Shanghai.
    expect(shanghaiDate(0, dayjs('2026-11-21T17:00:00Z'))).toBe('2026-11-22')
    expect(shanghaiDate(-30, dayjs('2026-11-21T17:00:00Z'))).toBe('2026-10-23')
  })

  it('should count days ahead for a needed-by date from a plain Date', () => {
    expect(shanghaiDate(3, new Date('2025-03-03T17:00:00Z'))).toBe('2025-03-07')
    expect(shanghaiDate(7, new Date('2025-03-03T02:00:00Z'))).toBe('2025-03-10')
  })
})

describe('shanghaiHour', () => {
  it('should read the hour on the Shanghai clock', () => {
    expect(shanghaiHour(new Date('2026-11-21T23:30:00Z'))).toBe(7)
    expect(shanghaiHour(dayjs('2026-11-21T15:59:59Z'))).toBe(23)
    expect(shanghaiHour(new Date('2026-11-21T16:00:00Z'))).toBe(0)
  })

  it('should agree with the Asia/Shanghai time zone every 29 days 7 hours 13 minutes from 1992 to 2100', () => {
    // an odd stride, so the instants fall on every hour of the day and every month
    const stride = ((29 * 24 + 7) * 60 + 13) * 60_000
    const end = Date.UTC(2100, 0, 1)
    for (let t = Date.UTC(1992, 0, 1); t < end; t += stride) {
      expect([t, shanghaiHour(new Date(t))]).toEqual([t, dayjs(t).tz('Asia/Shanghai').hour()])
    }
  })
})

describe('formatTime', () => {
  it('should show a time of this year without the year, in Shanghai', () => {
    expect(formatTime('2026-11-22T02:05:00Z', dayjs('2026-12-01T00:00:00Z'))).toBe('11月22日 10:05')
    expect(formatTime('2025-11-22T02:05:00Z', dayjs('2026-12-01T00:00:00Z'))).toBe('2025年11月22日 10:05')
  })
})
