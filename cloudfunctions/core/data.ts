import type { Db } from '@cloudbase/database'
import { runTransactionWithRetry, type RetryPolicy } from './transaction-retry'

/*
 * Typed access to the database. The SDK answers `any` for every read and write result
 * (`get()` gives `{ data: any[] }`, a transaction's `get()` `{ data: any }`, `count()`
 * `{ total }`), so without this module every read needs a cast. Here a collection name
 * carries the type of its documents, and reads answer that type: `doc(id).get()` is
 * `T | null` inside a transaction and out, queries answer `T[]`, `count()` a number.
 *
 * The only casts are the ones below where the SDK's untyped objects are wrapped; what they
 * claim is what the collection names declare, so a collection must only ever be written
 * through its typed name (the demo seed and tests write plain documents of the same type).
 */

/** Every stored document has a string `_id` (openid, derived key or generated id). */
export interface Doc {
  _id: string
}

declare const DOC: unique symbol
/** A collection's name that carries the type of its documents; a plain string at run time. */
export type CollectionName<T extends Doc> = string & { readonly [DOC]?: T }

/** Declares a collection: `export const WISHES = collectionName<WishDoc>('wishes')`. */
export const collectionName = <T extends Doc>(name: string): CollectionName<T> => name

type Command = Db['command']
type QueryOp = ReturnType<Command['in']> | LogicOp
/** `_.and(…)`, `_.or(…)`: a whole condition rather than one field's. */
type LogicOp = ReturnType<Command['and']>
type UpdateOp = ReturnType<Command['set']>
/** `a.b` paths into nested fields (`resolution.resolvedAt`); their values are not checked. */
type NestedPath = `${string}.${string}`

/** A query: a field equals a value, one element of an array field, or an operator (`_.in`, `_.lt`, …). */
export type Where<T> = { [K in keyof T]?: T[K] | (T[K] extends readonly (infer E)[] ? E : never) | QueryOp } & {
  [path: NestedPath]: unknown
}

/** A document as written by `set`/`add`: everything but `_id`, which the reference gives. */
export type Body<T extends Doc> = Omit<T, '_id'>

/** An update: some fields, each a value of its type or an update operator (`_.inc`, `_.push`, `_.set`). */
export type Patch<T extends Doc> = { [K in Exclude<keyof T, '_id'>]?: T[K] | UpdateOp } & {
  [path: NestedPath]: unknown
}

export type OrderField<T> = Extract<keyof T, string> | NestedPath

export interface DocRef<T extends Doc> {
  /** The document, or null when there is none. */
  get(): Promise<T | null>
  set(body: Body<T>): Promise<void>
  /** Changes the fields of an existing document; answers 1, or 0 when there is none (or nothing changed). */
  update(patch: Patch<T>): Promise<number>
  /** How many documents were removed (0 or 1). */
  remove(): Promise<number>
}

export interface Query<T extends Doc> {
  where(query: Where<T> | LogicOp): Query<T>
  orderBy(field: OrderField<T>, direction: 'asc' | 'desc'): Query<T>
  skip(n: number): Query<T>
  limit(n: number): Query<T>
  /** Reads only these fields (and `_id`): the answer's type says so. */
  field<K extends keyof T>(fields: { readonly [P in K]: true }): Query<Pick<T, K | '_id'>>
  get(): Promise<T[]>
  count(): Promise<number>
  /** Updates every matching document; answers how many changed (a conditional single update: 0 or 1). */
  update(patch: Patch<T>): Promise<number>
  /**
   * Updates the first matching document and answers it as it is now, or null when none
   * matches: one atomic request (CloudBase's `updateAndReturn`, MongoDB's findOneAndUpdate),
   * so an `_.inc` hands every caller its own value. Not inside a transaction (no queries there).
   */
  updateAndReturn(patch: Patch<T>): Promise<T | null>
  remove(): Promise<number>
}

export interface Collection<T extends Doc> extends Query<T> {
  doc(id: string): DocRef<T>
  /** Inserts with a generated `_id` and answers it. */
  add(body: Body<T>): Promise<string>
  /**
   * Inserts every document (each with its `_id`) in one request. Fails when an id exists;
   * outside a transaction, documents before it may have been written (ask a transaction's
   * `insertMany` for all or none).
   */
  insertMany(docs: readonly T[]): Promise<void>
}

/**
 * The one transaction type. CloudBase transactions take document operations only (no
 * queries), which is all a `Tx` offers. Pass it to `notify` so the notice is written with
 * the change it reports.
 */
export interface Tx {
  /** Only `transaction()` makes one: the SDK's raw transaction answers `{ data }`, not the document. */
  readonly [TX]: true
  collection<T extends Doc>(name: CollectionName<T>): TxCollection<T>
}

export interface TxCollection<T extends Doc> {
  doc(id: string): DocRef<T>
  /**
   * Inserts every document (each with its `_id`) in one request: the SDK sends `add` of a
   * list as one `insertDocument`, which CloudBase takes inside a transaction. Fails, with the
   * whole transaction, when any of the ids exists.
   */
  insertMany(docs: readonly T[]): Promise<void>
}
const TX: unique symbol = Symbol('core/data transaction')

/** What the SDK's document reference and query are, seen from here: results as the SDK gives them. */
interface RawDocRef {
  get(): Promise<{ data: unknown }>
  set(body: object): Promise<unknown>
  update(patch: object): Promise<{ updated?: number }>
  remove(): Promise<{ deleted?: number | string }>
}
interface RawQuery {
  where(q: object): RawQuery
  orderBy(field: string, direction: 'asc' | 'desc'): RawQuery
  skip(n: number): RawQuery
  limit(n: number): RawQuery
  field(projection: object): RawQuery
  get(): Promise<{ data: unknown[] }>
  count(): Promise<{ total: number }>
  update(patch: object): Promise<{ updated?: number }>
  updateAndReturn(patch: object): Promise<{ doc?: unknown }>
  remove(): Promise<{ deleted?: number | string }>
}
interface RawCollection extends RawQuery {
  doc(id: string): RawDocRef
  add(body: object): Promise<{ id?: string }>
}
interface RawTx {
  collection(name: string): { doc(id: string): RawDocRef; add(docs: object[]): Promise<unknown> }
}

const removed = (res: { deleted?: number | string }) => Number(res.deleted ?? 0)

/*
 * The wrappers below are made for every read and write, so their functions are methods:
 * tsx, which runs the local host, names every arrow function bound to a name or property
 * with Object.defineProperty (~4k instructions each), and a query chain made ten of them
 * per step.
 */

function docRef<T extends Doc>(raw: RawDocRef, inTx: boolean): DocRef<T> {
  return {
    async get() {
      const { data } = await raw.get()
      // Outside a transaction the SDK answers a list of at most one; inside, the document or null.
      const doc = inTx ? data : Array.isArray(data) ? data[0] : null
      // Cast: the collection name's type is the claim about what is stored there (see above).
      return (doc ?? null) as T | null
    },
    async set(body) {
      await raw.set(body)
    },
    async update(patch) {
      return (await raw.update(patch)).updated ?? 0
    },
    async remove() {
      return removed(await raw.remove())
    },
  }
}

function query<T extends Doc>(raw: RawQuery): Query<T> {
  return {
    where(q) {
      return query(raw.where(q))
    },
    orderBy(f, d) {
      return query(raw.orderBy(f, d))
    },
    skip(n) {
      return query(raw.skip(n))
    },
    limit(n) {
      return query(raw.limit(n))
    },
    field(fields) {
      return query(raw.field(fields))
    },
    async get() {
      // Cast: as in `docRef.get`, the collection's declared type.
      return (await raw.get()).data as T[]
    },
    async count() {
      return (await raw.count()).total
    },
    async update(patch) {
      return (await raw.update(patch)).updated ?? 0
    },
    async updateAndReturn(patch) {
      // Cast: as in `docRef.get`, the collection's declared type.
      return ((await raw.updateAndReturn(patch)).doc ?? null) as T | null
    },
    async remove() {
      return removed(await raw.remove())
    },
  }
}

/** A typed collection of `db`: `collection(db, WISHES).doc(id).get()` is a `WishDoc | null`. */
export function collection<T extends Doc>(db: Db, name: CollectionName<T>): Collection<T> {
  const raw: RawCollection = db.collection(name)
  return {
    ...query<T>(raw),
    doc(id) {
      return docRef<T>(raw.doc(id), false)
    },
    async add(body) {
      return (await raw.add(body)).id ?? ''
    },
    insertMany: insertAll(raw),
  }
}

/** One request that inserts every document, in or out of a transaction; nothing for none. */
const insertAll =
  (raw: { add(docs: unknown[]): Promise<unknown> }) =>
  async (docs: readonly Doc[]): Promise<void> => {
    if (docs.length > 0) await raw.add([...docs])
  }

function typedTx(raw: RawTx): Tx {
  return {
    [TX]: true,
    collection(name) {
      return {
        doc(id) {
          return docRef(raw.collection(name).doc(id), true)
        },
        insertMany: insertAll(raw.collection(name)),
      }
    },
  }
}

/** Which of these ids `name` already holds, in one request (a batch insert then writes the rest). */
export async function existingIds<T extends Doc>(
  db: Db,
  name: CollectionName<T>,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const found = await collection(db, name)
    .where({ _id: db.command.in([...ids]) })
    .field({ _id: true })
    .limit(ids.length)
    .get()
  return new Set(found.map((d) => d._id))
}

/** Whether an insert failed because one of its `_id`s exists (a dedupe key queued by someone else). */
export function isDuplicateWrite(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'DATABASE_DUPLICATE_WRITE'
}

/**
 * Runs `fn` in one database transaction. A write conflict runs `fn` again (so it must only
 * read and write through `tx`): by the SDK's three immediate retries, or with `retry` by
 * growing, jittered pauses (core/transaction-retry.ts), for transactions on documents many
 * callers write at once (the day's case counter).
 */
export async function transaction<R>(
  db: Db,
  fn: (tx: Tx) => Promise<R>,
  options: { retry?: RetryPolicy } = {},
): Promise<R> {
  if (options.retry) return runTransactionWithRetry(db, (raw: RawTx) => fn(typedTx(raw)), options.retry)
  // The SDK types `runTransaction` as `any`; it passes the raw transaction and answers fn's result.
  const run: (cb: (raw: RawTx) => Promise<R>) => Promise<R> = db.runTransaction.bind(db)
  return run((raw) => fn(typedTx(raw)))
}

/**
 * One page of a query (`{ page, pageSize }`, types/paging.ts) and whether another follows:
 * one more document is read to know, so no count is needed.
 */
export async function pageOf<T extends Doc>(
  query: Query<T>,
  p: { page: number; pageSize: number },
): Promise<{ docs: T[]; hasMore: boolean }> {
  const docs = await query
    .skip((p.page - 1) * p.pageSize)
    .limit(p.pageSize + 1)
    .get()
  return { docs: docs.slice(0, p.pageSize), hasMore: docs.length > p.pageSize }
}

/**
 * A page of `ordered` (the `where` query in some order) with the total of `where`. A page
 * with nothing after it settles the total — what came before plus what it holds — so the
 * count is sent only when the list runs past the page: one request for most lists, not two.
 */
export async function countedPage<T extends Doc>(
  where: Query<T>,
  ordered: Query<T>,
  p: { page: number; pageSize: number },
): Promise<{ docs: T[]; hasMore: boolean; total: number }> {
  const { docs, hasMore } = await pageOf(ordered, p)
  const before = (p.page - 1) * p.pageSize
  if (!hasMore && (docs.length > 0 || before === 0)) return { docs, hasMore, total: before + docs.length }
  return { docs, hasMore, total: await where.count() }
}

/** A GeoJSON point the SDK stores as one (its `Geo.Point`), typed as the stored point it reads back as. */
export function geoPoint(db: Db, lng: number, lat: number): { type: 'Point'; coordinates: [number, number] } {
  // Cast: the SDK's Point serialises to exactly this GeoJSON shape when written.
  return new db.Geo.Point(lng, lat) as unknown as { type: 'Point'; coordinates: [number, number] }
}

/**
 * The documents an aggregate pipeline answers, as the caller's stages shape them (a `group`,
 * `project` or `lookup` decides T, not the collection's type). The SDK types the answer as
 * `any`; this is the one place that claim is made, instead of a cast at every aggregate.
 */
export async function aggregated<T>(pipeline: { end(): Promise<{ data: unknown }> }): Promise<T[]> {
  const { data } = await pipeline.end()
  // Cast: the pipeline's stages are the claim about the shape (see above).
  return data as T[]
}
