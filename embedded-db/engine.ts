import Database from 'better-sqlite3'
import type { IndexSpec } from './index-spec'
import { aggregate, decodeStages } from './aggregate'
import { isPlainObject, parseEjson, toListItem, toStoredText, type Doc, type ParsedDoc, type Value } from './codec'
import { decodeEjson } from './decode'
import { DbError, invalid, notSupported } from './errors'
import { GroupCommit, type FlushInfo } from './group-commit'
import { compileProjection } from './projection'
import { count } from './count'
import { find, type Plan } from './query'
import { collectionOf, checkNewDoc, decodeNewDocs, newId, nonNegInt, parseOrder } from './params'
import { Store } from './store'
import { Transactions } from './transactions'
import { applyUpdate, docsDiffer } from './update'

export interface EngineOptions {
  file: string
  indexes: readonly IndexSpec[]
  /**
   * 'full' (default): no answer leaves before the writes it depends on are on disk, and
   * concurrent commits share one fsync (group commit, see group-commit.ts).
   * 'per-commit': the same guarantee through SQLite's synchronous=FULL, one fsync per commit.
   * 'normal': survives kill -9 but not power loss.
   */
  synchronous?: 'full' | 'per-commit' | 'normal'
  /** Called after each group-commit fsync (tests cut the WAL where it was durable). */
  onFlush?: (info: FlushInfo) => void
  /** The clock used for `db.serverDate()`; tests pass a settable one. */
  now?: () => number
}

/** What `send` answers: the response body the SDK reads (`data.list`, `updated`, …). */
export type Response = Record<string, unknown> & { requestId: string }

/** Pages of WAL before SQLite copies them back into the database file (its default: 1,000). */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000

/** The CloudBase `get()` cap: at most 1000 documents per request. */
const MAX_LIMIT = 1000

/**
 * Executes the database actions the SDK sends (`database.getDocument`, …) against SQLite.
 * Every action runs synchronously inside one SQLite transaction, so a conditional update
 * is atomic with respect to every other caller, in this process and in any other process
 * using the same file (BEGIN IMMEDIATE takes the write lock before reading).
 */
export class Engine {
  readonly sql: Database.Database
  readonly store: Store
  private readonly txs: Transactions
  private readonly now: () => number
  /** Null when SQLite syncs by itself (per-commit), or nothing needs syncing (normal, :memory:). */
  readonly groupCommit: GroupCommit | null = null
  /** Request ids only need to be unique: a random prefix and a count, not 16 random bytes each. */
  private readonly requestPrefix = `${newId().slice(0, 12)}-`
  private requests = 0
  /** The plan of the last query, for tests and benchmarks that check an index was used. */
  lastPlan: Plan | null = null

  constructor(opts: EngineOptions) {
    this.sql = new Database(opts.file)
    const mode = opts.synchronous ?? 'full'
    if (opts.file !== ':memory:') {
      this.sql.pragma('journal_mode = WAL')
      this.sql.pragma(`synchronous = ${mode === 'per-commit' ? 'FULL' : 'NORMAL'}`)
      // A checkpoint runs inside the commit that crosses the limit, on the event loop, and
      // fsyncs the WAL and the database file there. A submitted case writes ~65 pages (a
      // side table per index), so SQLite's default of 1,000 pages checkpointed every ~15
      // submissions; 10,000 (a WAL of ~40 MB) does it a tenth as often, and the pages
      // rewritten in between (index leaves, counters) are copied once.
      this.sql.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`)
      if (mode === 'full') {
        // Writes run as savepoints inside a batch (group-commit.ts); a savepoint keeps the old
        // content of every page it changes in a statement journal, which SQLite spills to a
        // temporary file past 64 KB — a submission changes ~250 KB. In memory it is a copy.
        this.sql.pragma('temp_store = MEMORY')
        this.groupCommit = new GroupCommit(this.sql, opts.onFlush, () => this.store.forgetUnconfirmed())
      }
    }
    this.sql.pragma('busy_timeout = 5000')
    this.store = new Store(this.sql, opts.indexes)
    this.now = opts.now ?? Date.now
    this.txs = new Transactions(this.store)
    // What opening created or recovered is on disk before the first answer.
    this.groupCommit?.flushNow()
  }

  close(): void {
    if (!this.sql.open) return
    this.groupCommit?.flushNow()
    this.sql.close()
  }

  /**
   * Resolves once every write committed so far is on disk (at once without group commit, and for
   * the steps inside a transaction).
   * The seam awaits it after every action, so no answer — to the writer, or to a reader
   * who saw the write — leaves before the write is durable.
   */
  settled(action: string, data: Record<string, unknown> | undefined): Promise<void> {
    if (!this.groupCommit || !waitsForDurability(action, data)) return Promise.resolve()
    return this.groupCommit.settled()
  }

  /**
   * One logical write transaction: with group commit a savepoint in the batch the next fsync
   * covers, otherwise a SQLite transaction of its own (BEGIN IMMEDIATE).
   */
  private write<T>(fn: () => T): T {
    try {
      return this.groupCommit ? this.groupCommit.write(fn) : this.sql.transaction(fn).immediate()
    } catch (e) {
      this.store.forgetUnconfirmed()
      throw e
    }
  }

  /** Executes one SDK action; throws DbError for anything the caller got wrong. */
  execute(action: string, data: Record<string, unknown> | undefined): Response {
    const requestId = `${this.requestPrefix}${++this.requests}`
    const p = data ?? {}
    // The id the SDK got from startTransaction, passed back as it came (a string).
    const txId = p.transactionId as string | null | undefined
    if (
      txId !== undefined &&
      txId !== null &&
      action !== 'database.commitTransaction' &&
      action !== 'database.abortTransaction'
    ) {
      try {
        return { requestId, ...this.inTransaction(String(txId), action, p) }
      } catch (e) {
        // As in MongoDB, a write conflict aborts the transaction (runTransaction retries
        // with a new one without rolling back), so its documents are released at once.
        if (e instanceof DbError && e.code === 'DATABASE_TRANSACTION_CONFLICT') this.txs.abort(String(txId))
        throw e
      }
    }
    switch (action) {
      case 'database.getDocument':
        return { requestId, data: { list: toList(this.get(p)) } }
      case 'database.calculateDocument':
        return { requestId, data: { total: this.count(p) } }
      case 'database.insertDocument':
        return { requestId, data: { insertedIds: this.write(() => this.insert(p)) } }
      case 'database.modifyDocument':
        return { requestId, data: this.write(() => this.modify(p)) }
      case 'database.modifyAndReturnDoc':
        return { requestId, data: this.write(() => this.modifyAndReturn(p)) }
      case 'database.removeDocument':
        return { requestId, data: { deleted: this.write(() => this.remove(p)) } }
      case 'database.aggregateDocuments': {
        const coll = collectionOf(p)
        return { requestId, data: { list: toList(aggregate(this.store, coll, decodeStages(p.stages))) } }
      }
      case 'database.addCollection':
        this.write(() => this.store.ensureCollection(collectionOf(p)))
        return { requestId }
      case 'database.startTransaction':
        return { requestId, transactionId: this.txs.start() }
      case 'database.commitTransaction':
        this.write(() => this.txs.commit(String(p.transactionId)))
        return { requestId }
      case 'database.abortTransaction':
        this.txs.abort(String(p.transactionId))
        return { requestId }
      default:
        throw notSupported(`action ${action}`)
    }
  }

  private query(p: Record<string, unknown>): Value {
    return p.query === undefined || p.query === '' ? {} : decodeEjson(p.query, 'query', this.now())
  }

  private get(p: Record<string, unknown>): Doc[] {
    const coll = collectionOf(p)
    const sort = p.order === undefined ? [] : parseOrder(parseEjson(p.order, 'order'))
    const skip = p.offset === undefined ? 0 : nonNegInt(p.offset, 'offset')
    const limit = Math.min(p.limit === undefined ? 100 : nonNegInt(p.limit, 'limit'), MAX_LIMIT)
    const projection = compileProjection(
      p.projection === undefined ? undefined : parseEjson(p.projection, 'projection'),
    )
    const { rows, plan } = find(this.store, coll, this.query(p), {
      sort,
      skip,
      limit: p.queryType === 'DOC' ? 1 : limit,
    })
    this.lastPlan = plan
    return rows.map((r) => (projection ? projection(r.doc) : r.doc))
  }

  private count(p: Record<string, unknown>): number {
    const { total, plan } = count(this.store, collectionOf(p), this.query(p))
    this.lastPlan = plan
    return total
  }

  private insert(p: Record<string, unknown>): (string | number)[] {
    const coll = collectionOf(p)
    const docs = decodeNewDocs(p.data, this.now())
    return docs.map((doc) => {
      this.store.insert(coll, doc)
      return doc._id as string | number
    })
  }

  private modify(p: Record<string, unknown>): { updated: number; upsert_id?: string | number } {
    const coll = collectionOf(p)
    const query = this.query(p)
    const data = decodeEjson(p.data, 'data', this.now())
    if (p.merge === false) return this.replace(coll, query, data, p.upsert === true)
    if (p.upsert === true) throw notSupported('upsert together with update operators')
    const { rows, plan } = find(this.store, coll, query, { limit: p.multi === false ? 1 : Infinity })
    this.lastPlan = plan
    const updates = rows.map((r) => ({ row: r, next: applyUpdate(r.doc, data) }))
    let updated = 0
    for (const { row, next } of updates) {
      if (!docsDiffer(row.doc, next)) continue
      this.store.replace(coll, row, next)
      updated++
    }
    return { updated }
  }

  /** `doc(id).set(data)`: replaces the document, or creates it with that `_id`. */
  private replace(
    coll: string,
    query: Value,
    data: Value,
    upsert: boolean,
  ): { updated: number; upsert_id?: string | number } {
    const id = isPlainObject(query) ? query._id : undefined
    if (typeof id !== 'string' && typeof id !== 'number')
      throw notSupported('replacing documents matched by a query other than _id')
    const body = checkNewDoc(data, 'data')
    if (Object.keys(body).some((k) => k.startsWith('$'))) throw invalid('set() data cannot contain update operators')
    const next: Doc = { _id: id, ...body }
    const row = this.store.getById(coll, String(id))
    if (row) {
      if (!docsDiffer(row.doc, next)) return { updated: 0 }
      this.store.replace(coll, row, next)
      return { updated: 1 }
    }
    if (!upsert) return { updated: 0 }
    this.store.insert(coll, next)
    return { updated: 0, upsert_id: id }
  }

  private modifyAndReturn(p: Record<string, unknown>): { updated: number; doc: string | null } {
    const coll = collectionOf(p)
    const data = decodeEjson(p.data, 'data', this.now())
    const [row] = find(this.store, coll, this.query(p), { limit: 1 }).rows
    if (!row) return { updated: 0, doc: null }
    const next = applyUpdate(row.doc, data)
    const changed = docsDiffer(row.doc, next)
    if (changed) this.store.replace(coll, row, next)
    return { updated: changed ? 1 : 0, doc: toStoredText(next) }
  }

  private remove(p: Record<string, unknown>): number {
    const coll = collectionOf(p)
    const { rows, plan } = find(this.store, coll, this.query(p), { limit: p.multi === false ? 1 : Infinity })
    this.lastPlan = plan
    for (const r of rows) this.store.remove(coll, r)
    return rows.length
  }

  /** The single-document operations CloudBase allows inside a transaction. */
  private inTransaction(txId: string, action: string, p: Record<string, unknown>): Record<string, unknown> {
    const coll = collectionOf(p)
    const tx = this.txs.get(txId)
    if (action === 'database.insertDocument') {
      const docs = decodeNewDocs(p.data, this.now())
      for (const d of docs) tx.insert(coll, d)
      return { data: { insertedIds: docs.map((d) => d._id) } }
    }
    if (p.queryType !== 'DOC') throw notSupported(`${action} with a where() query inside a transaction (use doc(id))`)
    const q = this.query(p)
    const id = isPlainObject(q) ? q._id : undefined
    if (typeof id !== 'string' && typeof id !== 'number') throw invalid('a transaction operation needs a document _id')
    const current = tx.read(coll, id)
    switch (action) {
      case 'database.getDocument': {
        const projection = compileProjection(
          p.projection === undefined ? undefined : parseEjson(p.projection, 'projection'),
        )
        const list = current ? [projection ? projection(current) : current] : []
        return { data: { list: list.map((d) => toStoredText(d)) } }
      }
      case 'database.modifyDocument': {
        const data = decodeEjson(p.data, 'data', this.now())
        if (p.merge === false) {
          const body = checkNewDoc(data, 'data')
          tx.write(coll, id, { _id: id, ...body })
          return { data: current ? { updated: 1 } : { updated: 0, upsert_id: id } }
        }
        if (!current) return { data: { updated: 0 } }
        const next = applyUpdate(current, data)
        if (!docsDiffer(current, next)) return { data: { updated: 0 } }
        tx.write(coll, id, next)
        return { data: { updated: 1 } }
      }
      case 'database.removeDocument':
        if (!current) return { data: { deleted: 0 } }
        tx.write(coll, id, null)
        return { data: { deleted: 1 } }
      default:
        throw notSupported(`${action} inside a transaction`)
    }
  }
}

/**
 * An answer's `data.list`: documents read for this answer alone (a query's or a pipeline's,
 * never a transaction's, which it keeps), so the SDK may have them as they are (codec.ts).
 */
function toList(docs: Doc[]): (string | ParsedDoc)[] {
  const seen = new Set<object>()
  return docs.map((d) => toListItem(d, seen))
}

/**
 * The steps inside a transaction answer at once: what they read reaches the caller only
 * through commit or abort, which wait. Waiting at every step would hold the transaction's
 * documents through other callers' fsyncs and turn a hot counter into a conflict storm.
 */
function waitsForDurability(action: string, data: Record<string, unknown> | undefined): boolean {
  if (action === 'database.commitTransaction' || action === 'database.abortTransaction') return true
  if (action === 'database.startTransaction') return false
  const txId = data?.transactionId
  return txId === undefined || txId === null
}

export { DbError }
