/**
 * Runs the scheduler's sweeps every `intervalMs`, the local stand-in for the CloudBase
 * timer trigger. The next run is scheduled only after the previous one finished, so a
 * slow sweep can never overlap itself (two drains at once would race on the outbox).
 */
export interface SweepLoop {
  /** Stops scheduling and waits for a sweep that is running now. */
  stop(): Promise<void>
}

export function startSweepLoop(
  sweep: () => Promise<unknown>,
  intervalMs: number,
  onError: (err: unknown) => void,
): SweepLoop {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined

  const tick = (): void => {
    running = sweep()
      .then(
        () => undefined,
        (err: unknown) => onError(err),
      )
      .finally(() => {
        running = undefined
        if (!stopped) schedule()
      })
  }
  const schedule = (): void => {
    timer = setTimeout(tick, intervalMs)
    // A pending sweep must not keep a finished process (a test, a script) alive.
    timer.unref()
  }

  schedule()
  return {
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
