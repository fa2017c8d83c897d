import { fontScale, LARGE_TEXT_SCALE, MAX_SCALE } from './font-scale'

describe('fontScale', () => {
  it('should be 1 with the switch off and the standard WeChat size', () => {
    expect(fontScale(false, 17)).toBe(1)
  })
  it('should enlarge when the 大字 switch is on', () => {
    expect(fontScale(true, 17)).toBe(LARGE_TEXT_SCALE)
  })
  it('should follow a larger WeChat font setting even with the switch off', () => {
    expect(fontScale(false, 22)).toBe(1.29)
  })
  it('should never shrink below 1 when WeChat is set smaller', () => {
    expect(fontScale(false, 14)).toBe(1)
  })
  it('should cap very large settings so layouts still fit', () => {
    expect(fontScale(true, 40)).toBe(MAX_SCALE)
  })
  it('should ignore a missing system setting (H5)', () => {
    expect(fontScale(true, undefined)).toBe(LARGE_TEXT_SCALE)
  })
})
