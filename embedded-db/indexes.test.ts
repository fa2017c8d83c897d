import { openEmbeddedDb, type EmbeddedDb } from './index'

const SPECS = [
  {
    collection: 'cases',
    name: 'status_createdAt',
    fields: [
      { field: 'status', order: 1 as const },
      { field: 'createdAt', order: -1 as const },
    ],
  },
  { collection: 'cases', name: 'tags', fields: [{ field: 'tags', order: 1 as const }] },
  { collection: 'cases', name: 'code', fields: [{ field: 'code', order: 1 as const }], unique: true },
  { collection: 'cases', name: 'location', fields: [{ field: 'location', order: '2dsphere' as const }] },
]

describe('embedded-db indexes', () => {
  let h: EmbeddedDb
  const N = 2000
  beforeAll(async () => {
    h = openEmbeddedDb({ file: ':memory:', indexes: SPECS })
    const docs = Array.from({ length: N }, (_x, i) => ({
      _id: `c${i}`,
      code: `K${i}`,
      status: ['open', 'signed', 'closed', 'rated'][i % 4],
      createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000),
      tags: [`t${i % 50}`, 'all'],
      location: new h.db.Geo.Point(108.8 + (i % 40) * 0.005, 34.2 + Math.floor(i / 40) * 0.005),
    }))
    for (let i = 0; i < N; i += 500) await h.db.collection('cases').add(docs.slice(i, i + 500))
  })
  afterAll(() => h.close())

  const planOf = (sql: string, params: unknown[]) =>
    (h.engine.sql.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ')

  it('should answer an indexed equality by searching the index, examining only matches', async () => {
    const res = await h.db.collection('cases').where({ code: 'K1234' }).get()
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['c1234'])
    const plan = h.engine.lastPlan!
    expect(plan).toMatchObject({ kind: 'IXSCAN', index: 'code', docsExamined: 1 })
    expect(planOf(plan.sql!, plan.params!)).toMatch(/SEARCH x USING PRIMARY KEY \(k0=\?\)/)
    expect(planOf(plan.sql!, plan.params!)).not.toMatch(/SCAN c\b/)
  })

  it('should serve equality + sort + limit in index order, stopping after the page', async () => {
    const res = await h.db.collection('cases').where({ status: 'open' }).orderBy('createdAt', 'desc').limit(10).get()
    const ids = res.data.map((d: { _id: string }) => d._id)
    expect(ids).toEqual(Array.from({ length: 10 }, (_x, i) => `c${N - 4 - i * 4}`))
    expect(h.engine.lastPlan).toMatchObject({
      kind: 'IXSCAN',
      index: 'status_createdAt',
      sortedByIndex: true,
      docsExamined: 10,
    })
    const qp = planOf(h.engine.lastPlan!.sql!, h.engine.lastPlan!.params!)
    expect(qp).toMatch(/SEARCH x USING PRIMARY KEY \(k0=\?\)/)
    expect(qp).not.toMatch(/TEMP B-TREE/)
  })

  it('should use a range on the second column after equality on the first', async () => {
    const _ = h.db.command
    const from = new Date(Date.UTC(2024, 0, 1) + 1000 * 60_000)
    const res = await h.db
      .collection('cases')
      .where({ status: 'closed', createdAt: _.gte(from) })
      .limit(1000)
      .get()
    expect(res.data).toHaveLength(250)
    expect(h.engine.lastPlan).toMatchObject({ kind: 'IXSCAN', index: 'status_createdAt', docsExamined: 250 })
  })

  it('should index each element of an array field (multikey)', async () => {
    const res = await h.db.collection('cases').where({ tags: 't7' }).limit(1000).get()
    expect(res.data).toHaveLength(N / 50)
    expect(h.engine.lastPlan).toMatchObject({ kind: 'IXSCAN', index: 'tags', docsExamined: N / 50 })
    // …and counts them from the index without reading one.
    expect(((await h.db.collection('cases').where({ tags: 't7' }).count()) as { total: number }).total).toBe(N / 50)
    expect(h.engine.lastPlan).toMatchObject({ kind: 'COUNT_SCAN', index: 'tags', docsExamined: 0 })
  })

  it('should answer geoNear from the R*Tree without scanning the collection', async () => {
    const _ = h.db.command
    const res = await h.db
      .collection('cases')
      .where({ location: _.geoNear({ geometry: new h.db.Geo.Point(108.9, 34.3) }) })
      .limit(5)
      .get()
    expect(res.data).toHaveLength(5)
    expect(h.engine.lastPlan!.kind).toBe('GEO_NEAR')
    expect(h.engine.lastPlan!.docsExamined).toBeLessThan(N / 10)
  })

  it('should scan only when no index applies, and say so', async () => {
    await h.db.collection('cases').where({ notIndexed: 1 }).get()
    expect(h.engine.lastPlan).toMatchObject({ kind: 'COLLSCAN', docsExamined: N })
  })

  it('should enforce a unique index and keep the losing write out entirely', async () => {
    await expect(
      h.db.collection('cases').add([
        { _id: 'u1', code: 'NEW' },
        { _id: 'u2', code: 'K1' },
      ]),
    ).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
      message: expect.stringContaining('"code"'),
    })
    expect((await h.db.collection('cases').doc('u1').get()).data).toEqual([])
  })

  it('should rebuild an index whose declaration changed when the file is reopened', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'embedded-idx-'))
    const file = join(dir, 'x.db')
    const first = openEmbeddedDb({ file, indexes: [] })
    await first.db.collection('p').add([
      { _id: '1', g: 'a' },
      { _id: '2', g: 'b' },
    ])
    first.close()
    const second = openEmbeddedDb({
      file,
      indexes: [{ collection: 'p', name: 'g', fields: [{ field: 'g', order: 1 }] }],
    })
    expect((await second.db.collection('p').where({ g: 'b' }).get()).data).toEqual([{ _id: '2', g: 'b' }])
    expect(second.engine.lastPlan).toMatchObject({ kind: 'IXSCAN', docsExamined: 1 })
    second.close()
    rmSync(dir, { recursive: true, force: true })
  })
})
