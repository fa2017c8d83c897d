import { checkKeywords } from './content-keywords'
import { createSettableClock } from './local-runtime'

describe('local runtime', () => {
  it('should move the settable clock by set and advance', () => {
    const clock = createSettableClock('2025-03-03T00:00:00.000Z')
    clock.advance(90_000)
    expect(clock.now().toISOString()).toBe('2025-03-03T00:01:30.000Z')
    clock.set('2025-12-31T16:00:00.000Z')
    expect(clock.now().toISOString()).toBe('2025-12-31T16:00:00.000Z')
  })
  it('should judge text pass, review or risky by the shipped keyword list', () => {
    expect(checkKeywords('楼道灯坏了，麻烦社区帮忙修一下')).toBe('pass')
    expect(checkKeywords('有意者加微信详谈')).toBe('review')
    expect(checkKeywords('周末一起 赌-博 吧')).toBe('risky')
  })
})
