import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import tcb from '@cloudbase/node-sdk'
import { Db } from '@cloudbase/database'
import { EJSON, Int32 } from 'bson'
import { openEmbeddedDb } from './index'
import { ParsedDoc } from './codec'
import { RoutingRequester } from './seam'

/**
 * The seam is internal to the SDK. If an upgrade moves it, these fail loudly before
 * anything else does: pin, then re-verify the seam facts in docs/design.md and update seam.ts.
 */
const root = join(__dirname, '..')
const pkg = (name: string) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'))

describe('embedded-db seam', () => {
  it('should run against the exact SDK versions it was verified with', () => {
    const app = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(app.dependencies['@cloudbase/node-sdk']).toBe('3.18.3')
    expect(app.dependencies['@cloudbase/database']).toBe('1.4.3')
    expect(pkg('@cloudbase/node-sdk').version).toBe('3.18.3')
    expect(pkg('@cloudbase/database').version).toBe('1.4.3')
    expect(pkg('@cloudbase/node-sdk').dependencies['@cloudbase/database']).toBe('1.4.3')
  })

  it('should share one @cloudbase/database and one bson between the SDK and the engine', () => {
    const sdkDir = join(root, 'node_modules', '@cloudbase', 'node-sdk')
    expect(require.resolve('@cloudbase/database', { paths: [sdkDir] })).toBe(require.resolve('@cloudbase/database'))
    const dbDir = join(root, 'node_modules', '@cloudbase', 'database')
    expect(require.resolve('bson', { paths: [dbDir] })).toBe(require.resolve('bson'))
  })

  it('should have app.database() assign Db.reqClass, which the router records for cloud apps', () => {
    openEmbeddedDb({ file: ':memory:', indexes: [] }).close()
    const cloudApp = tcb.init({ env: 'seam-check-env' })
    cloudApp.database()
    expect((Db as unknown as { reqClass: unknown }).reqClass).toBe(RoutingRequester)
    const source = readFileSync(join(root, 'node_modules/@cloudbase/node-sdk/dist/database/index.js'), 'utf8')
    expect(source).toContain('database_1.Db.reqClass = tcbdbapirequester_1.TcbDBApiHttpRequester')
  })

  it('should send every database call as send(action, data) with EJSON strings', async () => {
    const h = openEmbeddedDb({ file: ':memory:', indexes: [] })
    const seen: { action: string; data: Record<string, unknown> | undefined }[] = []
    const execute = h.engine.execute.bind(h.engine)
    h.engine.execute = (action, data) => {
      seen.push({ action, data })
      return execute(action, data)
    }
    const _ = h.db.command
    await h.db.collection('c').add({ a: 1 })
    await h.db
      .collection('c')
      .where({ a: _.gt(0) })
      .orderBy('a', 'desc')
      .get()
    await h.db
      .collection('c')
      .where({ a: 1 })
      .update({ a: _.inc(1) })
    await h.db.collection('c').where({ a: 2 }).count()
    await h.db.collection('c').aggregate().match({ a: 2 }).end()
    await h.db.collection('c').where({ a: 2 }).remove()
    await h.db.runTransaction(async () => undefined)
    expect(seen.map((s) => s.action)).toEqual([
      'database.insertDocument',
      'database.getDocument',
      'database.modifyDocument',
      'database.calculateDocument',
      'database.aggregateDocuments',
      'database.removeDocument',
      'database.startTransaction',
      'database.commitTransaction',
    ])
    expect(seen[0]?.data).toMatchObject({ collectionName: 'c', data: ['{"a":{"$numberInt":"1"}}'] })
    expect(seen[1]?.data).toMatchObject({
      query: '{"a":{"$gt":{"$numberInt":"0"}}}',
      order: '{"a":{"$numberInt":"-1"}}',
      limit: 100,
    })
    expect(seen[2]?.data).toMatchObject({
      data: '{"$inc":{"a":{"$numberInt":"1"}}}',
      multi: true,
      merge: true,
      upsert: false,
    })
    h.close()
  })

  it('should keep a db working after app.database() is called again, and keep databases apart', async () => {
    const one = openEmbeddedDb({ file: ':memory:', indexes: [] })
    const two = openEmbeddedDb({ file: ':memory:', indexes: [] })
    await one.db.collection('c').add({ _id: 'x', from: 'one' })
    one.app.database()
    tcb.init({ env: 'another-env' }).database()
    await two.db.collection('c').add({ _id: 'x', from: 'two' })
    expect((await one.db.collection('c').doc('x').get()).data).toEqual([{ _id: 'x', from: 'one' }])
    expect((await two.db.collection('c').doc('x').get()).data).toEqual([{ _id: 'x', from: 'two' }])
    one.close()
    two.close()
  })

  it('should answer with the SDK response shapes and throw the SDK error class', async () => {
    const h = openEmbeddedDb({ file: ':memory:', indexes: [] })
    const added = await h.db.collection('c').add({ _id: 'k' })
    expect(added).toEqual({ id: 'k', requestId: expect.any(String) })
    const err = await h.db
      .collection('c')
      .add({ _id: 'k' })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE', message: expect.stringContaining('duplicate _id') })
    expect((err as Error).constructor.name).toBe('TcbError')
    h.close()
  })

  it('should give the SDK what bson parses, whether or not an answer holds an EJSON type', () => {
    openEmbeddedDb({ file: ':memory:', indexes: [] }).close()
    const texts = [
      '{"_id":"u1","name":"王秀兰","address":{"unitIds":["d-beilin","c-1"],"room":"2单元 301"},"assignments":[]}',
      '{"n":1,"x":1.5,"neg":-0,"z":null,"a":[1,[2,{"b":true}]]}',
      '{"at":{"$date":{"$numberLong":"1764460800000"}},"re":{"$regularExpression":{"pattern":"^张","options":"i"}}}',
      '{"l":{"$numberLong":"42"},"d":{"$numberDouble":"Infinity"},"u":{"$undefined":true}}',
      '{"at":{"\\u0024date":{"$numberLong":"5"}}}',
    ]
    // `{relaxed: true}` always reaches bson itself: the reference.
    const reference = texts.map((t) => EJSON.parse(t, { relaxed: true }))
    // The two ways the SDK calls it: `EJSON.parse(item)` and `list.map(EJSON.parse)`.
    expect(texts.map((t) => EJSON.parse(t))).toEqual(reference)
    // (bson's types do not allow the index the SDK's JavaScript passes as options.)
    expect(texts.map(EJSON.parse as (text: string, index: number) => unknown)).toEqual(reference)
    expect((reference[2] as { at: unknown }).at).toBeInstanceOf(Date)
    // A list item the engine answered with parsed is the document itself for the SDK's calls,
    // and what its text parses to for any other.
    const parsed = new ParsedDoc({ n: 1, name: '王秀兰' })
    expect([parsed].map(EJSON.parse as (item: unknown, index: number) => unknown)[0]).toBe(parsed.doc)
    expect((EJSON.parse(parsed as unknown as string, { relaxed: false }) as { n: unknown }).n).toBeInstanceOf(Int32)
    // Options other than the SDK's are bson's: canonical parsing still makes an Int32.
    expect((EJSON.parse('{"n":1}', { relaxed: false }) as { n: unknown }).n).toBeInstanceOf(Int32)
    expect(() => EJSON.parse('{"a\\u0000b":1}')).toThrow(/null bytes/)
  })

  it('should fail clearly when a closed database is used', async () => {
    const h = openEmbeddedDb({ file: ':memory:', indexes: [] })
    h.close()
    await expect(h.db.collection('c').get()).rejects.toMatchObject({ message: expect.stringContaining('closed') })
  })
})
