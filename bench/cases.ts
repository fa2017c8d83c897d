/**
 * 诉求 benchmarks, in process, through `cases.invoke` (the function framework, zod, the
 * real CloudBase SDK on a file-backed embedded database):
 *   (a) routing decisions/s on the demo org and rules (pure);
 *   (b) submit latency (route + number counter + case + timeline + outbox in one transaction);
 *   (c) a grid's inbox (one page + the six box counts) and (d) a community's figures,
 *       with BENCH_CASES (default 1000,10000) cases in the database.
 * `npx tsx bench/cases.ts`. Figures are printed, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { cases } from '../cloudfunctions/cases'
import { CASE_COLLECTIONS, type CaseDoc } from '../cloudfunctions/cases/collections'
import { buildOrgIndex, route } from '../cloudfunctions/cases/domain/routing'
import { loadRules, loadUnits, toRoutingUnit } from '../cloudfunctions/cases/service'
import { createLocalRuntime, createSettableClock } from '../cloudfunctions/core/local-runtime'
import { DEMO_CATEGORIES } from '../demo/cases'
import { seedDemo } from '../demo'
import { openEmbeddedDb } from '../embedded-db'
import { fmt, measure } from './lib/measure'

const SIZES = (process.env.BENCH_CASES ?? '1000,10000').split(',').map(Number)
const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 300)
const POINT = { lng: 108.9573, lat: 34.2581 }

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'minhu-bench-cases-'))
  const opened = openEmbeddedDb({ file: path.join(work, 'bench.sqlite') })
  const clock = createSettableClock('2026-11-22T02:00:00Z')
  const rt = createLocalRuntime({ db: opened.db, clock, dataDir: work, quiet: true })
  await seedDemo(rt)

  // (a) routing, pure
  const index = buildOrgIndex((await loadUnits(rt.db)).map(toRoutingUnit))
  const rules = await loadRules(rt.db)
  const leaves = DEMO_CATEGORIES.filter((c) => c.parentCode)
  let i = 0
  const r = await measure(() => {
    const category = leaves[i++ % leaves.length]!
    route(index, rules, { category, location: { lng: POINT.lng + (i % 7) * 0.001, lat: POINT.lat }, homeUnitId: 'c-dongxianmen', channel: 'miniprogram', fallbackUnitId: 'd-beilin' })
  }, 20000)
  console.log(`(a) route(): ${Math.round(r.perSecond).toLocaleString()} decisions/s, median ${fmt(r.medianMs)}, p95 ${fmt(r.p95Ms)} (${index.byId.size} units, ${index.grids.length} grids, ${rules.length} rules)`)

  // (b) submit
  let n = 0
  const s = await measure(async () => {
    const res = await cases.invoke(
      { action: 'submit', clientRequestId: `bench-${String(++n).padStart(8, '0')}`, categoryCode: 'environment.litter', description: '楼道垃圾无人清运', location: POINT },
      { openid: 'demo-resident-1' },
      rt,
    )
    if (!res.ok) throw new Error(JSON.stringify(res.error))
  }, SUBMITS, 20)
  console.log(`(b) submit: median ${fmt(s.medianMs)}, p95 ${fmt(s.p95Ms)}, ${s.perSecond.toFixed(0)}/s sequential (${SUBMITS} runs)`)

  // (c)/(d) with more cases: clone one stored case with fresh ids and spread statuses
  const template = ((await rt.db.collection(CASE_COLLECTIONS.cases).limit(1).get()).data as CaseDoc[])[0]!
  const statuses = ['pending_sign', 'processing', 'resolved', 'closed'] as const
  let have = (await rt.db.collection(CASE_COLLECTIONS.cases).count()) as { total: number }
  for (const size of SIZES) {
    const t0 = Date.now()
    for (let k = have.total; k < size; k++) {
      const { _id, ...rest } = template
      const status = statuses[k % statuses.length]!
      await rt.db.collection(CASE_COLLECTIONS.cases).add({
        ...rest,
        number: `BL-20261122-${String(100000 + k)}`,
        status,
        submittedAt: new Date(Date.parse(template.submittedAt) - k * 60_000).toISOString(),
        resolution: status === 'resolved' || status === 'closed' ? { disposition: 'solved', ledger: 'general', reply: '已处理', resolvedAt: template.submittedAt, onTime: k % 5 !== 0 } : null,
        rating: status === 'closed' ? { value: k % 3 ? 'satisfied' : 'dissatisfied', comment: '', source: 'petitioner', ratedAt: template.submittedAt } : null,
      })
    }
    have = { total: size }
    const seedS = ((Date.now() - t0) / 1000).toFixed(1)
    const inbox = await measure(async () => {
      const res = await cases.invoke({ action: 'inbox', unitId: 'g-dongxianmen-1', box: 'processing' }, { openid: 'demo-grid-1' }, rt)
      if (!res.ok) throw new Error(JSON.stringify(res.error))
    }, 50, 5)
    const figures = await measure(async () => {
      const res = await cases.invoke({ action: 'figures', unitId: 'c-dongxianmen', from: '2026-10-01', to: '2026-11-30' }, { openid: 'demo-secretary-1' }, rt)
      if (!res.ok) throw new Error(JSON.stringify(res.error))
    }, 10, 2)
    console.log(`${size.toLocaleString()} cases (seeded in ${seedS} s): (c) inbox page + 6 counts median ${fmt(inbox.medianMs)}, p95 ${fmt(inbox.p95Ms)}; (d) figures over the community median ${fmt(figures.medianMs)}, p95 ${fmt(figures.p95Ms)}`)
  }
  await opened.close()
  rmSync(work, { recursive: true, force: true })
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
