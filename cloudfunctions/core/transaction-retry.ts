import type { Db } from '@cloudbase/database'

/** How a transaction that lost a write conflict is tried again. */
export interface RetryPolicy {
  attempts: number
  /** The n-th retry waits a random time up to `baseMs · 2^n`, at most `maxMs`. */
  baseMs: number
  maxMs: number
}

export const TRANSACTION_RETRY: RetryPolicy = { attempts: 12, baseMs: 2, maxMs: 250 }

const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT'

/**
 * What the retried transactions of this process came to: how many ran to an end and how
 * many attempts lost a write conflict and were run again. Read by the benchmarks
 * (bench/cases-host.ts prints conflicts per submission); nothing in the functions uses it.
 */
export const retryTally = { transactions: 0, conflicts: 0 }

/**
 * `db.runTransaction(fn)` that survives hot documents. The SDK retries a write conflict
 * three times at once, so when many callers write the same document together — every
 * submission of a day takes the day's case counter and the figure counters — most of a
 * burst fails with 系统繁忙. This retries the whole callback after a random, growing pause
 * (full jitter), which spreads the contenders out, the same way in the cloud and locally.
 * Any other error ends it at once.
 */
export async function runTransactionWithRetry<Tx, T>(
  db: Db,
  fn: (tx: Tx) => Promise<T>,
  policy: RetryPolicy = TRANSACTION_RETRY,
): Promise<T> {
  // The SDK types runTransaction loosely; `times` 0 turns its own immediate retries off.
  const run: (cb: (tx: Tx) => Promise<T>, times: number) => Promise<T> = db.runTransaction.bind(db)
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await run(fn, 0)
      retryTally.transactions++
      return result
    } catch (e) {
      const code = typeof e === 'object' && e !== null ? Reflect.get(e, 'code') : undefined
      if (code === CONFLICT) retryTally.conflicts++
      if (code !== CONFLICT || attempt >= policy.attempts) {
        retryTally.transactions++
        throw e
      }
      const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt)
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling))
    }
  }
}
