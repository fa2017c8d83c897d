import {
  capacityAlert,
  dueReminders,
  eventTimes,
  formatWhen,
  instantToLocal,
  localToInstant,
  nextReminderAt,
  seatDecision,
  signUpState,
} from './schedule'

const START = '2026-12-05T06:30:00.000Z' // 14:30 Shanghai
const at = (iso: string) => new Date(iso)

describe('schedule', () => {
  it('should convert Shanghai wall-clock times to instants and back', () => {
    expect(localToInstant('2026-12-05 14:30').toISOString()).toBe(START)
    expect(localToInstant('2026-01-01 00:30').toISOString()).toBe('2025-12-31T16:30:00.000Z')
    expect(instantToLocal(START)).toBe('2026-12-05 14:30')
  })

  it('should say when as a 社区 notice does', () => {
    expect(formatWhen(START, '2026-12-05T08:00:00.000Z')).toBe('12月5日（周六）14:30–16:00')
  })

  it('should close unset windows at the start', () => {
    const t = eventTimes({
      date: '2026-12-05',
      startTime: '14:30',
      endTime: '16:00',
      signUpOpensAt: null,
      signUpClosesAt: null,
      cancelDeadline: '2026-12-05 12:30',
    })
    expect(t).toEqual({
      startAt: START,
      endAt: '2026-12-05T08:00:00.000Z',
      signUpOpensAt: null,
      signUpClosesAt: START,
      cancelDeadline: '2026-12-05T04:30:00.000Z',
    })
  })

  it.each([
    ['draft', '2026-12-01T00:00:00.000Z', 'not_open'],
    ['published', '2026-12-01T00:00:00.000Z', 'open'],
    ['published', '2026-12-05T06:00:00.000Z', 'closed'],
    ['published', '2026-12-05T07:00:00.000Z', 'started'],
    ['published', '2026-12-05T08:00:00.000Z', 'ended'],
    ['cancelled', '2026-12-01T00:00:00.000Z', 'cancelled'],
  ])('should say sign-up of a %s event at %s is %s', (status, now, state) => {
    const e = {
      status,
      startAt: START,
      endAt: '2026-12-05T08:00:00.000Z',
      signUpOpensAt: null,
      publishedAt: '2026-11-30T00:00:00.000Z',
      signUpClosesAt: '2026-12-05T05:00:00.000Z',
    }
    expect(signUpState(e, at(now))).toBe(state)
  })

  it.each([
    // now, hold hours, decision
    ['2026-12-01T00:00:00.000Z', 12, { kind: 'offer', expiresAt: '2026-12-01T12:00:00.000Z' }],
    // 12 h would run into the last 2 h: cut at start − 2 h
    ['2026-12-04T22:00:00.000Z', 12, { kind: 'offer', expiresAt: '2026-12-05T04:30:00.000Z' }],
    // inside the last 2 h: confirmed directly
    ['2026-12-05T05:00:00.000Z', 12, { kind: 'confirm' }],
    ['2026-12-05T04:30:00.000Z', 12, { kind: 'confirm' }],
  ])('should decide a freed seat at %s (hold %i h) as %j', (now, hold, decision) => {
    expect(seatDecision(at(now), START, hold)).toEqual(decision)
  })

  it.each([
    // now, done, send, markDone
    ['2026-12-03T06:30:00.000Z', [], null, []],
    ['2026-12-04T06:30:00.000Z', [], 24, [`${START}|24`]],
    ['2026-12-04T07:00:00.000Z', [`${START}|24`], null, []],
    ['2026-12-05T04:30:00.000Z', [`${START}|24`], 2, [`${START}|2`]],
    // signed up late: only the nearest reminder goes, the other is marked done
    ['2026-12-05T05:00:00.000Z', [], 2, [`${START}|24`, `${START}|2`]],
    ['2026-12-05T06:30:00.000Z', [], null, []],
  ])('should at %s with %j send %s', (now, done, send, markDone) => {
    expect(dueReminders(START, [24, 2], done, at(now))).toEqual({ send, markDone })
  })

  it('should give the next reminder time, and a new one when the start moves', () => {
    expect(nextReminderAt(START, [24, 2], [])).toBe('2026-12-04T06:30:00.000Z')
    expect(nextReminderAt(START, [24, 2], [`${START}|24`])).toBe('2026-12-05T04:30:00.000Z')
    expect(nextReminderAt(START, [24, 2], [`${START}|24`, `${START}|2`])).toBeNull()
    expect(nextReminderAt('2026-12-06T06:30:00.000Z', [24, 2], [`${START}|24`, `${START}|2`])).toBe(
      '2026-12-05T06:30:00.000Z',
    )
  })

  it.each([
    [0, 500, 'none'],
    [10, 7, 'none'],
    [10, 8, 'almost_full'],
    [10, 10, 'full'],
    [3, 2, 'none'],
    [5, 4, 'almost_full'],
  ])('should alert capacity %i with %i taken as %s', (capacity, taken, alert) => {
    expect(capacityAlert(capacity, taken)).toBe(alert)
  })
})
