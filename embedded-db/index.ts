import tcb from '@cloudbase/node-sdk'
import type { Db } from '@cloudbase/database'
import { randomBytes } from 'node:crypto'
import { Engine } from './engine'
import type { FlushInfo } from './group-commit'
import type { IndexSpec } from './index-spec'
import { EMBEDDED_ENV_PREFIX, installSeam, registerEngine, unregisterEngine } from './seam'

export type CloudBase = ReturnType<typeof tcb.init>
export type { Plan } from './query'
export { Engine } from './engine'
export { countRequests, type RequestTally } from './request-count'
export type { IndexOrder, IndexSpec } from './index-spec'

export interface EmbeddedDbOptions {
  /** A SQLite file path (created if missing), or ':memory:' for tests. */
  file: string
  /** The indexes to keep (the app passes its INDEXES); `[]` for none. */
  indexes: readonly IndexSpec[]
  /**
   * 'full' (default): an acknowledged write is on disk; concurrent commits share one fsync.
   * 'per-commit': the same through SQLite's synchronous=FULL (one fsync each; benchmarks compare).
   * 'normal': survives kill -9, not power loss.
   */
  synchronous?: 'full' | 'per-commit' | 'normal'
  /** Called after each group-commit fsync with the WAL length it made durable (durability tests). */
  onFlush?: (info: FlushInfo) => void
  /** Clock for `db.serverDate()` (ms since epoch). */
  now?: () => number
}

export interface EmbeddedDb {
  app: CloudBase
  db: Db
  close(): void
  /** The engine behind `db`: `lastPlan` tells tests and benchmarks how a query ran. */
  engine: Engine
}

let counter = 0

/**
 * The real @cloudbase/node-sdk app and database, bound to an embedded SQLite database.
 * Function code uses `db` exactly as in the cloud; it cannot tell the difference.
 * Collections need no creation: a missing collection reads as empty and is created by its
 * first write (CloudBase needs them created in the console; our code never relies on that).
 */
export function openEmbeddedDb(opts: EmbeddedDbOptions): EmbeddedDb {
  installSeam()
  silenceCloudProbe()
  const engine = new Engine({
    file: opts.file,
    indexes: opts.indexes,
    synchronous: opts.synchronous,
    onFlush: opts.onFlush,
    now: opts.now,
  })
  const env = `${EMBEDDED_ENV_PREFIX}${++counter}-${randomBytes(4).toString('hex')}`
  registerEngine(env, engine)
  const app = tcb.init({ env })
  const db = app.database()
  return {
    app,
    db,
    engine,
    close() {
      unregisterEngine(env)
      engine.close()
    },
  }
}

/**
 * `tcb.init` probes http://metadata.tencentyun.com once per process to learn whether it runs
 * on Tencent Cloud. An embedded database never does, and the probe is a network call
 * (offline machines, CI), so it is answered locally: "not on Tencent Cloud".
 */
function silenceCloudProbe(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const metadata = require('@cloudbase/node-sdk/dist/utils/metadata') as { lookupAppId: () => Promise<string> }
  metadata.lookupAppId = async () => ''
}
