import { openEmbeddedDb, type EmbeddedDb } from './index'

describe('embedded-db aggregate $group', () => {
  let h: EmbeddedDb
  beforeEach(async () => {
    h = openEmbeddedDb({ file: ':memory:', indexes: [] })
    await h.db.collection('g').add([
      { k: 'a', n: 1, name: 'first a' },
      { k: 'a', n: 2, name: 'second a' },
      { k: 5, n: 10 },
      { k: '5', n: 100 },
      { k: { x: 1, y: 2 }, n: 1000 },
      { k: { x: 1, y: 2 }, n: 1000 },
      { k: { y: 2, x: 1 }, n: 7 },
      { n: 3 },
      { k: null, n: 4 },
    ])
  })
  afterEach(() => h.close())

  it('should sum per key, keeping a number apart from its string, field order significant, missing with null', async () => {
    const $ = h.db.command.aggregate
    const res = (await h.db.collection('g').aggregate().group({ _id: '$k', total: $.sum('$n'), name: $.first('$name') }).end()) as { data: Array<{ _id: unknown; total: number; name: unknown }> }
    expect(res.data).toEqual([
      { _id: 'a', total: 3, name: 'first a' },
      { _id: 5, total: 10, name: null },
      { _id: '5', total: 100, name: null },
      { _id: { x: 1, y: 2 }, total: 2000, name: null },
      { _id: { y: 2, x: 1 }, total: 7, name: null },
      { _id: null, total: 7, name: null },
    ])
  })
})
