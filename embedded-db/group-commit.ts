import { closeSync, fstatSync, fsync, fsyncSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import type Database from 'better-sqlite3'

/**
 * The longest a batch keeps SQLite's write lock. Other processes on the same file wait for it
 * (their busy handler), so this bounds how long they wait for one batch.
 */
export const MAX_BATCH_MS = 20
/**
 * After a batch commits, writes run as their own SQLite transactions for this long: the lock
 * is then free between them, so another process's busy handler, which retries every few
 * to 100 ms, finds it free often enough not to starve.
 */
export const BATCH_GAP_MS = 2

/** What one completed flush made durable: the WAL's length when its fsync started. */
export interface FlushInfo {
  walBytes: number
  commits: number
}

interface Waiter {
  seq: number
  resolve(): void
  reject(error: Error): void
}

interface Batch {
  /** Sequence number of the first logical write in it. */
  firstSeq: number
  startedAt: number
  timer: NodeJS.Timeout
}

/**
 * Group commit for a SQLite database in WAL mode with `synchronous=NORMAL`.
 *
 * With NORMAL, a commit appends its frames to the `-wal` file without an fsync; SQLite itself
 * syncs the WAL only before a checkpoint copies it into the database (and the database after
 * the copy), so a power loss can drop recent commits but never corrupts the file. An fsync of
 * the `-wal` file is exactly what `synchronous=FULL` adds at each commit, so doing it here,
 * once for every commit written so far, makes all of them as durable as FULL would have, for
 * the price of one fsync. Callers wait in `settled()` until the fsync that covers the state
 * they saw has completed, so nobody — the writer or a reader of its data — learns of a write
 * before it is on disk.
 *
 * The commits share more than the fsync: the logical write transactions that arrive between
 * two flushes run as savepoints inside one SQLite transaction (a batch), COMMITted just before
 * the fsync, so a page that several of them change (a table's last leaf, an index page, a
 * counter) is written to the WAL once per batch instead of once per write. A write that fails
 * rolls back its savepoint only. A batch holds the write lock for at most MAX_BATCH_MS, and
 * BATCH_GAP_MS pass before the next one opens, so other processes on the file get their turn.
 *
 * The fsync runs on libuv's thread pool: while it is in flight the event loop keeps
 * executing requests (into the next batch), and the next fsync covers all of them.
 */
export class GroupCommit {
  /** Sequence number of the last logical write transaction that changed something. */
  private committed = 0
  /** Every write with a sequence number up to this one is on disk. */
  private durable = 0
  private flushing = false
  private scheduled = false
  private waiters: Waiter[] = []
  /** The open SQLite transaction the current writes run in, if any. */
  private batch: Batch | null = null
  /** No batch opens before this time (ms): see BATCH_GAP_MS. */
  private reopenAt = 0
  /** After a failed fsync the page cache can no longer be trusted (Linux drops the dirty pages). */
  private failure: Error | null = null
  private dirSynced = false
  private readonly totalChanges: Database.Statement
  private readonly begin: Database.Statement
  private readonly commit: Database.Statement
  /**
   * Runs its argument in a SQLite transaction (a savepoint inside a batch). Made once:
   * better-sqlite3's `db.transaction(fn)` builds five wrapper functions at every call.
   */
  private readonly runInTransaction: Database.Transaction<(fn: () => unknown) => unknown>
  /** commits: logical writes that changed something; batches: SQLite COMMITs of batches; flushes: fsyncs. */
  readonly stats = { commits: 0, batches: 0, flushes: 0 }

  constructor(
    private readonly db: Database.Database,
    private readonly onFlush?: (info: FlushInfo) => void,
    /** Called after a batch was rolled back (caches of what it created must go). */
    private readonly onRollback?: () => void,
  ) {
    this.totalChanges = db.prepare('SELECT total_changes()').pluck()
    this.begin = db.prepare('BEGIN IMMEDIATE')
    this.commit = db.prepare('COMMIT')
    this.runInTransaction = db.transaction((fn: () => unknown) => fn())
  }

  private get dbPath(): string {
    return this.db.name
  }

  private get walPath(): string {
    return `${this.dbPath}-wal`
  }

  /**
   * Runs one logical write transaction: a savepoint in the open batch (opening one if none
   * is), or, in the gap after a batch and after a failure, a SQLite transaction of its own.
   */
  write<T>(fn: () => T): T {
    const now = Date.now()
    if (this.batch && now - this.batch.startedAt >= MAX_BATCH_MS) this.commitBatch()
    if (!this.batch && !this.failure && now >= this.reopenAt && !this.db.inTransaction) this.openBatch(now)
    const before = this.totalChanges.get() as number
    let result: T
    try {
      result = this.runInTransaction.immediate(fn) as T
    } catch (e) {
      // Some errors (disk full, I/O) make SQLite roll back the whole transaction, not only
      // the savepoint: the batch's earlier writes are gone, and so is anyone's wait for them.
      if (this.batch && !this.db.inTransaction) this.lostBatch(e)
      throw e
    }
    if (this.totalChanges.get() !== before) {
      this.committed++
      this.stats.commits++
    }
    return result
  }

  private openBatch(now: number): void {
    this.begin.run()
    const timer = setTimeout(() => this.commitBatch(), MAX_BATCH_MS)
    timer.unref()
    this.batch = { firstSeq: this.committed + 1, startedAt: now, timer }
  }

  /** COMMITs the open batch; if that fails, nothing in it is kept and its waiters are told. */
  private commitBatch(): void {
    const b = this.batch
    if (!b) return
    this.batch = null
    clearTimeout(b.timer)
    this.reopenAt = Date.now() + BATCH_GAP_MS
    try {
      this.commit.run()
      this.stats.batches++
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK')
      this.onRollback?.()
      this.rejectFrom(b.firstSeq, e)
    }
  }

  private lostBatch(e: unknown): void {
    const b = this.batch as Batch
    this.batch = null
    clearTimeout(b.timer)
    this.onRollback?.()
    this.rejectFrom(b.firstSeq, e)
  }

  /** Rejects every waiter that may have seen a write numbered `seq` or later (they were rolled back). */
  private rejectFrom(seq: number, e: unknown): void {
    const cause = e instanceof Error ? e.message : String(e)
    const error = new Error(`the write could not be committed (${cause})`)
    const still: Waiter[] = []
    for (const w of this.waiters) {
      if (w.seq >= seq) w.reject(error)
      else still.push(w)
    }
    this.waiters = still
  }

  /** Resolves once everything committed so far is on disk; rejects if it cannot be. */
  settled(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    if (this.durable >= this.committed) return Promise.resolve()
    return new Promise((resolve, reject) => {
      this.waiters.push({ seq: this.committed, resolve, reject })
      this.schedule()
    })
  }

  /**
   * Makes everything on disk now, synchronously: at open (the files SQLite just created or
   * recovered) and before close (so no waiter is left behind).
   */
  flushNow(): void {
    if (this.failure) return
    this.commitBatch()
    try {
      syncPath(this.dbPath)
      this.syncWalIfPresent()
      if (!this.dirSynced) syncPath(dirname(this.dbPath))
      this.dirSynced = true
    } catch (e) {
      this.fail(e)
      return
    }
    this.release(this.committed)
  }

  private syncWalIfPresent(): void {
    let fd: number
    try {
      fd = openSync(this.walPath, 'r')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return
      throw e
    }
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  }

  /** Writes arriving in the same turn of the event loop join one batch and one fsync. */
  private schedule(): void {
    if (this.flushing || this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.flush()
    })
  }

  private flush(): void {
    if (this.failure) return
    this.commitBatch()
    if (this.waiters.length === 0) return
    const target = this.committed
    let fd: number
    let walBytes: number
    try {
      // Opened per flush: SQLite may restart the WAL, and this never holds a stale file.
      fd = openSync(this.walPath, 'r')
      walBytes = fstatSync(fd).size
    } catch (e) {
      this.fail(e)
      return
    }
    this.flushing = true
    fsync(fd, (err) => {
      closeSync(fd)
      this.flushing = false
      if (err) {
        this.fail(err)
        return
      }
      try {
        // The WAL's directory entry must be durable too, once, after the file was created.
        if (!this.dirSynced) syncPath(dirname(this.dbPath))
        this.dirSynced = true
      } catch (e) {
        this.fail(e)
        return
      }
      this.stats.flushes++
      this.onFlush?.({ walBytes, commits: target })
      this.release(target)
      if (this.waiters.length > 0) this.schedule()
    })
  }

  private release(upTo: number): void {
    this.durable = Math.max(this.durable, upTo)
    const still: Waiter[] = []
    for (const w of this.waiters) {
      if (w.seq <= this.durable) w.resolve()
      else still.push(w)
    }
    this.waiters = still
  }

  private fail(e: unknown): void {
    const cause = e instanceof Error ? e.message : String(e)
    this.failure = new Error(`the database could not be made durable (fsync failed: ${cause}); restart the process`)
    // Nothing in an open batch was acknowledged: give the write lock back to other processes.
    if (this.batch) {
      clearTimeout(this.batch.timer)
      this.batch = null
      if (this.db.inTransaction) this.db.exec('ROLLBACK')
      this.onRollback?.()
    }
    for (const w of this.waiters) w.reject(this.failure)
    this.waiters = []
  }
}

function syncPath(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
