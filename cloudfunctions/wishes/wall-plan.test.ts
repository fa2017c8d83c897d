import { openEmbeddedDb, type EmbeddedDb } from '../../embedded-db'
import type { WishCategory, WishStatus } from '../../types/wishes'
import { collectionName, transaction } from '../core/data'
import { INDEXES } from '../core/indexes'
import { WISH_COLLECTIONS, type WishDoc } from './collections'
import { wallPage, type WallQuery } from './queries'

/**
 * The wall must stay one page of reads however large it grows: every filter and sort the
 * app offers is served by an index whose order is the wall's order, so the engine reads
 * about `pageSize + 1` documents and stops. Checked with the embedded engine's plan (its
 * EXPLAIN) on a wall where one category is rare, so a query that filtered after an index
 * on (community, status) alone would read hundreds of documents per page.
 */
const COMMUNITY = 'c-plan'
const STATION = 'st-plan'
const SIZE = 3000
const STATUSES: WishStatus[] = ['open', 'open', 'claimed', 'confirmed']
const COMMON: WishCategory[] = ['life', 'repair', 'company', 'other', 'medical']

type Seeded = Pick<WishDoc, '_id' | 'communityId' | 'stationId' | 'category' | 'status' | 'neededBy' | 'createdAt'>

function seededWish(i: number): Seeded {
  return {
    _id: `plan-${String(i).padStart(5, '0')}`,
    communityId: COMMUNITY,
    stationId: i % 3 === 0 ? STATION : null,
    // 'study' is one wish in a hundred.
    category: i % 100 === 8 ? 'study' : COMMON[i % COMMON.length]!,
    status: STATUSES[i % STATUSES.length]!,
    neededBy: new Date(Date.parse('2025-04-01T00:00:00Z') + (i % 60) * 86_400_000).toISOString().slice(0, 10),
    createdAt: new Date(Date.parse('2025-01-01T00:00:00Z') + i * 60_000).toISOString(),
  }
}

/** What the wall should answer, computed the slow way: filter everything, then sort stably. */
function expected(all: Seeded[], q: WallQuery): string[] {
  const matching = all.filter(
    (w) =>
      (q.stationId ? w.stationId === q.stationId : w.communityId === q.communityId) &&
      w.status === q.status &&
      (!q.category || w.category === q.category),
  )
  const sorted = [...matching].sort((a, b) =>
    q.sort === 'soonest' ? a.neededBy.localeCompare(b.neededBy) : b.createdAt.localeCompare(a.createdAt),
  )
  return sorted.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((w) => w._id)
}

/** The wall reads only some fields, so the seeded wishes carry only those. */
const SEEDED = collectionName<Seeded>(WISH_COLLECTIONS.wishes)

let opened: EmbeddedDb
const all = Array.from({ length: SIZE }, (_, i) => seededWish(i))

beforeAll(async () => {
  opened = openEmbeddedDb({ file: ':memory:', indexes: INDEXES })
  for (let start = 0; start < SIZE; start += 500) {
    await transaction(opened.db, async (tx) => {
      for (const { _id, ...rest } of all.slice(start, start + 500)) await tx.collection(SEEDED).doc(_id).set(rest)
    })
  }
})
afterAll(() => opened.close())

const VARIANTS: [string, Partial<WallQuery>][] = [
  ['community, newest', { communityId: COMMUNITY, sort: 'newest' }],
  ['community, soonest', { communityId: COMMUNITY, sort: 'soonest' }],
  ['community, rare category, newest', { communityId: COMMUNITY, category: 'study', sort: 'newest' }],
  ['community, rare category, soonest', { communityId: COMMUNITY, category: 'study', sort: 'soonest' }],
  ['station, newest', { stationId: STATION, sort: 'newest' }],
  ['station, soonest', { stationId: STATION, sort: 'soonest' }],
  ['station, category, newest', { stationId: STATION, category: 'repair', sort: 'newest' }],
  ['station, category, soonest', { stationId: STATION, category: 'repair', sort: 'soonest' }],
]

describe('wallPage', () => {
  it.each(VARIANTS)('should read one page through an index in order for %s', async (_label, variant) => {
    const q: WallQuery = { status: 'open', page: 1, pageSize: 5, sort: 'newest', ...variant }
    const { docs, hasMore } = await wallPage(opened.db, q)
    const plan = opened.engine.lastPlan!
    expect(plan).toMatchObject({ kind: 'IXSCAN', sortedByIndex: true })
    expect(plan.docsExamined).toBeLessThanOrEqual(q.pageSize + 1)
    expect(docs.map((d) => d._id)).toEqual(expected(all, q))
    expect(hasMore).toBe(true)
  })

  it('should say there is no more on the last page of a filter', async () => {
    const q: WallQuery = {
      communityId: COMMUNITY,
      status: 'open',
      category: 'study',
      sort: 'soonest',
      page: 1,
      pageSize: 50,
    }
    const matching = expected(all, { ...q, pageSize: SIZE })
    expect(matching.length).toBeGreaterThan(5)
    const last: WallQuery = { ...q, pageSize: 5, page: Math.ceil(matching.length / 5) }
    const { docs, hasMore } = await wallPage(opened.db, last)
    expect(docs.map((d) => d._id)).toEqual(expected(all, last))
    expect(hasMore).toBe(false)
    expect(await wallPage(opened.db, { ...last, page: last.page - 1 })).toMatchObject({ hasMore: true })
  })
})
