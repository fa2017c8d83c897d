/**
 * `stations.nearby` at 10k and 100k stations spread over greater Xi'an (about 4 900 km²).
 *
 * For each size, in one run on the same database:
 * 1. through the local host over HTTP (autocannon, loopback): p50, p99, requests per second;
 * 2. in process, the same nearby queries answered by the geo index (`geoNear`, as the
 *    function does) and by a full scan + haversine sort, for the ratio.
 * The host runs in a child process so autocannon does not share its event loop.
 *
 *   npx tsx bench/stations.ts     (BENCH_SIZES=10000,100000 BENCH_SECONDS=10 BENCH_CONNECTIONS=10)
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Db } from '@cloudbase/database'
import { autocannon, type CannonOptions } from './lib/autocannon'
import { announce, createBenchHost, forkServer } from './lib/bench-host'
import { fmt, measure } from './lib/measure'

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const RADIUS = 3000
const LIMIT = 20
/** 钟楼: where the HTTP query stands. */
const CENTRE = { lng: 108.9402, lat: 34.2611 }
const BOX = { minLng: 108.6, maxLng: 109.4, minLat: 34.0, maxLat: 34.6 }
const AMENITIES = ['reading', 'dining_rest', 'tea', 'first_aid', 'wifi', 'charging', 'toilet']

/** A fixed-seed generator (mulberry32) so every run builds the same stations and queries. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function fill(db: Db, count: number): Promise<number> {
  const rnd = random(42)
  const day = [{ open: '08:00', close: '21:00' }]
  const t0 = Date.now()
  const collection = db.collection('stations')
  for (let i = 0; i < count; i++) {
    const lng = BOX.minLng + rnd() * (BOX.maxLng - BOX.minLng)
    const lat = BOX.minLat + rnd() * (BOX.maxLat - BOX.minLat)
    await collection.add({
      name: `测试驿站${i}`,
      address: `西安市测试路${i}号`,
      location: new db.Geo.Point(lng, lat),
      unitId: 'c-dongxianmen',
      ancestors: ['d-beilin', 's-baishulin'],
      amenities: AMENITIES.filter(() => rnd() < 0.5),
      hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: rnd() < 0.5 ? day : [] },
      closures: [],
      photos: [],
      contact: { phone: '029-87213301' },
      description: null,
      createdAt: '2026-11-22T00:00:00.000Z',
      createdBy: 'bench',
      updatedAt: '2026-11-22T00:00:00.000Z',
      updatedBy: 'bench',
    })
  }
  return Date.now() - t0
}

interface Ready {
  url: string
  seedMs: number
  geo: { p50: number; p95: number; perSecond: number; runs: number }
  scan: { p50: number; p95: number; perSecond: number; runs: number }
}

/** Child: a host on a fresh database with `count` stations; measures the in-process ratio too. */
async function serve(count: number): Promise<void> {
  const { openEmbeddedDb } = await import('../embedded-db')
  const { INDEXES } = await import('../cloudfunctions/core/indexes')
  const { listStations, nearbyByFullScan } = await import('../cloudfunctions/stations/service')
  // NORMAL sync (survives kill -9, not power loss) so seeding 100k takes minutes, not an hour;
  // reads, which are what is measured, are the same either way.
  const opened = openEmbeddedDb({
    file: path.join(mkdtempSync(path.join(tmpdir(), 'minhu-bench-db-')), 'bench.sqlite'),
    indexes: INDEXES,
    synchronous: 'normal',
  })
  const { host, close } = createBenchHost('stations', opened.db)
  const db = host.runtime.db
  const seedMs = await fill(db, count)

  const rnd = random(7)
  const points = Array.from({ length: 200 }, () => ({
    lng: BOX.minLng + 0.1 + rnd() * (BOX.maxLng - BOX.minLng - 0.2),
    lat: BOX.minLat + 0.1 + rnd() * (BOX.maxLat - BOX.minLat - 0.2),
  }))
  const now = new Date()
  let g = 0
  const geo = await measure(async () => {
    const point = points[g++ % points.length]!
    const input = { point, radius: RADIUS, limit: LIMIT, offset: 0, amenities: [], openNow: false }
    await listStations(db, input, { point, source: 'point', name: null }, now, async (id) => id)
  }, 200)
  let s = 0
  // A full scan reads every station per query: fewer runs, or 100k would take minutes.
  const scanRuns = count >= 100_000 ? 5 : 20
  const scan = await measure(() => nearbyByFullScan(db, points[s++ % points.length]!, RADIUS, LIMIT, now), scanRuns, 1)

  const url = await host.listen(0)
  const pick = (t: { medianMs: number; p95Ms: number; perSecond: number; runs: number }) => ({
    p50: t.medianMs,
    p95: t.p95Ms,
    perSecond: t.perSecond,
    runs: t.runs,
  })
  announce<Ready>({ url, seedMs, geo: pick(geo), scan: pick(scan) }, () => close().then(() => opened.close()))
}

const start = (count: number) => forkServer<Ready>(__filename, ['serve', String(count)])

async function run(): Promise<void> {
  console.log(
    `stations.nearby: radius ${RADIUS} m, limit ${LIMIT}; HTTP: autocannon ${CONNECTIONS} connections, ${SECONDS}s, loopback`,
  )
  for (const count of SIZES) {
    const { child, ready } = await start(count)
    const options: CannonOptions = {
      url: `${ready.url}/api/stations`,
      connections: CONNECTIONS,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'nearby', point: CENTRE, radius: RADIUS, limit: LIMIT }),
    }
    await autocannon({ ...options, duration: 2 })
    const http = await autocannon({ ...options, duration: SECONDS })
    child.disconnect()

    console.log(
      `\n${count.toLocaleString('en')} stations (seeded through the SDK in ${(ready.seedMs / 1000).toFixed(1)} s)`,
    )
    console.log(
      `  HTTP  /api/stations nearby   ${http.requests.average.toFixed(0).padStart(6)} req/s   p50 ${http.latency.p50} ms   p99 ${http.latency.p99} ms   errors ${http.errors}  non-2xx ${http.non2xx}`,
    )
    console.log(
      `  in-process geoNear (index)   ${ready.geo.perSecond.toFixed(0).padStart(6)} q/s     p50 ${fmt(ready.geo.p50)}   p95 ${fmt(ready.geo.p95)}   (${ready.geo.runs} runs)`,
    )
    console.log(
      `  in-process full scan         ${ready.scan.perSecond.toFixed(2).padStart(6)} q/s     p50 ${fmt(ready.scan.p50)}   p95 ${fmt(ready.scan.p95)}   (${ready.scan.runs} runs)`,
    )
    console.log(`  ratio full scan / geo index (p50): ${(ready.scan.p50 / ready.geo.p50).toFixed(0)}×`)
  }
}

if (process.argv[2] === 'serve') {
  void serve(Number(process.argv[3]))
} else {
  run().catch((err: unknown) => {
    console.error(err)
    process.exit(1)
  })
}
