import { openEmbeddedDb, type EmbeddedDb } from './index'

describe('embedded-db aggregate $group', () => {
  let h: EmbeddedDb
  beforeEach(async () => {
    h = openEmbeddedDb({ file: ':memory:', indexes: [] })
    await h.db
      .collection('g')
      .add([
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

  it('should group by a $cond key: the matching documents counted together, each other one alone', async () => {
    const $ = h.db.command.aggregate
    const res = (await h.db
      .collection('g')
      .aggregate()
      .match({ n: h.db.command.lt(100) })
      .project({
        n: 1,
        key: $.cond({ if: $.eq(['$k', 'a']), then: 'a', else: $.cond([$.lte(['$n', 5]), 'small', '$n']) }),
      })
      .group({ _id: '$key', count: $.sum(1), n: $.first('$n') })
      .end()) as { data: Array<{ _id: unknown; count: number }> }
    expect(res.data.map((g) => [g._id, g.count])).toEqual([
      ['a', 2],
      [10, 1],
      [7, 1],
      ['small', 2],
    ])
  })

  it('should treat a missing field as null in $eq and refuse a $cond without else', async () => {
    const $ = h.db.command.aggregate
    const res = (await h.db
      .collection('g')
      .aggregate()
      .project({ none: $.eq(['$k', null]) })
      .group({ _id: '$none', count: $.sum(1) })
      .end()) as { data: Array<{ _id: unknown; count: number }> }
    expect(res.data).toEqual([
      { _id: false, count: 7 },
      { _id: true, count: 2 },
    ])
    const bad = h.db
      .collection('g')
      .aggregate()
      .project({ x: { $cond: { if: true, then: 1 } } })
      .end()
    await expect(bad).rejects.toMatchObject({ message: expect.stringContaining('$cond needs if, then and else') })
  })

  it('should sum per key, keeping a number apart from its string, field order significant, missing with null', async () => {
    const $ = h.db.command.aggregate
    const res = (await h.db
      .collection('g')
      .aggregate()
      .group({ _id: '$k', total: $.sum('$n'), name: $.first('$name') })
      .end()) as { data: Array<{ _id: unknown; total: number; name: unknown }> }
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

describe('embedded-db aggregate $lookup', () => {
  let h: EmbeddedDb
  beforeEach(async () => {
    h = openEmbeddedDb({
      file: ':memory:',
      indexes: [{ collection: 'roles', name: 'openid', fields: [{ field: 'openid', order: 1 }] }],
    })
    await h.db.collection('users').add([
      { _id: 'u1', name: '李建华' },
      { _id: 'u2', name: '王芳' },
    ])
    await h.db.collection('roles').add([
      { _id: 'r1', openid: 'u1', role: 'grid_worker' },
      { _id: 'r2', openid: 'u1', role: 'volunteer' },
      { _id: 'r3', openid: 'u3', role: 'admin' },
    ])
  })
  afterEach(() => h.close())

  const withRoles = async (id: string) =>
    (
      (await h.db
        .collection('users')
        .aggregate()
        .match({ _id: id })
        .lookup({ from: 'roles', localField: '_id', foreignField: 'openid', as: 'roles' })
        .end()) as { data: unknown[] }
    ).data

  it('should bring a document with the documents that point at it, in one request', async () => {
    expect(await withRoles('u1')).toEqual([
      {
        _id: 'u1',
        name: '李建华',
        roles: [
          { _id: 'r1', openid: 'u1', role: 'grid_worker' },
          { _id: 'r2', openid: 'u1', role: 'volunteer' },
        ],
      },
    ])
  })

  it('should give every answer documents of its own, sharing no part, as text parsed would be', async () => {
    const [mine] = (await withRoles('u1')) as { name: string; roles: unknown[] }[]
    mine!.name = '改了'
    mine!.roles.pop()
    expect(await withRoles('u1')).toEqual([
      expect.objectContaining({ name: '李建华', roles: [expect.anything(), expect.anything()] }),
    ])
    // $first and $last of a one-document group are the same document in the pipeline.
    const { data } = (await h.db
      .collection('users')
      .aggregate()
      .match({ _id: 'u1' })
      .group({ _id: null, first: { $first: '$$ROOT' }, last: { $last: '$$ROOT' } })
      .end()) as { data: { first: object; last: object }[] }
    expect(data[0]!.first).toEqual(data[0]!.last)
    expect(data[0]!.first).not.toBe(data[0]!.last)
  })

  it('should give an empty list when nothing points at the document, and nothing for a missing document', async () => {
    expect(await withRoles('u2')).toEqual([{ _id: 'u2', name: '王芳', roles: [] }])
    expect(await withRoles('u9')).toEqual([])
  })

  it('should join what a pipeline answers: once without let, per document with let and $expr', async () => {
    const _ = h.db.command
    const $ = _.aggregate
    const res = (await h.db
      .collection('users')
      .aggregate()
      .match({ _id: _.in(['u1', 'u2']) })
      .lookup({
        from: 'roles',
        pipeline: $.pipeline().match({ role: 'admin' }).project({ role: 1 }).done(),
        as: 'admins',
      })
      .lookup({
        from: 'roles',
        let: { id: '$_id', me: '$name' },
        pipeline: $.pipeline()
          .match(_.expr($.and([$.eq(['$openid', '$$id']), $.eq(['$role', $.literal('volunteer')])])))
          .project({ role: 1, who: '$$me' })
          .done(),
        as: 'volunteering',
      })
      .lookup({ from: 'roles', pipeline: $.pipeline().match({ openid: 'u1' }).count('n').done(), as: 'counted' })
      .end()) as { data: unknown[] }
    expect(res.data).toEqual([
      {
        _id: 'u1',
        name: '李建华',
        admins: [{ _id: 'r3', role: 'admin' }],
        volunteering: [{ _id: 'r2', role: 'volunteer', who: '李建华' }],
        counted: [{ n: 2 }],
      },
      { _id: 'u2', name: '王芳', admins: [{ _id: 'r3', role: 'admin' }], volunteering: [], counted: [{ n: 2 }] },
    ])
  })

  it('should refuse a variable no let defined, a let without a pipeline, and localField with a pipeline', async () => {
    const $ = h.db.command.aggregate
    const run = (spec: object) => h.db.collection('users').aggregate().lookup(spec).end()
    const unknown = $.pipeline()
      .match(h.db.command.expr($.eq(['$openid', '$$who'])))
      .done()
    await expect(run({ from: 'roles', let: { id: '$_id' }, pipeline: unknown, as: 'x' })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
    })
    await expect(run({ from: 'roles', let: { id: '$_id' }, as: 'x' })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
    })
    const both = { from: 'roles', localField: '_id', foreignField: 'openid', pipeline: [], as: 'x' }
    await expect(run(both)).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
  })
})
