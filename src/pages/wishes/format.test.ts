import { charCount, formatNeededBy, neededByDate } from './format'

describe('wish format helpers', () => {
  it('should compute the needed-by date in Shanghai even late in the UTC evening', () => {
    // 2025-03-03 17:00 UTC is 4 March 01:00 in Shanghai.
    expect(neededByDate(new Date('2025-03-03T17:00:00Z'), 3)).toBe('2025-03-07')
    expect(neededByDate(new Date('2025-03-03T02:00:00Z'), 7)).toBe('2025-03-10')
  })

  it('should show a date the way a notice would', () => {
    expect(formatNeededBy('2025-03-10')).toBe('3月10日前')
  })

  it('should count an emoji as one character', () => {
    expect(charCount(' 谢谢👍 ')).toBe(3)
  })
})
