import { randomBytes } from 'node:crypto'
import type { Doc } from './codec'
import { DbError } from './errors'
import type { Row, Store } from './store'

/** How long an unfinished transaction holds its documents (MongoDB's default is 60 s). */
const LIFETIME_MS = 60_000

interface Write {
  coll: string
  id: string | number
  doc: Doc | null
}

function conflict(what: string): DbError {
  return new DbError('DATABASE_TRANSACTION_CONFLICT', `database transaction conflict: ${what}`)
}

/**
 * One transaction: buffered writes plus the version of every document it read.
 * Reads see committed data overlaid with the transaction's own writes.
 */
export class Transaction {
  readonly reads = new Map<string, number>()
  readonly writes = new Map<string, Write>()

  constructor(
    readonly id: string,
    readonly expires: number,
    private readonly store: Store,
    private readonly locks: Map<string, string>,
  ) {}

  read(coll: string, id: string | number): Doc | null {
    const key = `${coll}\u0000${id}`
    const w = this.writes.get(key)
    if (w) return w.doc
    const row = this.store.getById(coll, String(id))
    const ver = row?.ver ?? 0
    const seen = this.reads.get(key)
    if (seen !== undefined && seen !== ver) throw conflict(`"${coll}/${id}" changed during the transaction`)
    this.reads.set(key, ver)
    return row?.doc ?? null
  }

  /** First writer wins, as in MongoDB: a second transaction writing the same document fails at once. */
  write(coll: string, id: string | number, doc: Doc | null): void {
    const key = `${coll}\u0000${id}`
    this.read(coll, id)
    const holder = this.locks.get(key)
    if (holder !== undefined && holder !== this.id)
      throw conflict(`"${coll}/${id}" is being written by another transaction`)
    this.locks.set(key, this.id)
    this.writes.set(key, { coll, id, doc })
  }

  insert(coll: string, doc: Doc): void {
    const id = doc._id as string | number
    if (this.read(coll, id)) throw new DbError('DATABASE_DUPLICATE_WRITE', `duplicate _id in collection "${coll}"`)
    this.write(coll, id, doc)
  }
}

/**
 * Optimistic transactions over one SQLite connection. A transaction cannot hold a SQLite
 * transaction open across the awaits of function code (that would capture every other
 * caller's writes), so it buffers its writes and, at commit, checks in one SQLite
 * transaction that nothing it read or writes has changed since, then applies everything.
 * Anything changed is DATABASE_TRANSACTION_CONFLICT, which `runTransaction` retries.
 */
export class Transactions {
  private readonly active = new Map<string, Transaction>()
  private readonly locks = new Map<string, string>()

  constructor(private readonly store: Store) {}

  start(): string {
    this.expire()
    const id = randomBytes(12).toString('hex')
    this.active.set(id, new Transaction(id, Date.now() + LIFETIME_MS, this.store, this.locks))
    return id
  }

  get(id: string): Transaction {
    this.expire()
    const tx = this.active.get(id)
    if (!tx) throw new DbError('DATABASE_TRANSACTION_FAIL', `transaction ${id} not found: it has ended or expired`)
    return tx
  }

  /**
   * Runs inside the caller's SQLite write transaction, so validation and writes are one step.
   * A document it writes is read once, for both its version and the old keys `replace` and
   * `remove` need; one it only read has just its version checked.
   */
  commit(id: string): void {
    const tx = this.get(id)
    try {
      const rows = new Map<string, Row | null>()
      for (const [key, ver] of tx.reads) {
        const [coll, docId] = key.split('\u0000') as [string, string]
        let now: number
        if (tx.writes.has(key)) {
          const row = this.store.getById(coll, docId)
          rows.set(key, row)
          now = row?.ver ?? 0
        } else now = this.store.versionOf(coll, docId)
        if (now !== ver) throw conflict(`"${coll}/${docId}" changed before commit`)
      }
      for (const [key, w] of tx.writes) {
        const row = rows.has(key) ? (rows.get(key) ?? null) : this.store.getById(w.coll, String(w.id))
        if (w.doc === null) {
          if (row) this.store.remove(w.coll, row)
        } else if (row) this.store.replace(w.coll, row, w.doc)
        else this.store.insert(w.coll, w.doc)
      }
    } finally {
      this.end(tx)
    }
  }

  abort(id: string): void {
    const tx = this.active.get(id)
    if (tx) this.end(tx)
  }

  private end(tx: Transaction): void {
    this.active.delete(tx.id)
    for (const key of tx.writes.keys()) if (this.locks.get(key) === tx.id) this.locks.delete(key)
  }

  private expire(): void {
    const t = Date.now()
    for (const tx of this.active.values()) if (tx.expires < t) this.end(tx)
  }
}
