import { openStatus } from './open-status'
import type { Closure, Interval, Weekday } from '../../types/stations'

/** A Shanghai wall-clock time; 2026-11-23 is a Monday. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`)
const weekdays = (i: Interval[]): Partial<Record<Weekday, Interval[]>> => ({ mon: i, tue: i, wed: i, thu: i, fri: i })
const office = weekdays([{ open: '08:00', close: '21:00' }])

describe('openStatus', () => {
  it('should be closed one minute before opening and say it opens this morning', () => {
    const s = openStatus(office, [], at('2026-11-23 07:59'))
    expect(s.open).toBe(false)
    expect(s.label).toBe('已打烊 · 今早 8:00 开门')
    expect(s.changesAt).toBe('2026-11-23T00:00:00.000Z')
  })

  it('should be open at the exact opening minute', () => {
    const s = openStatus(office, [], at('2026-11-23 08:00'))
    expect(s.open).toBe(true)
    expect(s.label).toBe('营业中 · 21:00 关门')
    expect(s.changesAt).toBe('2026-11-23T13:00:00.000Z')
  })

  it('should be closed at the exact closing minute and say it opens tomorrow morning', () => {
    expect(openStatus(office, [], at('2026-11-23 20:59')).open).toBe(true)
    const s = openStatus(office, [], at('2026-11-23 21:00'))
    expect(s.open).toBe(false)
    expect(s.label).toBe('已打烊 · 明早 8:00 开门')
  })

  it('should name the weekday when the next opening is after the weekend', () => {
    expect(openStatus(office, [], at('2026-11-27 21:30')).label).toBe('已打烊 · 周一 8:00 开门')
  })

  it('should say 今天 for a later opening the same afternoon', () => {
    const split = weekdays([
      { open: '08:00', close: '12:00' },
      { open: '14:00', close: '18:00' },
    ])
    expect(openStatus(split, [], at('2026-11-23 12:30')).label).toBe('已打烊 · 今天 14:00 开门')
  })

  describe('across midnight', () => {
    const evening = { sat: [{ open: '20:00', close: '02:00' }] }

    it('should be open before midnight and close the next day', () => {
      const s = openStatus(evening, [], at('2026-11-28 23:30'))
      expect(s.open).toBe(true)
      expect(s.label).toBe('营业中 · 次日 2:00 关门')
    })

    it('should still be open after midnight on the following day', () => {
      expect(openStatus(evening, [], at('2026-11-29 01:59')).open).toBe(true)
    })

    it('should close at the closing minute after midnight', () => {
      const s = openStatus(evening, [], at('2026-11-29 02:00'))
      expect(s.open).toBe(false)
      expect(s.label).toBe('已打烊 · 周六 20:00 开门')
    })

    it('should run Sunday night into Monday morning across the week boundary', () => {
      const sunday = { sun: [{ open: '22:00', close: '06:00' }] }
      expect(openStatus(sunday, [], at('2026-11-23 05:00')).open).toBe(true)
      expect(openStatus(sunday, [], at('2026-11-23 06:00')).open).toBe(false)
    })

    it('should say 24:00 for a station closing at midnight', () => {
      const late = weekdays([{ open: '18:00', close: '24:00' }])
      expect(openStatus(late, [], at('2026-11-23 23:00')).label).toBe('营业中 · 24:00 关门')
    })
  })

  describe('closures', () => {
    const repair: Closure = { from: '2026-11-25', to: '2026-11-25', kind: 'temporary', reason: '设备检修' }

    it('should be closed all day on a closure day and give the reason', () => {
      const s = openStatus(office, [repair], at('2026-11-25 10:00'))
      expect(s.open).toBe(false)
      expect(s.closureReason).toBe('设备检修')
      expect(s.label).toBe('暂停开放（设备检修） · 明早 8:00 开门')
    })

    it('should skip a closure day when announcing the next opening', () => {
      expect(openStatus(office, [repair], at('2026-11-24 21:00')).label).toBe('已打烊 · 后天 8:00 开门')
    })

    it('should let the previous evening shift finish after midnight on a closure day', () => {
      const nights = { tue: [{ open: '20:00', close: '02:00' }] }
      expect(openStatus(nights, [repair], at('2026-11-25 01:00')).open).toBe(true)
    })

    it('should give the date of reopening after a long holiday', () => {
      const national: Closure = { from: '2026-10-01', to: '2026-10-07', kind: 'holiday', reason: '国庆节' }
      const s = openStatus(office, [national], at('2026-10-01 09:00'))
      expect(s.label).toBe('节假日闭馆（国庆节） · 10月8日 8:00 开门')
    })

    it('should be open normally the day after a closure', () => {
      expect(openStatus(office, [repair], at('2026-11-26 08:00')).open).toBe(true)
    })
  })

  it('should say 全天开放 for a station open around the clock', () => {
    const always = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ open: '00:00', close: '24:00' }]]),
    )
    const s = openStatus(always, [], at('2026-11-23 03:00'))
    expect(s).toEqual({ open: true, label: '营业中 · 全天开放', changesAt: null, closureReason: null })
  })

  it('should say it is not opening soon when it has no hours', () => {
    expect(openStatus({}, [], at('2026-11-23 10:00'))).toEqual({
      open: false,
      label: '已打烊 · 近期暂不开放',
      changesAt: null,
      closureReason: null,
    })
  })
})
