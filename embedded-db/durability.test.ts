import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openEmbeddedDb } from './index'

const CHILD = join(__dirname, 'fixtures', 'child-writer.ts')

function runChild(
  args: string[],
  onLine?: (line: string, kill: () => void) => void,
): Promise<{ lines: string[]; signal: NodeJS.Signals | null; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    const lines: string[] = []
    let buf = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString()
      const parts = buf.split('\n')
      buf = parts.pop() as string
      for (const line of parts) {
        lines.push(line)
        onLine?.(line, () => child.kill('SIGKILL'))
      }
    })
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal === null) reject(new Error(`child failed (${code}): ${stderr}`))
      else resolve({ lines, signal, code })
    })
  })
}

describe('embedded-db durability', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'embedded-db-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('should keep every acknowledged write after the writer is killed with SIGKILL', async () => {
    const file = join(dir, 'crash.db')
    let killed = false
    const { lines, signal } = await runChild(['write', file], (line, kill) => {
      if (!killed && line === 'ack 300') {
        killed = true
        kill()
      }
    })
    expect(signal).toBe('SIGKILL')
    const acked = lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)))
    expect(acked.length).toBeGreaterThan(300)

    const raw = new Database(file)
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    raw.close()

    const { db, close } = openEmbeddedDb({ file, indexes: [] })
    const total = (await db.collection('acks').count()).total as number
    expect(total).toBeGreaterThanOrEqual(acked.length)
    const last = acked[acked.length - 1] as number
    const found = await db.collection('acks').doc(`d${last}`).get()
    expect(found.data).toEqual([{ _id: `d${last}`, i: last, body: 'x'.repeat(200) }])
    const _ = db.command
    const all = await db
      .collection('acks')
      .where({ i: _.lte(last) })
      .count()
    expect(all.total).toBe(last + 1)
    close()
  }, 60_000)

  it('should keep every acknowledged write when the WAL is cut where the last fsync left it (power loss)', async () => {
    const file = join(dir, 'power.db')
    let acks = 0
    const { lines, signal } = await runChild(['concurrent', file, '16'], (line, kill) => {
      if (line.startsWith('ack ') && ++acks === 400) kill()
    })
    expect(signal).toBe('SIGKILL')
    const acked = lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)))
    const flushes = lines.filter((l) => l.startsWith('durable ')).map((l) => Number(l.slice(8)))
    expect(acked.length).toBeGreaterThanOrEqual(400)
    expect(flushes.length).toBeGreaterThan(0)
    // Group commit: sixteen writers share fsyncs, so there are fewer fsyncs than writes.
    expect(flushes.length).toBeLessThan(acked.length)

    // What a power cut leaves: the database file and the WAL up to its last completed fsync.
    const durableBytes = flushes[flushes.length - 1] as number
    const cut = join(dir, 'after-power-loss')
    mkdirSync(cut)
    copyFileSync(file, join(cut, 'power.db'))
    const wal = readFileSync(`${file}-wal`)
    // The cut is only a faithful power loss while the WAL has not been restarted by a checkpoint.
    expect(wal.readUInt32BE(12)).toBe(0)
    writeFileSync(join(cut, 'power.db-wal'), wal.subarray(0, durableBytes))

    const raw = new Database(join(cut, 'power.db'))
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    raw.close()
    const { db, close } = openEmbeddedDb({ file: join(cut, 'power.db'), indexes: [] })
    const _ = db.command
    const found = await db
      .collection('acks')
      .where({ i: _.in(acked) })
      .limit(1000)
      .get()
    expect(found.data.map((d: { i: number }) => d.i).sort((a: number, b: number) => a - b)).toEqual(
      [...acked].sort((a, b) => a - b),
    )
    close()
  }, 60_000)

  it('should let a second process write while another one writes continuously', async () => {
    const file = join(dir, 'shared.db')
    const other: { writes?: Promise<number> } = {}
    let acks = 0
    await runChild(['concurrent', file, '16'], (line, kill) => {
      if (!line.startsWith('ack ') || ++acks !== 50) return
      // The child holds the write lock for a batch at a time; this process must still get it.
      other.writes = (async () => {
        const { db, close } = openEmbeddedDb({ file, indexes: [] })
        let done = 0
        try {
          for (let i = 0; i < 100; i++) {
            await db.collection('others').add({ _id: `o${i}` })
            done++
          }
        } finally {
          close()
          kill()
        }
        return done
      })()
    })
    expect(await other.writes).toBe(100)
    const check = openEmbeddedDb({ file, indexes: [] })
    expect((await check.db.collection('others').count()).total).toBe(100)
    expect((await check.db.collection('acks').count()).total).toBeGreaterThan(50)
    check.close()
  }, 60_000)

  it('should open a file while another process holds the write lock and commits', async () => {
    const file = join(dir, 'opening.db')
    const indexes = [{ collection: 'cases', name: 'by_status', fields: [{ field: 'status', order: 1 as const }] }]
    openEmbeddedDb({ file, indexes }).close()
    let opened: Promise<void> | undefined
    await runChild(['hold', file, '300'], (line) => {
      if (line !== 'holding') return
      // Opening writes the declared collections' rows; it must wait for the lock, then read
      // afresh — a read first would see the file as it was before the other process's commit.
      opened = new Promise((resolve, reject) => {
        setImmediate(() => {
          try {
            openEmbeddedDb({ file, indexes }).close()
            resolve()
          } catch (e) {
            reject(e)
          }
        })
      })
    })
    await expect(opened).resolves.toBeUndefined()
  }, 30_000)

  it('should let exactly the available seats be claimed by concurrent callers in two processes', async () => {
    const file = join(dir, 'claims.db')
    const setup = openEmbeddedDb({ file, indexes: [] })
    await setup.db.collection('events').add({ _id: 'e1', seatsLeft: 50 })
    setup.close()
    const [a, b] = await Promise.all([runChild(['claim', file, '100', 'a']), runChild(['claim', file, '100', 'b'])])
    const won = [a, b].map((r) => Number(r.lines.find((l) => l.startsWith('won '))?.slice(4)))
    expect(won[0]! + won[1]!).toBe(50)
    const check = openEmbeddedDb({ file, indexes: [] })
    const doc = (await check.db.collection('events').doc('e1').get()).data[0]
    expect(doc.seatsLeft).toBe(0)
    expect(Object.keys(doc.by)).toHaveLength(50)
    check.close()
  }, 60_000)
})
