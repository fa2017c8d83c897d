import { countRequests, openEmbeddedDb, type EmbeddedDb } from '../../embedded-db'
import { collectionName } from './data'
import { countOf, docsWith, docWith, join, joinCount } from './joins'

interface ShelfDoc {
  _id: string
  room: string
  order: number
}
interface BookDoc {
  _id: string
  shelfId: string
  title: string
  lentTo: string | null
}
const SHELVES = collectionName<ShelfDoc>('shelves')
const BOOKS = collectionName<BookDoc>('books')

describe('core/joins', () => {
  let h: EmbeddedDb
  beforeEach(async () => {
    h = openEmbeddedDb({ file: ':memory:', indexes: [] })
    await h.db.collection(SHELVES).add([
      { _id: 's1', room: 'a', order: 2 },
      { _id: 's2', room: 'a', order: 1 },
      { _id: 's3', room: 'b', order: 3 },
    ])
    await h.db.collection(BOOKS).add([
      { _id: 'b1', shelfId: 's1', title: '红岩', lentTo: 'u1' },
      { _id: 'b2', shelfId: 's1', title: '青春之歌', lentTo: null },
      { _id: 'b3', shelfId: 's2', title: '林海雪原', lentTo: 'u1' },
    ])
  })
  afterEach(() => h.close())

  it('should read a document with its joins in one request', async () => {
    const { result, requests } = await countRequests(() =>
      docWith(h.db, SHELVES, 's1', {
        lent: join(BOOKS, { shelfId: 's1', lentTo: 'u1' }),
        all: join(BOOKS, { shelfId: 's1' }, { orderBy: ['title', 'desc'], limit: 10 }),
        books: joinCount(BOOKS, { shelfId: 's1' }),
      }),
    )
    expect(requests.total).toBe(1)
    expect(result?.doc).toEqual({ _id: 's1', room: 'a', order: 2 })
    expect(result?.lent.map((b) => b._id)).toEqual(['b1'])
    expect(result?.all.map((b) => b.title)).toEqual(['青春之歌', '红岩'])
    expect(countOf(result?.books ?? [])).toBe(2)
  })

  it('should answer null for a missing document and a count of 0 when nothing matches', async () => {
    expect(await docWith(h.db, SHELVES, 's9', { books: joinCount(BOOKS, {}) })).toBeNull()
    const empty = await docWith(h.db, SHELVES, 's3', { books: joinCount(BOOKS, { shelfId: 's3' }) })
    expect(countOf(empty?.books ?? [])).toBe(0)
  })

  it('should give each document of a page its own joined documents when a join is correlated', async () => {
    const page = await docsWith(
      h.db,
      SHELVES,
      { room: 'a' },
      { lent: join(BOOKS, { lentTo: 'u1' }, { on: ['shelfId', '_id'], limit: 5 }) },
      { orderBy: ['order', 'asc'], limit: 10 },
    )
    expect(page.map((r) => [r.doc._id, r.lent.map((b) => b._id)])).toEqual([
      ['s2', ['b3']],
      ['s1', ['b1']],
    ])
  })
})
