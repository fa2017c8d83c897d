import * as contract from '../../../types/wishes'
import { CATEGORY_LABELS, STATUS_LABELS, WISH_CATEGORIES, WISH_LIMITS, charCount, formatNeededBy, neededByDate } from './format'

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

  it('should show the same categories, statuses and limits as the contract', () => {
    expect(WISH_CATEGORIES).toEqual(contract.WISH_CATEGORIES)
    expect(CATEGORY_LABELS).toEqual(contract.CATEGORY_LABELS)
    expect(STATUS_LABELS).toEqual(contract.STATUS_LABELS)
    expect(WISH_LIMITS).toEqual({ textMin: contract.WISH_LIMITS.textMin, textMax: contract.WISH_LIMITS.textMax, photosMax: contract.WISH_LIMITS.photosMax })
  })
})
