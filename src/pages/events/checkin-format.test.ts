import { checkInLine, hoursLabel, venueFrom, venueFromScan } from './checkin-format'

describe('checkInLine', () => {
  it.each([
    ['checked_in', '已签到 14:40'],
    ['already', '已签到过（14:40），无需重复签到'],
  ] as const)('should say %s as %s in Shanghai time', (outcome, line) => {
    expect(checkInLine({ outcome, checkedInAt: '2026-12-05T06:40:00.000Z' })).toBe(line)
  })
})

describe('venueFrom', () => {
  it.each([
    ['a 小程序码 scene', { scene: encodeURIComponent('v=ABCDE12345') }, { eventId: null, venueCode: 'ABCDE12345' }],
    ['an H5 link', { eventId: 'e-1', v: 'ABCDE12345' }, { eventId: 'e-1', venueCode: 'ABCDE12345' }],
    ['the detail link with id only', { id: 'e-1' }, { eventId: 'e-1', venueCode: null }],
  ])('should read %s', (_what, params, expected) => {
    expect(venueFrom(params)).toEqual(expected)
  })
})

describe('venueFromScan', () => {
  it.each([
    [
      'an H5 link',
      'http://127.0.0.1:8080/#/pages/events/checkin?eventId=e-1&v=ABCDE12345',
      { eventId: 'e-1', venueCode: 'ABCDE12345' },
    ],
    ['a 小程序码 path', 'pages/events/checkin?scene=v%3DABCDE12345', { eventId: null, venueCode: 'ABCDE12345' }],
    ['some other QR', 'hello', { eventId: null, venueCode: null }],
  ])('should read %s', (_what, text, expected) => {
    expect(venueFromScan(text)).toEqual(expected)
  })
})

describe('hoursLabel', () => {
  it.each([
    [2, '2 小时'],
    [1.5, '1.5 小时'],
  ])('should say %s as %s', (h, label) => {
    expect(hoursLabel(h)).toBe(label)
  })
})
