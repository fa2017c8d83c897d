/**
 * 社区通知 benchmarks, in process, through `notices.invoke` (the function framework, zod,
 * the real CloudBase SDK on a file-backed embedded database):
 *   (a) publishing to BENCH_RECIPIENTS (default 10000,50000) residents of one grid: time from
 *       `publish` until every receipt is written (the call writes the first batches, the
 *       scheduler's sweep the rest, as in production), and the process's peak RSS;
 *   (b) at that size, a resident's notice list and the secretary's reach view and
 *       not-reached page, p50 and p99.
 * `npx tsx bench/notices.ts`, `BENCH_RECIPIENTS=1000 npx tsx bench/notices.ts`.
 * Figures are printed, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { notices } from '../cloudfunctions/notices'
import { NOTICE_COLLECTIONS, type NoticeDoc } from '../cloudfunctions/notices/collections'
import { noticeSweep } from '../cloudfunctions/notices/publication'
import { INDEXES } from '../cloudfunctions/core/indexes'
import { createLocalRuntime, createSettableClock, type LocalRuntime } from '../cloudfunctions/core/local-runtime'
import { seedDemo, UNIT_IDS } from '../demo'
import { openEmbeddedDb } from '../embedded-db'
import { fmt, mb, timed } from './lib/measure'

const SIZES = (process.env.BENCH_RECIPIENTS ?? '10000,50000').split(',').map(Number)
const GRID = UNIT_IDS.dongxianmenGrid1
const SECRETARY = { openid: 'demo-secretary-1' }

async function addResidents(rt: LocalRuntime, n: number): Promise<void> {
  const unitIds = ['d-beilin', 's-baishulin', UNIT_IDS.dongxianmen, GRID, 'e-bench', 'b-bench']
  for (let i = 0; i < n; i += 1000) {
    const page = Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({
      _id: `bench-${String(i + j).padStart(7, '0')}`,
      name: '居民',
      phone: '13900000000',
      communityId: UNIT_IDS.dongxianmen,
      address: {
        communityId: UNIT_IDS.dongxianmen,
        gridId: GRID,
        estateId: 'e-bench',
        buildingId: 'b-bench',
        unitIds,
        room: '',
        status: 'confirmed',
        declaredAt: '',
        confirmedAt: null,
        confirmedBy: null,
      },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    }))
    await rt.db.collection('users').add(page)
  }
}

async function ok<T>(rt: LocalRuntime, caller: { openid: string }, event: Record<string, unknown>): Promise<T> {
  const res = await notices.invoke(event, caller, rt)
  if (!res.ok) throw new Error(`${String(event.action)}: ${res.error.message}`)
  return res.data as T
}

async function run(n: number): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'minhu-bench-notices-'))
  const opened = openEmbeddedDb({ file: path.join(work, 'bench.sqlite'), indexes: INDEXES })
  const rt = createLocalRuntime({
    db: opened.db,
    clock: createSettableClock('2026-11-22T02:00:00Z'),
    dataDir: work,
    quiet: true,
  })
  try {
    await seedDemo(rt)
    await addResidents(rt, n)
    let peak = process.memoryUsage().rss
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    const draft = await ok<{ id: string }>(rt, SECRETARY, {
      action: 'create',
      unitId: UNIT_IDS.dongxianmen,
      title: '第一网格停水通知',
      body: '因管网维修，明日8:00至18:00停水，请提前储水。',
      summary: '明日白天停水',
      category: 'water_power',
      ackRequired: true,
      audience: { unitIds: [GRID] },
    })
    const t0 = process.hrtime.bigint()
    // CPU time beside wall time: on a machine shared with other work the wall figure alone says little.
    const cpu0 = process.cpuUsage()
    await ok(rt, SECRETARY, { action: 'publish', noticeId: draft.id })
    for (;;) {
      const doc = (await rt.db.collection(NOTICE_COLLECTIONS.notices).doc(draft.id).get()).data[0] as NoticeDoc
      if (doc.status === 'published') break
      await noticeSweep(rt)
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6
    const cpu = process.cpuUsage(cpu0)
    clearInterval(sampler)
    const receipts = (await rt.db.collection(NOTICE_COLLECTIONS.receipts).where({ noticeId: draft.id }).count()).total
    console.log(
      `publish to ${n} residents: ${receipts} receipts in ${(ms / 1000).toFixed(1)} s (${Math.round((receipts / ms) * 1000)} receipts/s), CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, peak RSS ${mb(peak)}`,
    )

    const resident = { openid: 'bench-0000042' }
    const list = await timed(() => ok(rt, resident, { action: 'list' }), 300)
    console.log(`  resident list: p50 ${fmt(list.p50)}, p99 ${fmt(list.p99)}`)
    const reach = await timed(() => ok(rt, SECRETARY, { action: 'reach', noticeId: draft.id }), 50)
    console.log(`  reach view (totals + rows by grid): p50 ${fmt(reach.p50)}, p99 ${fmt(reach.p99)}`)
    const missing = await timed(() => ok(rt, SECRETARY, { action: 'notReached', noticeId: draft.id, unitId: GRID }), 50)
    console.log(`  not-reached page (100 people of ${receipts}): p50 ${fmt(missing.p50)}, p99 ${fmt(missing.p99)}`)
  } finally {
    opened.close()
    rmSync(work, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  for (const n of SIZES) await run(n)
}

void main()
