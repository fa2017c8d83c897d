/**
 * What checking every answer against its contract costs (cloudfunctions/core/define-function.ts
 * `checkAnswer`): real answers of the busiest actions from a seeded database, each parsed by
 * its output schema many times. Prints the cost per answer beside the whole call's time.
 */
import { seedDemoCases } from '../demo/cases'
import { registry } from '../cloudfunctions/registry'
import { createTestEnv } from '../cloudfunctions/core/testing'
import { fmt, measure } from './lib/measure'

const PROBES: [string, string, string, Record<string, unknown>][] = [
  ['demo-resident-1', 'users', 'me', {}],
  ['demo-resident-1', 'users', 'inbox', {}],
  ['demo-volunteer-1', 'wishes', 'wall', { communityId: 'c-dongxianmen' }],
  ['demo-secretary-1', 'cases', 'inbox', { unitId: 'c-dongxianmen', box: 'processing' }],
  ['demo-resident-1', 'stations', 'nearby', { point: { lng: 108.9593, lat: 34.2581 } }],
]

async function main() {
  const env = await createTestEnv()
  await seedDemoCases(env.rt)
  console.log('action                     answer bytes   check p50   whole call p50   share')
  for (const [openid, fn, action, input] of PROBES) {
    const event = { action, ...input }
    const res = await env.call(openid, fn, event)
    if (!res.ok) throw new Error(`${fn}.${action}: ${res.error.message}`)
    const schema = registry[fn as keyof typeof registry].contract[action]!.output
    const check = await measure(() => schema.safeParse(res.data), 2000)
    const call = await measure(() => env.call(openid, fn, event), 200)
    const row = `${fn}.${action}`.padEnd(26)
    const bytes = String(JSON.stringify(res.data).length).padStart(12)
    const share = `${((check.medianMs / call.medianMs) * 100).toFixed(1)}%`
    console.log(
      `${row} ${bytes}   ${fmt(check.medianMs).padStart(9)}   ${fmt(call.medianMs).padStart(14)}   ${share.padStart(5)}`,
    )
  }
  await env.close()
}

void main()
