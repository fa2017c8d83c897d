import { openEmbeddedDb, type EmbeddedDb } from './index'

/** Update operators through the real SDK, expected documents written by hand. */
describe('embedded-db updates', () => {
  let h: EmbeddedDb
  let clock = Date.parse('2024-05-01T00:00:00Z')
  beforeEach(async () => {
    clock = Date.parse('2024-05-01T00:00:00Z')
    h = openEmbeddedDb({ file: ':memory:', indexes: [], now: () => clock })
    await h.db.collection('w').add({ _id: 'w1', n: 5, list: [1, 2, 3, 2], tags: ['a'], nested: { x: 1 }, old: 'v' })
  })
  afterEach(() => h.close())
  const doc = async (id = 'w1') => (await h.db.collection('w').doc(id).get()).data[0]

  it('should set, remove, inc, mul, min, max and rename fields', async () => {
    const _ = h.db.command
    const res = await h.db
      .collection('w')
      .doc('w1')
      .update({
        n: _.inc(2),
        nested: { x: _.mul(10), y: 'new' },
        lo: _.min(3),
        tags: _.set(['b']),
        old: _.rename('renamed'),
        list: _.remove(),
      })
    expect(res.updated).toBe(1)
    expect(await doc()).toEqual({ _id: 'w1', n: 7, tags: ['b'], nested: { x: 10, y: 'new' }, lo: 3, renamed: 'v' })
    await h.db
      .collection('w')
      .doc('w1')
      .update({ n: _.max(3), lo: _.min(1) })
    expect(await doc()).toMatchObject({ n: 7, lo: 1 })
  })

  it('should push with each and position, unshift, pop and shift', async () => {
    const _ = h.db.command
    await h.db
      .collection('w')
      .doc('w1')
      .update({ list: _.push({ each: [9, 8], position: 1 }) })
    expect((await doc()).list).toEqual([1, 9, 8, 2, 3, 2])
    await h.db
      .collection('w')
      .doc('w1')
      .update({ list: _.unshift([0]) })
    expect((await doc()).list).toEqual([0, 1, 9, 8, 2, 3, 2])
    await h.db.collection('w').doc('w1').update({ list: _.pop() })
    await h.db.collection('w').doc('w1').update({ tags: _.shift() })
    expect(await doc()).toMatchObject({ list: [0, 1, 9, 8, 2, 3], tags: [] })
    await h.db
      .collection('w')
      .doc('w1')
      .update({ fresh: _.push(['x']) })
    expect((await doc()).fresh).toEqual(['x'])
  })

  it('should pull by value and by condition, pullAll, and addToSet without duplicates', async () => {
    const _ = h.db.command
    await h.db
      .collection('w')
      .doc('w1')
      .update({ list: _.pull(2) })
    expect((await doc()).list).toEqual([1, 3])
    await h.db
      .collection('w')
      .doc('w1')
      .update({ list: _.pull(_.gt(2)) })
    expect((await doc()).list).toEqual([1])
    await h.db
      .collection('w')
      .doc('w1')
      .update({ tags: _.addToSet('a') })
    await h.db
      .collection('w')
      .doc('w1')
      .update({ tags: _.addToSet({ $each: ['a', 'b', 'c'] }) })
    expect((await doc()).tags).toEqual(['a', 'b', 'c'])
    await h.db
      .collection('w')
      .doc('w1')
      .update({ tags: _.pullAll(['a', 'c']) })
    expect((await doc()).tags).toEqual(['b'])
  })

  it('should write serverDate from the server clock, with its offset', async () => {
    await h.db
      .collection('w')
      .doc('w1')
      .update({ at: h.db.serverDate(), later: h.db.serverDate({ offset: 60_000 }) })
    expect(await doc()).toMatchObject({ at: new Date('2024-05-01T00:00:00Z'), later: new Date('2024-05-01T00:01:00Z') })
  })

  it('should replace with set, and create the document when set on a new id', async () => {
    const replaced = await h.db.collection('w').doc('w1').set({ only: 1 })
    expect(replaced.updated).toBe(1)
    expect(await doc()).toEqual({ _id: 'w1', only: 1 })
    const created = await h.db.collection('w').doc('w2').set({ fresh: true })
    expect(created).toMatchObject({ updated: 0, upsertedId: 'w2' })
    expect(await doc('w2')).toEqual({ _id: 'w2', fresh: true })
  })

  it('should update many by default and one with multiple: false', async () => {
    const _ = h.db.command
    await h.db.collection('w').add([{ g: 1 }, { g: 1 }, { g: 1 }])
    const many = await h.db.collection('w').where({ g: 1 }).update({ seen: true })
    expect(many.updated).toBe(3)
    const one = await h.db
      .collection('w')
      .where({ g: 1 })
      .options({ multiple: false })
      .update({ n: _.inc(1) })
    expect(one.updated).toBe(1)
    expect((await h.db.collection('w').where({ n: 1 }).count()).total).toBe(1)
  })

  it('should refuse a nested set under a null field, as MongoDB and CloudBase do, and change nothing', async () => {
    const _ = h.db.command
    await h.db.collection('w').add([
      { _id: 'n1', ext: null, k: 1 },
      { _id: 'n2', ext: {}, k: 1 },
    ])
    const refused = { code: 'DATABASE_REQUEST_FAILED', message: "Cannot create field 'a' in element {ext: null}" }
    // The SDK turns a nested object into the dotted `$set: {'ext.a': 1}`.
    await expect(
      h.db
        .collection('w')
        .doc('n1')
        .update({ ext: { a: 1 } }),
    ).rejects.toMatchObject(refused)
    await expect(
      h.db
        .collection('w')
        .doc('n1')
        .update({ ext: { a: _.inc(1) } }),
    ).rejects.toMatchObject(refused)
    await expect(
      h.db
        .collection('w')
        .doc('n1')
        .update({ 'ext.a': _.push([1]) }),
    ).rejects.toMatchObject(refused)
    // A multi update that meets one such document writes none of them.
    await expect(
      h.db
        .collection('w')
        .where({ k: 1 })
        .update({ ext: { a: 1 } }),
    ).rejects.toMatchObject(refused)
    expect(await doc('n1')).toEqual({ _id: 'n1', ext: null, k: 1 })
    expect(await doc('n2')).toEqual({ _id: 'n2', ext: {}, k: 1 })
    // Inside a transaction too.
    const tx = h.db as unknown as { runTransaction(fn: (t: typeof h.db) => Promise<unknown>): Promise<unknown> }
    await expect(
      tx.runTransaction((t) =>
        t
          .collection('w')
          .doc('n1')
          .update({ ext: { a: 1 } }),
      ),
    ).rejects.toMatchObject(refused)
    expect(await doc('n1')).toEqual({ _id: 'n1', ext: null, k: 1 })
  })

  it('should still create missing parents, replace a null field whole with set, and unset under null quietly', async () => {
    const _ = h.db.command
    await h.db.collection('w').add({ _id: 'n1', ext: null })
    await h.db
      .collection('w')
      .doc('n1')
      .update({ fresh: { a: 1 }, ext: _.set({ a: 1 }) })
    expect(await doc('n1')).toEqual({ _id: 'n1', ext: { a: 1 }, fresh: { a: 1 } })
    await h.db.collection('w').add({ _id: 'n2', ext: null })
    expect((await h.db.collection('w').doc('n2').update({ 'ext.a': _.remove() })).updated).toBe(0)
  })

  it('should count only documents that changed, as MongoDB does', async () => {
    const res = await h.db.collection('w').doc('w1').update({ n: 5 })
    expect(res.updated).toBe(0)
  })

  it('should remove one document, or many by query', async () => {
    await h.db.collection('w').add([{ g: 2 }, { g: 2 }, { g: 2 }])
    expect((await h.db.collection('w').doc('w1').remove()).deleted).toBe(1)
    expect((await h.db.collection('w').where({ g: 2 }).options({ multiple: false }).remove()).deleted).toBe(1)
    expect((await h.db.collection('w').where({ g: 2 }).remove()).deleted).toBe(2)
    expect((await h.db.collection('w').count()).total).toBe(0)
  })

  it('should add one document or an array of documents and return their ids', async () => {
    const one = await h.db.collection('w').add({ a: 1 })
    expect(typeof one.id).toBe('string')
    const many = await h.db.collection('w').add([{ _id: 'x1' }, { _id: 'x2' }])
    expect(many.ids).toEqual(['x1', 'x2'])
    expect(await doc(one.id as string)).toEqual({ _id: one.id, a: 1 })
  })
})
