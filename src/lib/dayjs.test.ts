import dayjs, { formatTime, shanghaiDate } from './dayjs'

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

describe('formatTime', () => {
  it('should show a time of this year without the year, in Shanghai', () => {
    expect(formatTime('2026-11-22T02:05:00Z', dayjs('2026-12-01T00:00:00Z'))).toBe('11月22日 10:05')
    expect(formatTime('2025-11-22T02:05:00Z', dayjs('2026-12-01T00:00:00Z'))).toBe('2025年11月22日 10:05')
  })
})
