import { createRealClock } from './clock'

describe('clock', () => {
  it('should follow real time', async () => {
    const clock = createRealClock()
    const first = clock.now().getTime()
    await new Promise((r) => setTimeout(r, 5))
    expect(clock.now().getTime()).toBeGreaterThan(first)
  })

  it('should move by what is advanced and keep running from where it was set', async () => {
    const clock = createRealClock()
    clock.set('2030-01-01T00:00:00Z')
    expect(Math.abs(clock.now().getTime() - Date.parse('2030-01-01T00:00:00Z'))).toBeLessThan(1000)
    const before = clock.now().getTime()
    clock.advance(3_600_000)
    expect(clock.now().getTime() - before).toBeGreaterThanOrEqual(3_600_000)
  })
})
