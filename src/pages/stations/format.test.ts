import { formatDistance, hoursRows, upcomingClosures } from './format'
import { WeeklyHoursSchema } from '../../../types/stations'

describe('formatDistance', () => {
  it('should show metres under a kilometre', () => {
    expect(formatDistance(349.6)).toBe('350米')
  })
  it('should show one decimal of kilometres under ten', () => {
    expect(formatDistance(1249)).toBe('1.2公里')
    expect(formatDistance(1000)).toBe('1.0公里')
  })
  it('should show whole kilometres from ten', () => {
    expect(formatDistance(33_319)).toBe('33公里')
  })
  it('should show nothing when there is no distance', () => {
    expect(formatDistance(null)).toBeNull()
  })
})

describe('hoursRows', () => {
  it('should group consecutive days with the same hours', () => {
    const hours = WeeklyHoursSchema.parse({
      mon: [{ open: '08:00', close: '21:00' }],
      tue: [{ open: '08:00', close: '21:00' }],
      wed: [{ open: '08:00', close: '21:00' }],
      thu: [{ open: '08:00', close: '21:00' }],
      fri: [{ open: '08:00', close: '21:00' }],
      sat: [
        { open: '09:00', close: '12:00' },
        { open: '14:00', close: '17:30' },
      ],
    })
    expect(hoursRows(hours)).toEqual([
      { days: '周一至周五', text: '8:00–21:00' },
      { days: '周六', text: '9:00–12:00、14:00–17:30' },
      { days: '周日', text: '休息' },
    ])
  })
  it('should mark an overnight interval as ending the next day', () => {
    const hours = WeeklyHoursSchema.parse({ sat: [{ open: '20:00', close: '02:00' }] })
    expect(hoursRows(hours)).toContainEqual({ days: '周六', text: '20:00–次日2:00' })
  })
})

describe('upcomingClosures', () => {
  it('should list only closures not yet over, with their reason', () => {
    const list = upcomingClosures(
      [
        { from: '2026-10-01', to: '2026-10-07', kind: 'holiday', reason: '国庆节' },
        { from: '2026-11-25', to: '2026-11-25', kind: 'temporary', reason: '设备检修' },
      ],
      '2026-11-22',
    )
    expect(list).toEqual(['11月25日 暂停开放：设备检修'])
  })
})
