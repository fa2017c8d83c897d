/**
 * 诉求 benchmarks, in process, through `cases.invoke` (the function framework, zod, the
 * real CloudBase SDK on a file-backed embedded database):
 *   (a) routing decisions/s on the demo org and rules (pure);
 *   (b) submit latency (route + number counter + case + timeline + outbox in one transaction);
 *   (c) a grid's inbox (one page + the six box counts) and (d) a community's figures,
 *       with BENCH_CASES (default 1000,10000) cases in the database, all handled by one grid
 *       (the worst case for its boxes), p50 and p99.
 * `npx tsx bench/cases.ts`, `BENCH_CASES=10000,500000 npx tsx bench/cases.ts`.
 * Submissions through the HTTP host under concurrency: bench/cases-host.ts.
 * Figures are printed, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { cases } from '../cloudfunctions/cases'
import { CASE_COLLECTIONS, type CaseDoc } from '../cloudfunctions/cases/collections'
import { buildOrgIndex, route } from '../cloudfunctions/cases/domain/routing'
import { loadUnits, toRoutingUnit } from '../cloudfunctions/cases/org-tree'
import { loadRules } from '../cloudfunctions/cases/settings'
import { INDEXES } from '../cloudfunctions/core/indexes'
import { createLocalRuntime, createSettableClock } from '../cloudfunctions/core/local-runtime'
import { DEMO_CATEGORIES } from '../demo/case-categories'
import { seedDemo } from '../demo'
import { openEmbeddedDb } from '../embedded-db'
import { addCounts } from '../cloudfunctions/cases/domain/figures'
import { tallyFigureCounters, type FigureCounterDoc } from '../cloudfunctions/cases/figure-counters'
import { fmt, measure, timed } from './lib/measure'
import { submitCase } from './lib/submit-case'

const SIZES = (process.env.BENCH_CASES ?? '1000,10000').split(',').map(Number)
const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 300)
const POINT = { lng: 108.9573, lat: 34.2581 }

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'minhu-bench-cases-'))
  const opened = openEmbeddedDb({ file: path.join(work, 'bench.sqlite'), indexes: INDEXES })
  const clock = createSettableClock('2026-11-22T02:00:00Z')
  const rt = createLocalRuntime({ db: opened.db, clock, dataDir: work, quiet: true })
  await seedDemo(rt)
  const tally = new Map<string, FigureCounterDoc>()

  // (a) routing, pure
  const index = buildOrgIndex((await loadUnits(rt.db)).map(toRoutingUnit))
  const rules = await loadRules(rt.db)
  const leaves = DEMO_CATEGORIES.filter((c) => c.parentCode)
  let i = 0
  const r = await measure(() => {
    const category = leaves[i++ % leaves.length]!
    route(index, rules, {
      category,
      location: { lng: POINT.lng + (i % 7) * 0.001, lat: POINT.lat },
      homeUnitId: 'c-dongxianmen',
      channel: 'miniprogram',
      fallbackUnitId: 'd-beilin',
    })
  }, 20000)
  console.log(
    `(a) route(): ${Math.round(r.perSecond).toLocaleString()} decisions/s, median ${fmt(r.medianMs)}, p95 ${fmt(r.p95Ms)} (${index.byId.size} units, ${index.grids.length} grids, ${rules.length} rules)`,
  )

  // (b) submit
  let n = 0
  const s = await measure(() => submitCase(rt, `bench-${String(++n).padStart(8, '0')}`, 'demo-resident-1'), SUBMITS, 20)
  console.log(
    `(b) submit: median ${fmt(s.medianMs)}, p95 ${fmt(s.p95Ms)}, ${s.perSecond.toFixed(0)}/s sequential (${SUBMITS} runs)`,
  )

  // (c)/(d) with more cases: clones of one stored case with fresh ids, spread over the last
  // year and four statuses, loaded through the SDK's add() with arrays of 1000 documents
  // (the engine's insertDocument path, indexes maintained), and their figure counters
  // recounted and added to the counters the function kept for the submits above.
  const template = ((await rt.db.collection(CASE_COLLECTIONS.cases).limit(1).get()).data as CaseDoc[])[0]!
  const statuses = ['pending_sign', 'processing', 'resolved', 'closed'] as const
  let have = ((await rt.db.collection(CASE_COLLECTIONS.cases).count()) as { total: number }).total
  // The counters the function kept for the submits above; the bulk load's are added to them.
  const base = new Map(
    ((await rt.db.collection(CASE_COLLECTIONS.figureCounters).limit(1000).get()).data as FigureCounterDoc[]).map(
      (c) => [c._id, c],
    ),
  )
  for (const size of SIZES) {
    const t0 = Date.now()
    while (have < size) {
      const batch: CaseDoc[] = []
      for (const end = Math.min(size, have + 1000); have < end; have++) {
        const k = have
        const { _id, ...rest } = template
        const status = statuses[k % statuses.length]!
        batch.push({
          ...rest,
          _id: `bench-${k}`,
          number: `BL-20261122-${String(100000 + k)}`,
          status,
          submittedAt: new Date(Date.parse(template.submittedAt) - (k % 525_600) * 60_000).toISOString(),
          resolution:
            status === 'resolved' || status === 'closed'
              ? {
                  disposition: 'solved',
                  ledger: 'general',
                  reply: '已处理',
                  resolvedAt: template.submittedAt,
                  onTime: k % 5 !== 0,
                }
              : null,
          rating:
            status === 'closed'
              ? {
                  value: k % 3 ? 'satisfied' : 'dissatisfied',
                  comment: '',
                  source: 'petitioner',
                  ratedAt: template.submittedAt,
                }
              : null,
        })
      }
      await rt.db.collection(CASE_COLLECTIONS.cases).add(batch)
      for (const c of tallyFigureCounters(batch, clock.now()))
        tally.set(c._id, tally.has(c._id) ? { ...c, ...addCounts(tally.get(c._id)!, c) } : c)
    }
    for (const c of tally.values()) {
      const kept = base.get(c._id)
      const { _id, ...body } = kept ? { ...c, ...addCounts({ ...c }, kept) } : c
      await rt.db.collection(CASE_COLLECTIONS.figureCounters).doc(_id).set(body)
    }
    const seedS = ((Date.now() - t0) / 1000).toFixed(1)
    const inbox = await timed(async () => {
      const res = await cases.invoke(
        { action: 'inbox', unitId: 'g-dongxianmen-1', box: 'processing' },
        { openid: 'demo-grid-1' },
        rt,
      )
      if (!res.ok) throw new Error(JSON.stringify(res.error))
    }, 200)
    const figures = await timed(async () => {
      const res = await cases.invoke(
        { action: 'figures', unitId: 'c-dongxianmen', from: '2026-10-01', to: '2026-11-30' },
        { openid: 'demo-secretary-1' },
        rt,
      )
      if (!res.ok) throw new Error(JSON.stringify(res.error))
    }, 100)
    const check = await cases.invoke(
      { action: 'figures', unitId: 'c-dongxianmen', from: '2026-10-01', to: '2026-11-30' },
      { openid: 'demo-secretary-1' },
      rt,
    )
    const received = check.ok ? (check.data as { received: number }).received : NaN
    console.log(
      `${size.toLocaleString()} cases (loaded in ${seedS} s): (c) inbox page + 6 counts p50 ${fmt(inbox.p50)}, p99 ${fmt(inbox.p99)}; ` +
        `(d) figures over the community, 2 months (${received.toLocaleString()} cases received) p50 ${fmt(figures.p50)}, p99 ${fmt(figures.p99)}`,
    )
  }
  opened.close()
  rmSync(work, { recursive: true, force: true })
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
