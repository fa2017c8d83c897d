import { closeSync, fstatSync, fsync, fsyncSync, openSync } from 'node:fs'
import { dirname } from 'node:path'

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
 * The fsync runs on libuv's thread pool: while it is in flight the event loop keeps
 * executing (and committing) requests, and the next fsync covers all of them.
 */
export class GroupCommit {
  /** Sequence number of the last commit written to the WAL (page cache). */
  private committed = 0
  /** Every commit with a sequence number up to this one is on disk. */
  private durable = 0
  private flushing = false
  private scheduled = false
  private waiters: Waiter[] = []
  /** After a failed fsync the page cache can no longer be trusted (Linux drops the dirty pages). */
  private failure: Error | null = null
  private dirSynced = false
  readonly stats = { commits: 0, flushes: 0 }

  constructor(
    private readonly dbPath: string,
    private readonly onFlush?: (info: FlushInfo) => void,
  ) {}

  private get walPath(): string {
    return `${this.dbPath}-wal`
  }

  /** Called after a SQLite write transaction that changed something has committed. */
  noteCommit(): void {
    this.committed++
    this.stats.commits++
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

  /** Commits arriving in the same turn of the event loop join one fsync. */
  private schedule(): void {
    if (this.flushing || this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.flush()
    })
  }

  private flush(): void {
    if (this.failure || this.waiters.length === 0) return
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
