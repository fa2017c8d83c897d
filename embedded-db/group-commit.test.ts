import { mkdtempSync, rmSync, unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WAL_AUTOCHECKPOINT_PAGES } from './engine'
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

  it('should refuse to acknowledge writes once the WAL cannot be synced', async () => {
    await h.db.collection('notes').add({ _id: 'n1' })
    unlinkSync(join(dir, 'g.db-wal'))
    await expect(h.db.collection('notes').add({ _id: 'n2' })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    // A failed fsync leaves the page cache untrustworthy: later calls fail too instead of pretending.
    await expect(h.db.collection('notes').doc('n1').get()).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
  })
})
