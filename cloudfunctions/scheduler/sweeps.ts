import { CASE_SWEEPS } from '../cases/sweeps'
import { drainOutbox } from '../core/outbox'
import { EVENT_SWEEPS } from '../events/sweeps'
import type { Runtime } from '../core/runtime'
import { NOTICE_SWEEPS } from '../notices/sweeps'
import { WISH_SWEEPS } from '../wishes/sweeps'

/**
 * A periodic job: overdue cases, revisit tasks, claim expiry, event reminders… Each must
 * be safe to run twice at once and after a crash (conditional updates, dedupe keys), since
 * a timer can fire while the previous run is still going.
 */
export interface Sweep {
  name: string
  run(rt: Runtime): Promise<unknown>
}

/** Feature sweeps, in order. Features append theirs here; the outbox drain always runs after them. */
export const SWEEPS: Sweep[] = [...WISH_SWEEPS, ...CASE_SWEEPS, ...NOTICE_SWEEPS, ...EVENT_SWEEPS]

/** Delivers what the sweeps (and the actions since the last tick) queued. */
export const OUTBOX_SWEEP: Sweep = { name: 'outbox', run: (rt) => drainOutbox(rt, { limit: 200 }) }

export interface SweepResult {
  name: string
  ok: boolean
  result?: unknown
}

/**
 * Runs every sweep, then drains the outbox. A failing sweep is logged and does not stop
 * the others: a bug in claim expiry must not hold back case deadlines or notifications.
 */
export async function runSweeps(rt: Runtime, sweeps: readonly Sweep[] = SWEEPS): Promise<SweepResult[]> {
  const results: SweepResult[] = []
  for (const sweep of [...sweeps, OUTBOX_SWEEP]) {
    try {
      results.push({ name: sweep.name, ok: true, result: await sweep.run(rt) })
    } catch (error) {
      rt.log.error(`sweep ${sweep.name} failed`, {
        cause: error instanceof Error ? (error.stack ?? error.message) : String(error),
      })
      results.push({ name: sweep.name, ok: false })
    }
  }
  return results
}
