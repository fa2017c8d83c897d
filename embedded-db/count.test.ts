import { openEmbeddedDb, type EmbeddedDb } from './index'

const SPECS = [
  {
    collection: 't',
    name: 'unit_status_due',
    fields: [
      { field: 'unit', order: 1 as const },
      { field: 'status', order: 1 as const },
      { field: 'due', order: 1 as const },
    ],
  },
  { collection: 't', name: 'rating', fields: [{ field: 'rating', order: 1 as const }] },
  { collection: 't', name: 'tags', fields: [{ field: 'tags', order: 1 as const }] },
  { collection: 't', name: 'res_at', fields: [{ field: 'res.at', order: 1 as const }] },
  { collection: 't', name: 'n', fields: [{ field: 'n', order: -1 as const }] },
]

/** Values chosen to sit on the edges where index keys and the matcher could disagree. */
function docs(): Record<string, unknown>[] {
  const dues = [
    '2026-01-01T00:00:00Z',
    '2026-06-01T00:00:00Z',
    '2027-01-01T00:00:00Z',
    5,
    null,
    'é-unicode',
    '😀',
    '\uffff',
  ]
  const out: Record<string, unknown>[] = []
  for (let i = 0; i < 400; i++) {
    const d: Record<string, unknown> = {
      _id: `d${i}`,
      unit: ['u1', 'u2', 'u3'][i % 3],
      status: ['open', 'done', 'closed', 7][i % 4],
      tags: [[], ['a'], ['a', 'b'], ['b', null], 'a', [['a']]][i % 6],
      res: [{ at: 3 }, [{ at: 3 }, { at: 9 }], { at: null }, null, [], { at: '3' }][i % 7],
      n: [1, 1.5, -2, true, new Date(Date.UTC(2026, 0, i % 5)), '1'][i % 6],
    }
    const due = dues[i % dues.length]
    if (i % 11 !== 0) d.due = due
    if (i % 5 === 0) d.rating = { value: 'ok' }
    else if (i % 5 === 1) d.rating = null
    out.push(d)
  }
  return out
}

describe('embedded-db count', () => {
  let h: EmbeddedDb
  beforeEach(async () => {
    h = openEmbeddedDb({ file: ':memory:', indexes: SPECS })
    const all = docs()
    for (let i = 0; i < all.length; i += 100) await h.db.collection('t').add(all.slice(i, i + 100))
  })
  afterEach(() => h.close())

  const count = async (where: Record<string, unknown>) =>
    ((await h.db.collection('t').where(where).count()) as { total: number }).total
  const byMatcher = async (where: Record<string, unknown>) =>
    (await h.db.collection('t').where(where).limit(1000).get()).data.length

  it('should count exactly what the matcher matches, through the index or not', async () => {
    const _ = h.db.command
    const queries: Record<string, unknown>[] = [
      {},
      { unit: 'u1' },
      { unit: 'u1', status: 'open' },
      { unit: 'u2', status: 7 },
      { unit: 'u1', status: 'open', due: _.lt('2026-07-01T00:00:00Z') },
      { unit: 'u3', status: 'done', due: _.gte('2026-06-01T00:00:00Z') },
      { unit: 'u2', status: 'closed', due: _.lte(5) },
      { unit: 'u1', status: _.in(['open', 'done']) },
      { unit: 'u1', status: 'open', due: null },
      { unit: 'u1', status: 'open', due: _.lt('\u00ff') },
      { unit: 'u1', status: 'closed', due: _.lt('\ufff0') },
      { unit: 'u1', status: 'open', due: _.gt('2026-01-01T00:00:00Z').and(_.lt('2027-01-01T00:00:00Z')) },
      { rating: null },
      { rating: _.eq(null) },
      { tags: 'a' },
      { tags: null },
      { tags: _.in(['a', 'b']) },
      { tags: _.gt('a') },
      { 'res.at': 3 },
      { 'res.at': null },
      { 'res.at': _.gt(2) },
      { n: 1 },
      { n: true },
      { n: _.gt(0) },
      { n: _.gte(new Date(Date.UTC(2026, 0, 2))) },
      { status: 'open' },
      { unit: 'u1', n: 1 },
    ]
    for (const q of queries) expect([q, await count(q)]).toEqual([q, await byMatcher(q)])
  })

  it('should answer a covered count from the index alone, decoding no document', async () => {
    const _ = h.db.command
    const covered = [
      { unit: 'u1', status: 'open' },
      { unit: 'u1', status: 'open', due: _.lt('2026-07-01T00:00:00Z') },
      { unit: 'u1', status: _.in(['open', 'done']) },
      { rating: null },
      { tags: 'a' },
    ]
    const before = []
    for (const q of covered) before.push(await count(q))
    // Break every stored document: any read that decodes one now throws.
    h.engine.sql.prepare('UPDATE "c:t" SET doc = ?').run('{not json')
    await expect(h.db.collection('t').where({ unit: 'u1' }).limit(1).get()).rejects.toThrow()
    for (const [i, q] of covered.entries()) {
      expect(await count(q)).toBe(before[i])
      expect(h.engine.lastPlan).toMatchObject({ kind: 'COUNT_SCAN', docsExamined: 0 })
    }
    expect(await count({})).toBe(400)
  })

  it('should fall back to reading documents when the index cannot decide the query', async () => {
    const _ = h.db.command
    for (const q of [{ unit: 'u1', n: 1 }, { tags: null }, { tags: _.gt('a') }, { due: _.lt('x') }]) {
      await count(q)
      expect([q, h.engine.lastPlan?.kind]).not.toEqual([q, 'COUNT_SCAN'])
      expect(h.engine.lastPlan!.docsExamined).toBeGreaterThan(0)
    }
  })
})
