import { charCount, formatNeededBy } from './format'

describe('wish format helpers', () => {
  it('should show a date the way a notice would', () => {
    expect(formatNeededBy('2025-03-10')).toBe('3月10日前')
  })

  it('should count an emoji as one character', () => {
    expect(charCount(' 谢谢👍 ')).toBe(3)
  })
})
