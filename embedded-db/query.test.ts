import { openEmbeddedDb, type EmbeddedDb } from './index'

/**
 * Query operators through the real SDK. Expected ids are written by hand from MongoDB /
 * CloudBase semantics for this fixed data set.
 */
const PEOPLE = [
  {
    _id: 'p1',
    name: '王秀兰',
    age: 70,
    tags: ['党员', '志愿者'],
    address: { district: '碑林区', building: 3 },
    scores: [80, 95],
  },
  { _id: 'p2', name: '李建国', age: 45, tags: ['志愿者'], address: { district: '高陵区', building: 7 }, scores: [60] },
  { _id: 'p3', name: '张伟', age: null, tags: [], address: { district: '碑林区' } },
  {
    _id: 'p4',
    name: 'zhang wei',
    tags: ['党员'],
    items: [
      { k: 'a', n: 1 },
      { k: 'b', n: 5 },
    ],
  },
  { _id: 'p5', name: 'Li Na', age: 30, address: { district: '长安区', building: 1 }, items: [{ k: 'a', n: 7 }] },
]

describe('embedded-db queries', () => {
  let h: EmbeddedDb
  beforeEach(async () => {
    h = openEmbeddedDb({ file: ':memory:', indexes: [] })
    await h.db.collection('people').add(PEOPLE)
  })
  afterEach(() => h.close())

  const ids = async (
    where: object,
    opts: { order?: [string, 'asc' | 'desc'][]; skip?: number; limit?: number } = {},
  ) => {
    let q = h.db.collection('people').where(where)
    for (const [f, d] of opts.order ?? []) q = q.orderBy(f, d)
    if (opts.skip) q = q.skip(opts.skip)
    if (opts.limit) q = q.limit(opts.limit)
    const res = await q.get()
    return (res.data as { _id: string }[]).map((d) => d._id)
  }

  it('should match equality, and an array field when any element equals', async () => {
    const _ = h.db.command
    expect(await ids({ name: '张伟' })).toEqual(['p3'])
    expect(await ids({ tags: '党员' })).toEqual(['p1', 'p4'])
    expect(await ids({ tags: _.eq(['志愿者']) })).toEqual(['p2'])
    expect(await ids({ 'address.district': '碑林区' })).toEqual(['p1', 'p3'])
  })

  it('should treat null as matching null and missing fields', async () => {
    const _ = h.db.command
    expect(await ids({ age: null })).toEqual(['p3', 'p4'])
    expect(await ids({ age: _.neq(null) })).toEqual(['p1', 'p2', 'p5'])
    expect(await ids({ age: _.exists(true) })).toEqual(['p1', 'p2', 'p3', 'p5'])
    expect(await ids({ age: _.exists(false) })).toEqual(['p4'])
  })

  it('should compare only within one type bracket', async () => {
    const _ = h.db.command
    expect(await ids({ age: _.gt(40) })).toEqual(['p1', 'p2'])
    expect(await ids({ age: _.gte(30).and(_.lt(70)) })).toEqual(['p2', 'p5'])
    expect(await ids({ age: _.lte(45) })).toEqual(['p2', 'p5'])
    expect(await ids({ name: _.gt('a') })).toEqual(['p3', 'p1', 'p4', 'p2'].sort())
    expect(await ids({ scores: _.gt(90) })).toEqual(['p1'])
  })

  it('should support in, nin, neq on arrays and scalars', async () => {
    const _ = h.db.command
    expect(await ids({ age: _.in([30, 45]) })).toEqual(['p2', 'p5'])
    expect(await ids({ tags: _.in(['党员']) })).toEqual(['p1', 'p4'])
    expect(await ids({ tags: _.nin(['党员']) })).toEqual(['p2', 'p3', 'p5'])
    expect(await ids({ tags: _.neq('志愿者') })).toEqual(['p3', 'p4', 'p5'])
  })

  it('should support size and elemMatch', async () => {
    const _ = h.db.command
    expect(await ids({ tags: _.size(0) })).toEqual(['p3'])
    expect(await ids({ tags: _.size(2) })).toEqual(['p1'])
    expect(await ids({ items: _.elemMatch({ k: 'a', n: _.gt(5) }) })).toEqual(['p5'])
    expect(await ids({ scores: _.elemMatch(_.gt(90)) })).toEqual(['p1'])
    // Without elemMatch the two conditions may hold on different elements.
    expect(await ids({ 'items.k': 'b', 'items.n': 1 })).toEqual(['p4'])
    expect(await ids({ items: _.elemMatch({ k: 'b', n: 1 }) })).toEqual([])
  })

  it('should combine with and, or, nor and not', async () => {
    const _ = h.db.command
    expect(await ids(_.or([{ age: 70 }, { name: 'Li Na' }]))).toEqual(['p1', 'p5'])
    expect(await ids(_.and([{ tags: '党员' }, { age: _.exists(true) }]))).toEqual(['p1'])
    expect(await ids(_.nor([{ tags: '党员' }, { age: _.gt(40) }]))).toEqual(['p3', 'p5'])
    expect(await ids({ age: _.not(_.gt(40)) })).toEqual(['p3', 'p4', 'p5'])
    expect(await ids({ age: _.gt(40).or(_.lt(35)) })).toEqual(['p1', 'p2', 'p5'])
  })

  it('should match db.RegExp with options, and strings inside arrays', async () => {
    expect(await ids({ name: h.db.RegExp({ regexp: '^zhang', options: 'i' }) })).toEqual(['p4'])
    expect(await ids({ name: h.db.RegExp({ regexp: 'WEI', options: 'i' }) })).toEqual(['p4'])
    expect(await ids({ name: /^Li/ })).toEqual(['p5'])
    expect(await ids({ tags: /愿/ })).toEqual(['p1', 'p2'])
  })

  it('should sort missing and null first, arrays by their smallest element, ties in insertion order', async () => {
    expect(await ids({}, { order: [['age', 'asc']] })).toEqual(['p3', 'p4', 'p5', 'p2', 'p1'])
    expect(await ids({}, { order: [['age', 'desc']] })).toEqual(['p1', 'p2', 'p5', 'p3', 'p4'])
    expect(await ids({}, { order: [['scores', 'asc']] })).toEqual(['p3', 'p4', 'p5', 'p2', 'p1'])
    // 碑 (U+7891) < 长 (U+957F) < 高 (U+9AD8): strings compare by UTF-8 bytes.
    expect(
      await ids(
        {},
        {
          order: [
            ['address.district', 'asc'],
            ['age', 'desc'],
          ],
        },
      ),
    ).toEqual(['p4', 'p1', 'p3', 'p5', 'p2'])
  })

  it('should apply skip and limit after sorting', async () => {
    expect(await ids({}, { order: [['_id', 'desc']], skip: 1, limit: 2 })).toEqual(['p4', 'p3'])
  })

  it('should cap a page at 1000 documents and default to 100', async () => {
    const many = Array.from({ length: 1100 }, (_, i) => ({ _id: `m${i}`, n: i }))
    for (let i = 0; i < many.length; i += 500) await h.db.collection('many').add(many.slice(i, i + 500))
    expect((await h.db.collection('many').get()).data).toHaveLength(100)
    expect((await h.db.collection('many').limit(5000).get()).data).toHaveLength(1000)
    expect((await h.db.collection('many').count()).total).toBe(1100)
  })

  it('should project included or excluded fields, nested paths included', async () => {
    const inc = await h.db.collection('people').doc('p1').field({ name: true, 'address.building': true }).get()
    expect(inc.data).toEqual([{ _id: 'p1', name: '王秀兰', address: { building: 3 } }])
    const exc = await h.db
      .collection('people')
      .where({ _id: 'p2' })
      .field({ tags: false, scores: false, address: false })
      .get()
    expect(exc.data).toEqual([{ _id: 'p2', name: '李建国', age: 45 }])
  })

  it('should count with a query and treat a missing collection as empty', async () => {
    const _ = h.db.command
    expect(
      (
        await h.db
          .collection('people')
          .where({ age: _.gt(40) })
          .count()
      ).total,
    ).toBe(2)
    expect((await h.db.collection('nothing_here').get()).data).toEqual([])
    expect((await h.db.collection('nothing_here').count()).total).toBe(0)
  })

  it('should return dates as Date objects and keep them comparable', async () => {
    const _ = h.db.command
    await h.db.collection('events').add([
      { _id: 'e1', startsAt: new Date('2024-05-01T02:00:00Z') },
      { _id: 'e2', startsAt: new Date('2024-06-01T02:00:00Z') },
    ])
    const res = await h.db
      .collection('events')
      .where({ startsAt: _.gt(new Date('2024-05-15T00:00:00Z')) })
      .get()
    expect(res.data).toEqual([{ _id: 'e2', startsAt: new Date('2024-06-01T02:00:00Z') }])
  })
})
