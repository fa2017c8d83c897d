import type { Runtime } from './runtime'

/** What a test database starts with: everything, or just the org tree and the accounts. */
export type TestSeedSet = 'all' | 'base'

type Seeder = (rt: Runtime, set: TestSeedSet) => Promise<unknown>

let seeder: Seeder | null = null

/**
 * The demo data lives in demo/, which imports the functions, so the functions' core may not
 * import it back. The jest setup file demo/test-seeds.ts (`setupFiles` in jest.config.js)
 * hands it in here once per test file; createTestEnv() seeds through it.
 */
export function useTestSeeder(seed: Seeder): void {
  seeder = seed
}

export async function seedTestData(rt: Runtime, set: TestSeedSet): Promise<void> {
  if (!seeder) throw new Error('no test seeds: run under jest.config.js, whose setupFiles load demo/test-seeds.ts')
  await seeder(rt, set)
}
