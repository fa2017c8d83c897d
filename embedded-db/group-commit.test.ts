import { copyFileSync, mkdirSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WAL_AUTOCHECKPOINT_PAGES } from './engine'
import { BATCH_GAP_MS } from './group-commit'
import { openEmbeddedDb, type EmbeddedDb } from './index'

describe('embedded-db group commit', () => {
  let dir: string
  let h: EmbeddedDb
  const events: string[] = []
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'group-commit-'))
    events.length = 0
    h = openEmbeddedDb({ file: join(dir, 'g.db'), indexes: [], onFlush: () => events.push('flush') })
  })
  afterEach(() => {
    h.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('should make fifty concurrent writes durable with fewer fsyncs than writes', async () => {
    const before = h.engine.groupCommit!.stats.flushes
    const results = await Promise.all(
      Array.from({ length: 50 }, (_x, i) => h.db.collection('notes').add({ _id: `n${i}`, i })),
    )
    expect(results.every((r: { id?: string }) => typeof r.id === 'string')).toBe(true)
    const flushes = h.engine.groupCommit!.stats.flushes - before
    expect(flushes).toBeGreaterThanOrEqual(1)
    expect(flushes).toBeLessThan(10)
    expect((await h.db.collection('notes').count()).total).toBe(50)
  })

  it('should keep writes in the WAL until it holds WAL_AUTOCHECKPOINT_PAGES pages', async () => {
    // Each add below commits a few pages; none may be copied back into the database file
    // (and the WAL restarted) before the limit, which SQLite's default of 1,000 would reach.
    const text = '楼道灯不亮'.repeat(300)
    for (let i = 0; i < 300; i++) await h.db.collection('notes').add({ _id: `n${i}`, text })
    const [result] = h.engine.sql.pragma('wal_checkpoint(PASSIVE)') as { log: number }[]
    const log = result?.log
    expect(log).toBeGreaterThan(1_000)
    expect(log).toBeLessThan(WAL_AUTOCHECKPOINT_PAGES)
  })

  it('should not answer a reader who saw a write before that write is on disk', async () => {
    const write = h.db
      .collection('notes')
      .add({ _id: 'n1', text: '楼道灯不亮' })
      .then(() => events.push('write answered'))
    const read = h.db
      .collection('notes')
      .doc('n1')
      .get()
      .then((r: { data: unknown[] }) => events.push(`read answered (${r.data.length})`))
    await Promise.all([write, read])
    expect(events[0]).toBe('flush')
    expect(events.slice(1).sort()).toEqual(['read answered (1)', 'write answered'])
  })

  it('should answer a read at once when nothing is waiting to be flushed', async () => {
    await h.db.collection('notes').add({ _id: 'n1' })
    const flushes = h.engine.groupCommit!.stats.flushes
    expect((await h.db.collection('notes').doc('n1').get()).data).toHaveLength(1)
    expect(await h.db.collection('notes').where({ _id: 'n1', missing: true }).update({ x: 1 })).toMatchObject({
      updated: 0,
    })
    expect(h.engine.groupCommit!.stats.flushes).toBe(flushes)
  })

  /** Writes in the gap after a batch commit run on their own; the tests below want a batch. */
  const pastGap = () => new Promise((resolve) => setTimeout(resolve, BATCH_GAP_MS + 1))

  /** Lets the SDK's promise chain reach the engine without letting a flush (setImmediate) run. */
  async function untilExecuted(commits: number): Promise<void> {
    for (let i = 0; i < 10_000 && h.engine.groupCommit!.stats.commits < commits; i++) await Promise.resolve()
    expect(h.engine.groupCommit!.stats.commits).toBe(commits)
  }

  it('should commit the writes of one flush as one SQLite transaction', async () => {
    const stats = h.engine.groupCommit!.stats
    await pastGap()
    const before = { ...stats }
    await Promise.all(Array.from({ length: 20 }, (_x, i) => h.db.collection('notes').add({ _id: `n${i}`, i })))
    expect(stats.commits - before.commits).toBe(20)
    expect(stats.batches - before.batches).toBe(1)
    expect(stats.flushes - before.flushes).toBe(1)
  })

  it('should keep the other writes of a batch when one of them fails', async () => {
    await h.db.collection('notes').add({ _id: 'taken' })
    await pastGap()
    const batches = h.engine.groupCommit!.stats.batches
    const results = await Promise.allSettled(
      ['a', 'taken', 'b'].map((id) => h.db.collection('notes').add({ _id: id, text: id })),
    )
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(h.engine.groupCommit!.stats.batches).toBe(batches + 1)
    h.close()
    h = openEmbeddedDb({ file: join(dir, 'g.db'), indexes: [] })
    const ids = (await h.db.collection('notes').get()).data.map((d: { _id: string }) => d._id)
    expect(ids.sort()).toEqual(['a', 'b', 'taken'])
  })

  it('should reject every write of a batch whose COMMIT fails, and keep none of them', async () => {
    // A deferred foreign key is checked at COMMIT: a way to make a batch's COMMIT fail.
    const { sql, groupCommit } = h.engine
    sql.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY)')
    sql.exec('CREATE TABLE child (pid INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)')
    sql.pragma('foreign_keys = ON')
    await pastGap()
    const write = h.db.collection('notes').add({ _id: 'n1' })
    await untilExecuted(1)
    groupCommit!.write(() => sql.exec('INSERT INTO child (pid) VALUES (42)'))
    await expect(write).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    expect(sql.inTransaction).toBe(false)
    expect(sql.prepare('SELECT COUNT(*) FROM child').pluck().get()).toBe(0)
    expect((await h.db.collection('notes').get()).data).toEqual([])
    // The next batch is unaffected.
    await h.db.collection('notes').add({ _id: 'n2' })
    expect((await h.db.collection('notes').get()).data).toEqual([{ _id: 'n2' }])
  })

  it('should lose only unacknowledged writes when the process dies before a batch commits', async () => {
    await h.db.collection('notes').add({ _id: 'acked' })
    await pastGap()
    const pending = h.db.collection('notes').add({ _id: 'pending' })
    await untilExecuted(2)
    // The files as a crash now would leave them: the pending write is in the open batch only.
    const crashed = join(dir, 'crashed')
    mkdirSync(crashed)
    copyFileSync(join(dir, 'g.db'), join(crashed, 'g.db'))
    copyFileSync(join(dir, 'g.db-wal'), join(crashed, 'g.db-wal'))
    await pending
    const after = openEmbeddedDb({ file: join(crashed, 'g.db'), indexes: [] })
    expect((await after.db.collection('notes').get()).data).toEqual([{ _id: 'acked' }])
    after.close()
    expect((await h.db.collection('notes').get()).data).toHaveLength(2)
  })

  it('should refuse to acknowledge writes once the WAL cannot be synced', async () => {
    await h.db.collection('notes').add({ _id: 'n1' })
    unlinkSync(join(dir, 'g.db-wal'))
    await expect(h.db.collection('notes').add({ _id: 'n2' })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    // A failed fsync leaves the page cache untrustworthy: later calls fail too instead of pretending.
    await expect(h.db.collection('notes').doc('n1').get()).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
  })
})
