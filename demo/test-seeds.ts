import { useTestSeeder } from '../cloudfunctions/core/test-seeds'

// Jest setup file (see cloudfunctions/core/test-seeds.ts). The demo module is loaded on the
// first seeding only, so test files that never open a test database do not pay for it.
useTestSeeder(async (rt, set) => {
  const { BASE_SEEDS, seedDemo } = await import('./index')
  await seedDemo(rt, set === 'base' ? BASE_SEEDS : undefined)
})
