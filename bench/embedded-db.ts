/**
 * Embedded CloudBase database benchmark: `npx tsx bench/embedded-db.ts`
 * (a) indexed equality and indexed sort+limit page at 1k vs 100k documents
 * (b) conditional single-document updates/s through the SDK vs raw better-sqlite3
 * (c) geoNear limit 20 over 10k and 100k points vs a brute-force scan
 * and RSS with 100k documents. Every query goes through the real @cloudbase/node-sdk.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { haversine } from '../embedded-db/geo'
import { openEmbeddedDb, type EmbeddedDb, type IndexSpec } from '../embedded-db/index'
import { fmt, mb, measure } from './lib/measure'

const INDEXES: IndexSpec[] = [
  { collection: 'cases', name: 'code', fields: [{ field: 'code', order: 1 }], unique: true },
  {
    collection: 'cases',
    name: 'status_createdAt',
    fields: [
      { field: 'status', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },
  { collection: 'stations', name: 'location', fields: [{ field: 'location', order: '2dsphere' }] },
]
const STATUSES = ['open', 'signed', 'closed', 'rated']

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32
}

async function seedCases(h: EmbeddedDb, n: number): Promise<void> {
  const base = Date.UTC(2024, 0, 1)
  for (let i = 0; i < n; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, n - i) }, (_x, j) => {
      const k = i + j
      return {
        code: `K${k}`,
        status: STATUSES[k % 4],
        createdAt: new Date(base + k * 60_000),
        title: `诉求 ${k}`,
        body: '楼道灯不亮，请尽快维修。'.repeat(3),
      }
    })
    await h.db.collection('cases').add(batch)
  }
}

async function seedStations(h: EmbeddedDb, n: number): Promise<{ lng: number; lat: number }[]> {
  const r = rng(42)
  const points: { lng: number; lat: number }[] = []
  for (let i = 0; i < n; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, n - i) }, () => {
      // Spread over greater Xi'an (~110 km × 90 km).
      const p = { lng: 108.4 + r() * 1.2, lat: 33.9 + r() * 0.8 }
      points.push(p)
      return { name: '红色驿站', location: new h.db.Geo.Point(p.lng, p.lat), open: true }
    })
    await h.db.collection('stations').add(batch)
  }
  return points
}

async function benchQueries(n: number, dir: string): Promise<{ eq: number; page: number; rss: number }> {
  const h = openEmbeddedDb({ file: join(dir, `cases-${n}.db`), indexes: INDEXES, synchronous: 'normal' })
  await seedCases(h, n)
  const r = rng(7)
  const eq = await measure(async () => {
    const res = await h.db
      .collection('cases')
      .where({ code: `K${Math.floor(r() * n)}` })
      .get()
    if (res.data.length !== 1) throw new Error('equality query lost its document')
  }, 2000)
  if (h.engine.lastPlan?.kind !== 'IXSCAN') throw new Error('equality query did not use its index')
  const page = await measure(async () => {
    const res = await h.db
      .collection('cases')
      .where({ status: STATUSES[Math.floor(r() * 4)] })
      .orderBy('createdAt', 'desc')
      .skip(20)
      .limit(20)
      .get()
    if (res.data.length !== 20) throw new Error('page query returned a short page')
  }, 2000)
  if (!h.engine.lastPlan?.sortedByIndex) throw new Error('page query did not sort through its index')
  const rss = process.memoryUsage().rss
  console.log(
    `  ${String(n).padStart(6)} docs  equality median ${fmt(eq.medianMs)} (p95 ${fmt(eq.p95Ms)}, ${eq.perSecond.toFixed(0)}/s)` +
      `   sort+limit page median ${fmt(page.medianMs)} (p95 ${fmt(page.p95Ms)}, ${page.perSecond.toFixed(0)}/s)   docsExamined ${h.engine.lastPlan?.docsExamined}`,
  )
  h.close()
  return { eq: eq.medianMs, page: page.medianMs, rss }
}

async function benchUpdates(dir: string, synchronous: 'full' | 'normal'): Promise<void> {
  const runs = synchronous === 'full' ? 2000 : 20000
  const h = openEmbeddedDb({ file: join(dir, `upd-sdk-${synchronous}.db`), indexes: [], synchronous })
  await h.db.collection('events').add({ _id: 'e1', seatsLeft: runs * 2, title: '周一课堂' })
  const _ = h.db.command
  const sdk = await measure(async () => {
    const res = await h.db
      .collection('events')
      .where({ _id: 'e1', seatsLeft: _.gt(0) })
      .update({ seatsLeft: _.inc(-1) })
    if (res.updated !== 1) throw new Error('update lost')
  }, runs)
  h.close()

  const raw = new Database(join(dir, `upd-raw-${synchronous}.db`))
  raw.pragma('journal_mode = WAL')
  raw.pragma(`synchronous = ${synchronous.toUpperCase()}`)
  raw.exec('CREATE TABLE events (id TEXT PRIMARY KEY, doc TEXT NOT NULL)')
  raw
    .prepare('INSERT INTO events VALUES (?, ?)')
    .run('e1', JSON.stringify({ _id: 'e1', seatsLeft: runs * 2, title: '周一课堂' }))
  const upd = raw.prepare(
    "UPDATE events SET doc = json_set(doc, '$.seatsLeft', json_extract(doc, '$.seatsLeft') - 1) WHERE id = ? AND json_extract(doc, '$.seatsLeft') > 0",
  )
  const rawT = await measure(() => {
    if (upd.run('e1').changes !== 1) throw new Error('raw update lost')
  }, runs)
  raw.close()
  console.log(
    `  synchronous=${synchronous.padEnd(6)} SDK ${sdk.perSecond.toFixed(0)}/s (median ${fmt(sdk.medianMs)})   raw better-sqlite3 ${rawT.perSecond.toFixed(0)}/s (median ${fmt(rawT.medianMs)})   ratio SDK/raw = ${(sdk.perSecond / rawT.perSecond).toFixed(3)}`,
  )
}

async function benchGeo(n: number, dir: string): Promise<void> {
  const h = openEmbeddedDb({ file: join(dir, `geo-${n}.db`), indexes: INDEXES, synchronous: 'normal' })
  const points = await seedStations(h, n)
  const _ = h.db.command
  const r = rng(9)
  const center = () => ({ lng: 108.6 + r() * 0.8, lat: 34.0 + r() * 0.6 })
  let examined = 0
  let checked = 0
  const near = await measure(async () => {
    const c = center()
    const res = await h.db
      .collection('stations')
      .where({ location: _.geoNear({ geometry: new h.db.Geo.Point(c.lng, c.lat) }) })
      .limit(20)
      .get()
    examined = h.engine.lastPlan?.docsExamined ?? -1
    // Check the answer against brute force on the side (outside the timing of brute force itself).
    if (checked++ < 3) {
      const want = points
        .map((p) => haversine([c.lng, c.lat], [p.lng, p.lat]))
        .sort((a, b) => a - b)
        .slice(0, 20)
      const got = res.data.map((d: { location: { longitude: number; latitude: number } }) =>
        haversine([c.lng, c.lat], [d.location.longitude, d.location.latitude]),
      )
      if (got.some((g: number, i: number) => Math.abs(g - (want[i] as number)) > 1e-6))
        throw new Error('geoNear disagrees with brute force')
    }
  }, 200)
  const sql = h.engine.sql
  const all = sql.prepare('SELECT doc FROM "c:stations"')
  const brute = await measure(
    () => {
      const c = center()
      const rows = (all.all() as { doc: string }[]).map((row) => {
        const d = JSON.parse(row.doc)
        return { d, dist: haversine([c.lng, c.lat], d.location.coordinates) }
      })
      rows.sort((a, b) => a.dist - b.dist)
      return rows.slice(0, 20)
    },
    n >= 100_000 ? 10 : 30,
  )
  console.log(
    `  ${String(n).padStart(6)} points  geoNear(20) median ${fmt(near.medianMs)} (p95 ${fmt(near.p95Ms)}, docsExamined ${examined})   brute-force scan median ${fmt(brute.medianMs)}   speed-up ${(brute.medianMs / near.medianMs).toFixed(0)}×`,
  )
  h.close()
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-embedded-db-'))
  try {
    console.log(`embedded-db benchmark — node ${process.version}, ${new Date().toISOString()}`)
    console.log('(a) indexed queries through the SDK')
    const small = await benchQueries(1_000, dir)
    const big = await benchQueries(100_000, dir)
    console.log(
      `  100k/1k: equality ${(big.eq / small.eq).toFixed(2)}×, sort+limit page ${(big.page / small.page).toFixed(2)}×`,
    )
    console.log(`  RSS with 100k documents loaded and queried: ${mb(big.rss)}`)
    console.log('(b) conditional single-document update: where({_id, seatsLeft: gt(0)}).update({seatsLeft: inc(-1)})')
    await benchUpdates(dir, 'full')
    await benchUpdates(dir, 'normal')
    console.log('(c) geoNear limit 20 (R*Tree) vs brute-force scan')
    await benchGeo(10_000, dir)
    await benchGeo(100_000, dir)
    console.log(`  RSS at end: ${mb(process.memoryUsage().rss)}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
