import { addDays, shanghaiDate } from './dates'

describe('wish dates', () => {
  it('should give the Shanghai calendar date, which is a day ahead of UTC after 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30')
    expect(shanghaiDate(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01')
  })

  it('should add whole days to an instant', () => {
    expect(addDays(new Date('2026-11-30T02:00:00Z'), 7)).toBe('2026-12-07T02:00:00.000Z')
  })
})
