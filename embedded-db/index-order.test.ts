import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openEmbeddedDb, type EmbeddedDb } from './index'
import type { IndexSpec } from './index-spec'

/*
 * A sort served by an index after an $in or an equality on an array field (MongoDB's
 * SORT_MERGE): the answer must be the one the in-memory sort gives, page by page, while
 * reading only the page.
 */

const FEED: IndexSpec = {
  collection: 'items',
  name: 'keys_status_at',
  fields: [
    { field: 'keys', order: 1 },
    { field: 'status', order: 1 },
    { field: 'at', order: 1 },
  ],
}
const N = 600

function docs(): Record<string, unknown>[] {
  return Array.from({ length: N }, (_x, i) => ({
    _id: `i${i}`,
    // Some documents are under both keys asked for, some under neither.
    keys: i % 3 === 0 ? ['all', `unit:${i % 5}`] : [`unit:${i % 5}`],
    status: i % 7 === 0 ? 'draft' : 'published',
    // Many ties, so insertion order decides between them.
    at: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}`,
  }))
}

async function filled(indexes: IndexSpec[], rows: Record<string, unknown>[]): Promise<EmbeddedDb> {
  const h = openEmbeddedDb({ file: ':memory:', indexes })
  for (let i = 0; i < rows.length; i += 200) await h.db.collection('items').add(rows.slice(i, i + 200))
  return h
}

const ids = (res: { data: { _id: string }[] }) => res.data.map((d) => d._id)

describe('embedded-db index order', () => {
  let indexed: EmbeddedDb
  let plain: EmbeddedDb
  beforeAll(async () => {
    indexed = await filled([FEED], docs())
    plain = await filled([], docs())
  })
  afterAll(() => {
    indexed.close()
    plain.close()
  })

  const page = (h: EmbeddedDb, skip: number, dir: 'asc' | 'desc' = 'asc') => {
    const _ = h.db.command
    return h.db
      .collection('items')
      .where({ keys: _.in(['all', 'unit:2']), status: 'published', at: _.gte('2026-12-05') })
      .orderBy('at', dir)
      .skip(skip)
      .limit(20)
      .get()
  }

  it('should page an $in on an array field in the sorted order, reading only the page', async () => {
    for (const skip of [0, 20, 140]) {
      const got = await page(indexed, skip)
      expect(indexed.engine.lastPlan).toMatchObject({
        kind: 'IXSCAN',
        index: 'keys_status_at',
        sortedByIndex: true,
        docsExamined: skip + 20,
      })
      expect(ids(got)).toEqual(ids(await page(plain, skip)))
    }
  })

  it('should give each document once although it is under two of the keys asked for', async () => {
    const _ = indexed.db.command
    const all = await indexed.db
      .collection('items')
      .where({ keys: _.in(['all', 'unit:0']), status: 'published' })
      .orderBy('at', 'asc')
      .limit(1000)
      .get()
    expect(new Set(ids(all)).size).toBe(all.data.length)
    expect(ids(all)).toEqual(
      ids(
        await plain.db
          .collection('items')
          .where({ keys: plain.db.command.in(['all', 'unit:0']), status: 'published' })
          .orderBy('at', 'asc')
          .limit(1000)
          .get(),
      ),
    )
  })

  it('should serve a descending sort from the same index with the keys in the in-memory order', async () => {
    const at = (res: { data: { at?: string }[] }) => res.data.map((d) => d.at)
    const got = await page(indexed, 0, 'desc')
    expect(indexed.engine.lastPlan).toMatchObject({ sortedByIndex: true, docsExamined: 20 })
    // Ties come in reverse insertion order from a backward scan (README), so compare the keys.
    expect(at(got)).toEqual(at(await page(plain, 0, 'desc')))
  })

  it('should sort in memory when the sorted field itself held an array', async () => {
    const rows = docs().map((d, i) => (i === 10 ? { ...d, at: ['2026-12-30', '2026-12-06'] } : d))
    const h = await filled([FEED], rows)
    const p = await filled([], rows)
    try {
      const got = await page(h, 0)
      expect(h.engine.lastPlan).toMatchObject({ index: 'keys_status_at', sortedByIndex: false })
      expect(ids(got)).toEqual(ids(await page(p, 0)))
    } finally {
      h.close()
      p.close()
    }
  })

  it('should remember which fields held arrays when the file is reopened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'embedded-order-'))
    const file = join(dir, 'x.db')
    try {
      const first = openEmbeddedDb({ file, indexes: [FEED] })
      await first.db.collection('items').add(docs().slice(0, 100))
      first.close()
      const second = openEmbeddedDb({ file, indexes: [FEED] })
      await page(second, 0)
      expect(second.engine.lastPlan).toMatchObject({ sortedByIndex: true, docsExamined: 20 })
      second.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
