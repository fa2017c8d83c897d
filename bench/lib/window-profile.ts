import { Session } from 'node:inspector/promises'
import { writeFileSync } from 'node:fs'

/**
 * A V8 CPU profile of one window of a benchmark (not its start-up, seeding or warm-up):
 * `const stop = await startWindowProfile()` … `await stop(file)`; read the file with
 * `npx tsx bench/lib/profile-summary.ts <file>`.
 */
export async function startWindowProfile(intervalUs = 200): Promise<(file: string) => Promise<void>> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs })
  await session.post('Profiler.start')
  return async (file) => {
    const { profile } = await session.post('Profiler.stop')
    writeFileSync(file, JSON.stringify(profile))
    session.disconnect()
  }
}
