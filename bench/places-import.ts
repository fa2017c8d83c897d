/**
 * 小区/楼栋 import at street scale: a 2,000-building spreadsheet (100 小区 × 20 楼栋, 20
 * households each: 40,000 households) into one community, in process on a fresh embedded
 * database with the demo seed. Prints the file size, the time of `importPreview` and of
 * `importCommit` (each reads and plans the whole file), the time of a second preview of the
 * same file (everything unchanged), and the process's peak RSS.
 *
 *   npx tsx bench/places-import.ts     (BENCH_ESTATES=100 BENCH_BUILDINGS=20)
 */
import '../demo/test-seeds'
import { createTestEnv } from '../cloudfunctions/core/testing'
import { HEADER, upload, xlsx, type TestCell } from '../cloudfunctions/places/test-helpers'
import type { ImportPreview } from '../types/places'
import { fmt, mb } from './lib/measure'

const ESTATES = Number(process.env.BENCH_ESTATES ?? 100)
const BUILDINGS = Number(process.env.BENCH_BUILDINGS ?? 20)
const HOUSEHOLDS = 20
const SECRETARY = 'demo-secretary-1'

function* rows(): Generator<TestCell[]> {
  yield HEADER
  for (let e = 1; e <= ESTATES; e++) {
    for (let b = 1; b <= BUILDINGS; b++)
      yield [`幸福里${e}期`, `${b}号楼`, e % 2 ? '第一网格' : '第二网格', 1 + (b % 4), HOUSEHOLDS]
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint()
  const out = await fn()
  return [out, Number(process.hrtime.bigint() - t0) / 1e6]
}

async function main(): Promise<void> {
  const env = await createTestEnv()
  try {
    const bytes = await xlsx(rows())
    const fileId = await upload(env, SECRETARY, bytes)
    const call = env.loginAs(SECRETARY)
    const event = { communityId: 'c-dongxianmen', fileId }
    const [preview, previewMs] = await timed(() => call<ImportPreview>('places', { action: 'importPreview', ...event }))
    if (!preview.ok) throw new Error(preview.error.message)
    const [commit, commitMs] = await timed(() =>
      call<{ buildingsCreated: number }>('places', { action: 'importCommit', ...event, digest: preview.data.digest }),
    )
    if (!commit.ok) throw new Error(commit.error.message)
    const [again, againMs] = await timed(() => call<ImportPreview>('places', { action: 'importPreview', ...event }))
    if (!again.ok) throw new Error(again.error.message)
    console.log(
      `places import: ${ESTATES * BUILDINGS} 楼栋 in ${ESTATES} 小区, ${ESTATES * BUILDINGS * HOUSEHOLDS} households; file ${(bytes.length / 1024).toFixed(0)} KiB`,
    )
    console.log(`  preview          ${fmt(previewMs)}  (${JSON.stringify(preview.data.counts)})`)
    console.log(`  commit           ${fmt(commitMs)}  (${JSON.stringify(commit.data)})`)
    console.log(`  preview again    ${fmt(againMs)}  (unchanged ${again.data.counts.unchanged})`)
    console.log(`  peak RSS         ${mb(process.resourceUsage().maxRSS * 1024)}`)
  } finally {
    await env.close()
  }
}

void main()
