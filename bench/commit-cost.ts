/**
 * What committing a 诉求 submission costs the embedded database, in process (no HTTP):
 * BENCH_CLIENTS (default 32) callers submit BENCH_SUBMITS (default 1000) new cases through
 * `cases.invoke` on a file-backed database with the app's indexes, in the default durability
 * mode (group commit). Printed per submission: bytes and pages appended to the WAL (the
 * automatic checkpoint is off during the window, so the WAL's growth is everything written),
 * SQLite commits and fsyncs, and the process's CPU time.
 *
 *   npx tsx bench/commit-cost.ts
 * The WAL and commit figures do not depend on machine load; CPU does (compare back to back,
 * or count instructions with `valgrind --tool=callgrind`). Figures are printed, never asserted.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { INDEXES } from '../cloudfunctions/core/indexes'
import { createLocalRuntime, createSettableClock } from '../cloudfunctions/core/local-runtime'
import { seedDemo } from '../demo'
import { openEmbeddedDb } from '../embedded-db'
import { submitCase } from './lib/submit-case'
import { startWindowProfile } from './lib/window-profile'

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32)
const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 1000)
/** A WAL frame: a 24-byte header and one page. */
const FRAME_BYTES = 24 + 4096

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'minhu-bench-commit-'))
  const file = path.join(work, 'bench.sqlite')
  const opened = openEmbeddedDb({ file, indexes: INDEXES })
  const rt = createLocalRuntime({
    db: opened.db,
    clock: createSettableClock('2026-11-22T02:00:00Z'),
    dataDir: work,
    quiet: true,
  })
  await seedDemo(rt)
  let n = 0
  const submit = () => submitCase(rt, `bench-${String(++n).padStart(8, '0')}`, `demo-resident-${n % 2 ? 1 : 2}`)
  const pool = async (count: number): Promise<void> => {
    let left = count
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (left-- > 0) await submit()
      }),
    )
  }
  await pool(100) // warm-up: JIT, page cache, org tree
  const { sql, groupCommit } = opened.engine
  sql.pragma('wal_checkpoint(TRUNCATE)')
  sql.pragma('wal_autocheckpoint = 0')
  const walBefore = statSync(`${file}-wal`).size
  const stats = { ...groupCommit!.stats }
  // BENCH_CPU_PROF=<file>: a V8 CPU profile of the measured window only (bench/lib/profile-summary.ts reads it).
  const prof = process.env.BENCH_CPU_PROF
  const stopProfile = prof ? await startWindowProfile() : null
  const cpu = process.cpuUsage()
  const t0 = process.hrtime.bigint()
  await pool(SUBMITS)
  await stopProfile?.(prof!)
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  const used = process.cpuUsage(cpu)
  const walBytes = statSync(`${file}-wal`).size - walBefore
  const per = (k: keyof typeof stats): string => ((groupCommit!.stats[k] - stats[k]) / SUBMITS).toFixed(3)
  console.log(
    `${SUBMITS} submissions, ${CLIENTS} concurrent callers, in process, group commit: ` +
      `WAL ${(walBytes / SUBMITS / 1024).toFixed(1)} KB (${(walBytes / FRAME_BYTES / SUBMITS).toFixed(1)} pages) per submission; ` +
      `per submission ${per('commits')} logical write transactions, ${per('batches')} SQLite COMMITs of batches, ${per('flushes')} fsyncs; ` +
      `CPU ${((used.user + used.system) / 1000 / SUBMITS).toFixed(2)} ms per submission; ${(SUBMITS / seconds).toFixed(0)}/s`,
  )
  opened.close()
  rmSync(work, { recursive: true, force: true })
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
