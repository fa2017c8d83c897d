import { startSweepLoop } from './sweep-loop'

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('sweep-loop', () => {
  it('should never run a sweep while the previous one is still running', async () => {
    let running = 0
    let maxRunning = 0
    let runs = 0
    const threeRuns = deferred()
    const loop = startSweepLoop(
      async () => {
        running++
        maxRunning = Math.max(maxRunning, running)
        // Far longer than the interval: an overlapping loop would start more sweeps meanwhile.
        await new Promise((r) => setTimeout(r, 30))
        running--
        if (++runs === 3) threeRuns.resolve()
      },
      1,
      () => undefined,
    )
    await threeRuns.promise
    await loop.stop()
    expect(maxRunning).toBe(1)
  })

  it('should keep going after a sweep fails and report the error', async () => {
    const errors: unknown[] = []
    let runs = 0
    const twoRuns = deferred()
    const loop = startSweepLoop(
      async () => {
        if (++runs === 2) twoRuns.resolve()
        if (runs === 1) throw new Error('boom')
      },
      1,
      (err) => errors.push(err),
    )
    await twoRuns.promise
    await loop.stop()
    expect(errors).toHaveLength(1)
    expect(runs).toBeGreaterThanOrEqual(2)
  })

  it('should wait for a running sweep when stopped', async () => {
    const started = deferred()
    let finished = false
    const loop = startSweepLoop(
      async () => {
        started.resolve()
        await new Promise((r) => setTimeout(r, 20))
        finished = true
      },
      1,
      () => undefined,
    )
    await started.promise
    await loop.stop()
    expect(finished).toBe(true)
  })
})
