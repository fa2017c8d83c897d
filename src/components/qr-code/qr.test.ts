import { qrDataUrl, qrModules } from './qr'

describe('qrDataUrl', () => {
  it('should make a GIF data URL the Image component can show', () => {
    expect(qrDataUrl('ABCD1234EFGH')).toMatch(/^data:image\/gif;base64,[A-Za-z0-9+/=]+$/)
  })

  it('should make different images for different codes', () => {
    expect(qrDataUrl('ABCD1234EFGH')).not.toBe(qrDataUrl('ABCD1234EFGJ'))
  })
})

describe('qrModules', () => {
  it('should keep a personal code in the smallest version (21 modules) so old phones read it from a screen', () => {
    expect(qrModules('ABCD1234EFGH')).toBe(21)
  })

  it('should grow for a page link with the venue code', () => {
    expect(
      qrModules(
        'http://127.0.0.1:8080/#/pages/events/checkin?eventId=e-123e4567-e89b-12d3-a456-426614174000&v=ABCDE12345',
      ),
    ).toBeGreaterThan(21)
  })
})
