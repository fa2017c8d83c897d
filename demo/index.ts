import { COLLECTIONS } from '../cloudfunctions/core/collections'
import type { Runtime } from '../cloudfunctions/core/runtime'
import { seedAccounts } from './accounts'
import { seedCases } from './cases'
import { seedEvents } from './events'
import { seedOrg } from './org'
import { seedPlaces } from './places'
import { seedStations } from './stations'
import { seedWishes } from './wishes'

export { DEMO_ACCOUNTS, type DemoOpenid } from './accounts'
export { ORG_SEED, UNIT_IDS } from './org'
export { DEMO_PLACES } from './places'

/**
 * The demo seeds in order. Feature issues append theirs (stations, categories, …); each
 * runs after the org tree and accounts exist and writes fixed ids, so a rerun is harmless.
 */
export const DEMO_SEEDS: { name: string; seed(rt: Runtime): Promise<void> }[] = [
  { name: 'org', seed: seedOrg },
  { name: 'accounts', seed: seedAccounts },
  { name: 'places', seed: seedPlaces },
  { name: 'stations', seed: seedStations },
  { name: 'cases', seed: seedCases },
  { name: 'wishes', seed: seedWishes },
  { name: 'events', seed: seedEvents },
]

/** Just the org tree and the accounts: what framework tests need without feature noise. */
export const BASE_SEEDS = DEMO_SEEDS.filter((step) => step.name === 'org' || step.name === 'accounts')

/** Seeds the demo data into an empty database; a database with any org unit is left alone. */
export async function seedDemo(rt: Runtime, steps = DEMO_SEEDS): Promise<{ seeded: boolean }> {
  const units = (await rt.db.collection(COLLECTIONS.units).count()) as { total: number }
  if (units.total > 0) return { seeded: false }
  for (const step of steps) {
    await step.seed(rt)
    rt.log.info(`demo: seeded ${step.name}`)
  }
  return { seeded: true }
}
