import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import tcb from '@cloudbase/node-sdk'
import { Db } from '@cloudbase/database'
import { openEmbeddedDb } from './index'
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

  it('should fail clearly when a closed database is used', async () => {
    const h = openEmbeddedDb({ file: ':memory:', indexes: [] })
    h.close()
    await expect(h.db.collection('c').get()).rejects.toMatchObject({ message: expect.stringContaining('closed') })
  })
})
