import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openEmbeddedDb } from './index'
import type { IndexSpec } from './index-spec'

/*
 * An index's side table is one WITHOUT ROWID B-tree keyed by (keys…, rid). Its primary key
 * cannot hold NULL, so null and missing are stored as a key below every number (keys.ts).
 */

const SPECS: IndexSpec[] = [
  {
    collection: 'cases',
    name: 'status_at',
    fields: [
      { field: 'status', order: 1 },
      { field: 'at', order: -1 },
    ],
  },
  { collection: 'cases', name: 'tags', fields: [{ field: 'tags', order: 1 }] },
  { collection: 'cases', name: 'code', fields: [{ field: 'code', order: 1 }], unique: true },
]
const N = 1200
const STATUSES = ['open', 'signed', 'closed']

function docs(): Record<string, unknown>[] {
  return Array.from({ length: N }, (_x, i) => ({
    _id: `c${i}`,
    // Every tenth document lacks the unique field: a sparse unique index lets them be.
    ...(i % 10 === 0 ? {} : { code: `K${i}` }),
    status: i % 7 === 0 ? null : STATUSES[i % 3],
    at: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    tags: i % 2 ? [`t${i % 5}`, 'all'] : ['all'],
  }))
}

/** Rewrites every side table as layout 1 had it: a rowid table, a keys index, a rid index, NULL for null. */
function downgradeToLayout1(file: string): void {
  const Database = jest.requireActual<typeof import('better-sqlite3')>('better-sqlite3')
  const raw = new Database(file)
  raw.transaction(() => {
    for (const spec of SPECS) {
      const t = `"ix:${spec.collection}:${spec.name}"`
      const cols = spec.fields.map((_f, i) => `k${i}`)
      raw.exec(`ALTER TABLE ${t} RENAME TO old_rows`)
      raw.exec(`CREATE TABLE ${t} (rid INTEGER NOT NULL, ${cols.join(', ')})`)
      raw.exec(`INSERT INTO ${t} SELECT rid, ${cols.map((c) => `NULLIF(${c}, -1e999)`).join(', ')} FROM old_rows`)
      raw.exec('DROP TABLE old_rows')
      const order = spec.fields.map((f, i) => `k${i} ${f.order === -1 ? 'DESC' : 'ASC'}`)
      raw.exec(`CREATE INDEX "ix:${spec.collection}:${spec.name}:keys" ON ${t} (${order.join(', ')}, rid)`)
      raw.exec(`CREATE INDEX "ix:${spec.collection}:${spec.name}:rid" ON ${t} (rid)`)
      if (spec.unique)
        raw.exec(`CREATE UNIQUE INDEX "ix:${spec.collection}:${spec.name}:unique" ON ${t} (${cols.join(', ')})`)
      raw
        .prepare('UPDATE _indexes SET spec = ? WHERE coll = ? AND name = ?')
        .run(JSON.stringify({ fields: spec.fields, unique: !!spec.unique }), spec.collection, spec.name)
    }
  })()
  raw.close()
}

describe('embedded-db index layout', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'index-layout-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('should keep each index in one B-tree and search it by its primary key', async () => {
    const h = openEmbeddedDb({ file: ':memory:', indexes: SPECS })
    await h.db.collection('cases').add(docs().slice(0, 50))
    const objects = h.engine.sql.prepare("SELECT type, name, sql FROM sqlite_master WHERE name LIKE 'ix:%'").all() as {
      type: string
      name: string
      sql: string
    }[]
    // Three tables and the unique index's constraint: no keys or rid index beside each table.
    expect(objects.map((o) => `${o.type} ${o.name}`).sort()).toEqual([
      'index ix:cases:code:unique',
      'table ix:cases:code',
      'table ix:cases:status_at',
      'table ix:cases:tags',
    ])
    expect(objects.filter((o) => o.type === 'table').every((o) => o.sql.endsWith('WITHOUT ROWID'))).toBe(true)
    await h.db.collection('cases').where({ status: 'open' }).orderBy('at', 'desc').limit(5).get()
    const plan = h.engine.lastPlan!
    expect(plan).toMatchObject({ kind: 'IXSCAN', index: 'status_at', sortedByIndex: true, docsExamined: 5 })
    const qp = (h.engine.sql.prepare(`EXPLAIN QUERY PLAN ${plan.sql}`).all(...plan.params!) as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ')
    expect(qp).toMatch(/SEARCH x USING PRIMARY KEY \(k0=\?\)/)
    expect(qp).not.toMatch(/TEMP B-TREE/)
    h.close()
  })

  it('should tell null, a missing field, -Infinity and -Number.MAX_VALUE apart through the index', async () => {
    const h = openEmbeddedDb({
      file: ':memory:',
      indexes: [{ collection: 'v', name: 'v', fields: [{ field: 'v', order: 1 }] }],
    })
    const _ = h.db.command
    await h.db
      .collection('v')
      .add([
        { _id: 'ninf', v: -Infinity },
        { _id: 'max', v: -Number.MAX_VALUE },
        { _id: 'null', v: null },
        { _id: 'missing' },
        { _id: 'one', v: -1 },
        { _id: 'text', v: 'a' },
      ])
    const cases: [Record<string, unknown>, string[]][] = [
      [{ v: null }, ['null', 'missing']],
      [{ v: -Infinity }, ['ninf']],
      [{ v: -Number.MAX_VALUE }, ['max']],
      [{ v: _.lt(0) }, ['ninf', 'max', 'one']],
      [{ v: _.gte(-Number.MAX_VALUE) }, ['max', 'one']],
      [{ v: _.gt(-Infinity) }, ['max', 'one']],
      [{ v: _.lt(-Number.MAX_VALUE) }, ['ninf']],
      [{ v: _.lte(-Infinity) }, ['ninf']],
      [{ v: _.in([null, 'a']) }, ['null', 'missing', 'text']],
    ]
    for (const [query, expected] of cases) {
      const found = (await h.db.collection('v').where(query).get()).data.map((d: { _id: string }) => d._id)
      expect(h.engine.lastPlan?.kind).toBe('IXSCAN')
      expect(found.sort()).toEqual([...expected].sort())
      expect((await h.db.collection('v').where(query).count()).total).toBe(expected.length)
    }
    h.close()
  })

  it('should hold only documents that have the field to a unique index', async () => {
    const h = openEmbeddedDb({ file: ':memory:', indexes: SPECS })
    await h.db.collection('cases').add([{ _id: 'a' }, { _id: 'b', code: null }, { _id: 'c', code: 'K1' }])
    await expect(h.db.collection('cases').add({ _id: 'd', code: 'K1' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    })
    expect((await h.db.collection('cases').count()).total).toBe(3)
    h.close()
  })

  it('should rebuild an old-layout file on open and find every document by each index', async () => {
    const file = join(dir, 'old.db')
    const first = openEmbeddedDb({ file, indexes: SPECS })
    const all = docs()
    for (let i = 0; i < N; i += 400) await first.db.collection('cases').add(all.slice(i, i + 400))
    first.close()
    downgradeToLayout1(file)

    const h = openEmbeddedDb({ file, indexes: SPECS })
    const tables = h.engine.sql.prepare("SELECT name, sql FROM sqlite_master WHERE name LIKE 'ix:%:rid'").all()
    expect(tables).toEqual([])
    const db = h.db
    const _ = db.command
    const codes = all.filter((d) => d.code !== undefined).map((d) => d.code as string)
    const found: string[] = []
    for (let i = 0; i < codes.length; i += 500) {
      const page = await db
        .collection('cases')
        .where({ code: _.in(codes.slice(i, i + 500)) })
        .limit(1000)
        .get()
      expect(h.engine.lastPlan).toMatchObject({ kind: 'IXSCAN', index: 'code' })
      found.push(...page.data.map((d: { _id: string }) => d._id))
    }
    expect(found.sort()).toEqual(
      all
        .filter((d) => d.code !== undefined)
        .map((d) => d._id as string)
        .sort(),
    )
    for (const status of [...STATUSES, null]) {
      const expected = all.filter((d) => d.status === status).length
      expect((await db.collection('cases').where({ status }).count()).total).toBe(expected)
      expect(h.engine.lastPlan?.kind).toBe('COUNT_SCAN')
    }
    expect((await db.collection('cases').where({ tags: 'all' }).count()).total).toBe(N)
    expect((await db.collection('cases').where({ tags: 't3' }).count()).total).toBe(
      all.filter((d) => (d.tags as string[]).includes('t3')).length,
    )

    // Writes after the rebuild find and replace a document's rows by its old keys.
    await db.collection('cases').where({ status: 'open' }).update({ status: 'closed' })
    await db.collection('cases').where({ tags: 't1' }).remove()
    const left =
      (await db.collection('cases').limit(1000).get()).data.length +
      (await db.collection('cases').skip(1000).limit(1000).get()).data.length
    expect((await db.collection('cases').where({ tags: 'all' }).count()).total).toBe(left)
    expect((await db.collection('cases').where({ status: 'open' }).count()).total).toBe(0)
    expect((await db.collection('cases').where({ tags: 't1' }).count()).total).toBe(0)
    const closed = (await db.collection('cases').where({ status: 'closed' }).limit(1000).get()).data
    expect((await db.collection('cases').where({ status: 'closed' }).count()).total).toBe(closed.length)
    h.close()
  })
})
