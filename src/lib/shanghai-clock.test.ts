import dayjs from './dayjs'
import { shanghaiHour } from './shanghai-clock'

describe('shanghaiHour', () => {
  it('should read the hour on the Shanghai clock', () => {
    expect(shanghaiHour(new Date('2026-11-21T23:30:00Z'))).toBe(7)
    expect(shanghaiHour(Date.UTC(2026, 10, 21, 15, 59, 59))).toBe(23)
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
