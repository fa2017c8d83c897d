import {
  attendeeKey,
  checkInMoment,
  checkInWindow,
  matchesQuery,
  personalCode,
  sameCode,
  serviceHours,
  venueCodeOf,
  windowState,
} from './checkin-rules'

describe('personalCode', () => {
  it('should give twelve unambiguous characters, the same for the same registration and round', () => {
    const code = personalCode('s1', 'e-1:openid-a', 1)
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/)
    expect(personalCode('s1', 'e-1:openid-a', 1)).toBe(code)
  })

  it.each([
    ['another secret', ['s2', 'e-1:openid-a', 1]],
    ['another registration', ['s1', 'e-1:openid-b', 1]],
    ['another round', ['s1', 'e-1:openid-a', 2]],
  ] as const)('should differ for %s', (_what, [secret, reg, round]) => {
    expect(personalCode(secret, reg, round)).not.toBe(personalCode('s1', 'e-1:openid-a', 1))
  })

  it('should not contain the openid', () => {
    expect(personalCode('s1', 'e-1:openid-a', 1)).not.toContain('OPENID')
  })
})

describe('venueCodeOf', () => {
  it('should fit a 小程序码 scene with its prefix and differ per event', () => {
    const v = venueCodeOf('s1', 'e-123e4567-e89b-12d3-a456-426614174000')
    expect(`v=${v}`.length).toBeLessThanOrEqual(32)
    expect(v).not.toBe(venueCodeOf('s1', 'e-other'))
  })
})

describe('sameCode', () => {
  it.each([
    ['ABC', 'ABC', true],
    ['ABC', 'ABD', false],
    ['ABC', 'ABCD', false],
  ])('should compare %s and %s as %s', (a, b, same) => {
    expect(sameCode(a, b)).toBe(same)
  })
})

describe('attendeeKey', () => {
  it('should be short, stable and not show the reference', () => {
    const key = attendeeKey('e-1:demo-resident-1')
    expect(key).toHaveLength(16)
    expect(key).toBe(attendeeKey('e-1:demo-resident-1'))
    expect(key).not.toContain('demo')
  })
})

describe('checkInWindow', () => {
  const w = checkInWindow('2026-12-05T06:30:00.000Z', '2026-12-05T08:00:00.000Z')

  it('should open 30 minutes before the start and close at the end', () => {
    expect(w).toEqual({ opensAt: '2026-12-05T06:00:00.000Z', closesAt: '2026-12-05T08:00:00.000Z' })
  })

  it.each([
    ['2026-12-05T05:59:59.000Z', 'before'],
    ['2026-12-05T06:00:00.000Z', 'open'],
    ['2026-12-05T08:00:00.000Z', 'open'],
    ['2026-12-05T08:00:01.000Z', 'after'],
  ])('should say %s is %s', (at, state) => {
    expect(windowState(w, new Date(at))).toBe(state)
  })
})

describe('checkInMoment', () => {
  const now = new Date('2026-12-05T07:00:00.000Z')
  it.each([
    ['no scan time', undefined, now.toISOString()],
    ['an earlier offline scan', '2026-12-05T06:40:00.000Z', '2026-12-05T06:40:00.000Z'],
    ['a scan from the future', '2026-12-05T07:00:01.000Z', null],
    ['a scan over a day old', '2026-12-04T06:59:59.000Z', null],
  ])('should take %s as %s', (_what, scannedAt, expected) => {
    expect(checkInMoment(now, scannedAt)?.toISOString() ?? null).toBe(expected)
  })
})

describe('serviceHours', () => {
  const event = {
    startAt: '2026-12-05T06:30:00.000Z',
    endAt: '2026-12-05T08:00:00.000Z',
    checkedInAt: '2026-12-05T06:20:00.000Z',
  }
  it.each([
    ['the scheduled length without a check-out', null, 1.5],
    ['the real stay, in whole half hours', '2026-12-05T09:05:00.000Z', 2.5],
    ['at least half an hour', '2026-12-05T06:25:00.000Z', 0.5],
    ['at most twelve hours', '2026-12-06T08:00:00.000Z', 12],
  ])('should credit %s', (_what, checkOutAt, hours) => {
    expect(serviceHours({ ...event, checkOutAt })).toBe(hours)
  })
})

describe('matchesQuery', () => {
  const p = { name: '王秀兰', phone: '13912345678' }
  it.each([
    [undefined, true],
    ['秀兰', true],
    ['5678', true],
    ['1234', false],
    ['李', false],
  ])('should match %s: %s', (q, hit) => {
    expect(matchesQuery(p, q)).toBe(hit)
  })
})
