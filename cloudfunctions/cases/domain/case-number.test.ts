import { counterId, districtPrefix, formatCaseNumber, parseCaseNumber } from './case-number'

describe('case-number', () => {
  it('should format prefix, Shanghai date and a four-digit sequence', () => {
    expect(formatCaseNumber('BL', new Date('2026-11-22T02:00:00Z'), 42)).toBe('BL-20261122-0042')
  })
  it('should use the Shanghai date just after local midnight', () => {
    expect(formatCaseNumber('GL', new Date('2026-11-22T16:00:00Z'), 1)).toBe('GL-20261123-0001')
  })
  it('should grow past 9999 instead of wrapping', () => {
    expect(formatCaseNumber('BL', new Date('2026-11-22T02:00:00Z'), 10000)).toBe('BL-20261122-10000')
  })
  it.each([0, -1, 1.5])('should refuse sequence %p', (n) => {
    expect(() => formatCaseNumber('BL', new Date(), n)).toThrow()
  })
  it('should keep one counter per prefix and Shanghai day', () => {
    expect(counterId('BL', new Date('2026-11-22T15:59:59Z'))).toBe('case-number:BL:20261122')
    expect(counterId('BL', new Date('2026-11-22T16:00:00Z'))).toBe('case-number:BL:20261123')
  })
  it('should parse what it formats, case-insensitively', () => {
    expect(parseCaseNumber(' bl-20261122-0042 ')).toEqual({ prefix: 'BL', date: '20261122', sequence: 42 })
    expect(parseCaseNumber('BL-2026112-0042')).toBeNull()
  })
  it('should fall back to XA for a district without a usable prefix', () => {
    expect(districtPrefix('gl')).toBe('GL')
    expect(districtPrefix(undefined)).toBe('XA')
    expect(districtPrefix('碑林')).toBe('XA')
  })
})
