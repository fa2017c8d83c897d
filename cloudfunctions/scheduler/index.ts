import { z } from 'zod'
import { defineContract } from '../../types/contract'
import { defineFunction } from '../core/define-function'
import { runSweeps } from './sweeps'

export { runSweeps, SWEEPS, type Sweep } from './sweeps'

/** Only the timer and an administrator run the sweeps; the app never calls this function. */
export const SchedulerContract = defineContract({
  runSweeps: {
    input: z.object({}),
    output: z.object({
      results: z.array(z.object({ name: z.string(), ok: z.boolean(), result: z.unknown().optional() })),
    }),
  },
})

/** The `scheduler` function: a CloudBase timer trigger (config.json) runs every sweep. */
export const scheduler = defineFunction(
  'scheduler',
  SchedulerContract,
  { runSweeps: { access: 'sweeps.run', handler: async (_input, ctx) => ({ results: await runSweeps(ctx.rt) }) } },
  { onTimer: (rt) => runSweeps(rt) },
)

export const main = scheduler.main
