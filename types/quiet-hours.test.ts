import { quietHoursEnd } from './quiet-hours'

describe('quietHoursEnd', () => {
  const at = (shanghai: string) => new Date(`${shanghai}+08:00`)
  it('should be null in the day, from 07:00 to just before 22:00', () => {
    expect(quietHoursEnd(at('2026-11-30T07:00:00'))).toBeNull()
    expect(quietHoursEnd(at('2026-11-30T21:59:59'))).toBeNull()
  })
  it('should end at 07:00 the next morning for a late evening', () => {
    expect(quietHoursEnd(at('2026-11-30T22:00:00'))).toEqual(at('2026-12-01T07:00:00'))
    expect(quietHoursEnd(at('2026-12-31T23:30:00'))).toEqual(at('2027-01-01T07:00:00'))
  })
  it('should end at 07:00 the same morning after midnight', () => {
    expect(quietHoursEnd(at('2026-12-01T03:10:00'))).toEqual(at('2026-12-01T07:00:00'))
    expect(quietHoursEnd(at('2026-12-01T06:59:00'))).toEqual(at('2026-12-01T07:00:00'))
  })
})
