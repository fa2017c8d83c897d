import { Db } from '@cloudbase/database'
import { openEmbeddedDb, type EmbeddedDb } from './index'

describe('embedded-db bad input', () => {
  let h: EmbeddedDb
  beforeEach(async () => {
    h = openEmbeddedDb({ file: ':memory:', indexes: [] })
    await h.db.collection('c').add({ _id: 'a', n: 1, s: 'text', list: [1] })
  })
  afterEach(() => h.close())

  /** What a broken or hostile caller could send through the SDK's request seam. */
  const raw = (action: string, data: Record<string, unknown>) => {
    const Requester = (
      Db as unknown as { reqClass: new (c: unknown) => { send(a: string, d: unknown): Promise<unknown> } }
    ).reqClass
    return new Requester(h.db.config).send(action, data)
  }
  const doc = async () => (await h.db.collection('c').doc('a').get()).data[0]

  it('should name malformed EJSON and change nothing', async () => {
    await expect(raw('database.getDocument', { collectionName: 'c', query: '{"n": ' })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringContaining('malformed EJSON in query'),
    })
    await expect(
      raw('database.modifyDocument', {
        collectionName: 'c',
        query: '{"_id":"a"}',
        data: '{"$set":',
        multi: false,
        merge: true,
      }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('malformed EJSON in data'),
    })
    expect(await doc()).toEqual({ _id: 'a', n: 1, s: 'text', list: [1] })
  })

  it('should name an unknown query or update operator', async () => {
    await expect(
      raw('database.getDocument', { collectionName: 'c', query: '{"n":{"$between":[1,2]}}' }),
    ).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: 'unknown query operator $between on field "n"',
    })
    await expect(
      raw('database.modifyDocument', {
        collectionName: 'c',
        query: '{}',
        data: '{"$frobnicate":{"n":1}}',
        merge: true,
      }),
    ).rejects.toMatchObject({
      message: 'unknown update operator $frobnicate',
    })
  })

  it('should reject a wrong type without a partial write of a multi update', async () => {
    const _ = h.db.command
    await h.db.collection('c').add([
      { _id: 'b', n: 5, g: 1 },
      { _id: 'c', n: 'five', g: 1 },
      { _id: 'd', n: 7, g: 1 },
    ])
    await expect(
      h.db
        .collection('c')
        .where({ g: 1 })
        .update({ n: _.inc(1) }),
    ).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('cannot apply $inc to "n"'),
    })
    const ns = (await h.db.collection('c').where({ g: 1 }).get()).data.map((d: { n: unknown }) => d.n)
    expect(ns).toEqual([5, 'five', 7])
    await expect(
      h.db
        .collection('c')
        .doc('a')
        .update({ s: _.push(['x']) }),
    ).rejects.toMatchObject({ message: expect.stringContaining('expected an array') })
    await expect(
      h.db
        .collection('c')
        .doc('a')
        .update({ n: _.inc('1' as unknown as number) }),
    ).rejects.toMatchObject({ code: 'INVALID_PARAM' })
  })

  it('should insert all documents of an array or none', async () => {
    await expect(h.db.collection('c').add([{ _id: 'new1' }, { _id: 'a' }])).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    })
    expect((await h.db.collection('c').doc('new1').get()).data).toEqual([])
  })

  it('should refuse conflicting paths, _id changes and $-prefixed field names', async () => {
    await expect(
      raw('database.modifyDocument', {
        collectionName: 'c',
        query: '{}',
        data: '{"$set":{"n":1},"$inc":{"n":1}}',
        merge: true,
      }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('conflict'),
    })
    await expect(
      raw('database.modifyDocument', { collectionName: 'c', query: '{}', data: '{"$set":{"_id":"z"}}', merge: true }),
    ).rejects.toMatchObject({
      code: 'INVALID_PARAM',
    })
    await expect(
      raw('database.insertDocument', { collectionName: 'c', data: ['{"$where":"1"}'] }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('invalid field name "$where"'),
    })
  })

  it('should refuse bad collection names, limits and regexes with a clear message', async () => {
    await expect(raw('database.getDocument', { collectionName: 'no such/name' })).rejects.toMatchObject({
      message: expect.stringContaining('invalid collection name'),
    })
    await expect(raw('database.getDocument', { collectionName: 'c', limit: -1 })).rejects.toMatchObject({
      message: 'limit must be a non-negative integer',
    })
    await expect(
      h.db
        .collection('c')
        .where({ s: h.db.RegExp({ regexp: '(', options: '' }) })
        .get(),
    ).rejects.toMatchObject({
      message: expect.stringContaining('invalid regular expression'),
    })
  })

  it('should say "not supported by the embedded database" for SDK features it does not implement', async () => {
    const _ = h.db.command
    const point = new h.db.Geo.Point(1, 1)
    await expect(
      h.db
        .collection('c')
        .where({ loc: _.geoIntersects({ geometry: point }) })
        .get(),
    ).rejects.toMatchObject({
      message: 'not supported by the embedded database: $geoIntersects',
    })
    await expect(h.db.collection('c').aggregate().sample({ size: 1 }).end()).rejects.toMatchObject({
      message: 'not supported by the embedded database: aggregate stage $sample',
    })
    await expect(raw('database.getDocument', { collectionName: 'c', query: '{"$expr":{}}' })).rejects.toMatchObject({
      message: 'not supported by the embedded database: query operator $expr',
    })
    await expect(
      raw('database.getDocument', { collectionName: 'c', query: '{"x":{"$numberDecimal":"1.5"}}' }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('not supported by the embedded database: BSON type Decimal128'),
    })
  })

  it('should keep working after every bad request', async () => {
    await raw('database.getDocument', { collectionName: 'c', query: 'not json' }).catch(() => undefined)
    expect(await doc()).toEqual({ _id: 'a', n: 1, s: 'text', list: [1] })
  })
})

describe('embedded-db rolled-back writes', () => {
  it('should leave a collection usable when the write that created it failed', async () => {
    const h = openEmbeddedDb({ file: ':memory:', indexes: [] })
    // The duplicate rolls back the whole insert, the collection's new table included.
    await expect(h.db.collection('fresh').add([{ _id: 'a' }, { _id: 'a' }])).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    })
    await h.db.collection('fresh').add({ _id: 'b', n: 1 })
    expect((await h.db.collection('fresh').get()).data).toEqual([{ _id: 'b', n: 1 }])
    h.close()
  })
})
