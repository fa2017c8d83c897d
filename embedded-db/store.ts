import type Database from 'better-sqlite3'
import { validateSpecs, type IndexSpec } from './index-spec'
import { fromStoredText, toStoredText, type Doc } from './codec'
import { DbError, invalid } from './errors'
import { asGeometry, geometryBox } from './geo'
import { indexKeys, keysId, NULL_KEY, type SqlKey } from './keys'
import { resolvePath, splitPath } from './values'

/** A stored document: its row id (insertion order), version (for transactions) and body. */
export interface Row {
  rid: number
  ver: number
  doc: Doc
}

export interface IndexState {
  spec: IndexSpec
  table: string
  geo: boolean
  paths: string[]
  /** `paths` split at the dots, once. */
  parts: string[][]
  multikey: boolean
  /** Bit i set: some document holds an array at paths[i]. */
  arrayPaths: number
  /** Its prepared INSERT and DELETE of one row (side tables), made on first use. */
  insertRow?: Database.Statement
  deleteRow?: Database.Statement
}

/*
 * `_indexes.multikey` holds 0 (no array seen), 1 (an array seen, written before the paths
 * were told apart: every path counts as one) or 1 | arrayPaths << 1.
 */
function arrayPathsOf(stored: number | undefined, paths: number): number {
  if (!stored) return 0
  return stored === 1 ? (1 << paths) - 1 : stored >> 1
}

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`

/**
 * The layout of an index's side table, stored with its spec: a file written with another
 * layout has its index tables rebuilt when opened. 2: one WITHOUT ROWID B-tree keyed by
 * (keys…, rid); before, a rowid table with a keys index and a rid index (three B-trees).
 */
const INDEX_LAYOUT = 2

/** A collection's statements by id and rid (see `Store.statementsOf`). */
type CollectionStatements = Partial<Record<'get' | 'version' | 'insert' | 'update' | 'remove', Database.Statement>>

/**
 * SQLite storage: one table per collection (`rid` integer key, unique `id` = `_id`,
 * `ver`, `doc` as relaxed EJSON text), one side table per declared index holding the
 * encoded keys of each document (one row per key, so array fields work as in MongoDB),
 * and an R*Tree per '2dsphere' index. Side tables are maintained on every write, in the
 * same SQLite transaction as the document.
 */
export class Store {
  private readonly stmts = new Map<string, Database.Statement>()
  private readonly byCollection = new Map<string, CollectionStatements>()
  private readonly collections = new Set<string>()
  private readonly indexes = new Map<string, IndexState[]>()
  /** Collections whose cached schema was read or created since the last rollback, which may have undone it. */
  private readonly unconfirmed = new Set<string>()

  constructor(
    readonly sql: Database.Database,
    private readonly declared: readonly IndexSpec[],
  ) {
    sql.exec('CREATE TABLE IF NOT EXISTS _collections (name TEXT PRIMARY KEY)')
    sql.exec(
      'CREATE TABLE IF NOT EXISTS _indexes (coll TEXT, name TEXT, spec TEXT, multikey INTEGER, PRIMARY KEY (coll, name))',
    )
    for (const r of sql.prepare('SELECT name FROM _collections').all() as { name: string }[])
      this.collections.add(r.name)
    validateSpecs(declared)
    // IMMEDIATE: this may write, and another process may be writing the file. A transaction
    // that reads first and then asks for the lock gets "database is locked" at once, without
    // waiting, if that process commits in between (its snapshot is stale); taking the lock
    // first waits for it (busy_timeout) and then reads what the other process committed.
    sql
      .transaction(() => {
        for (const name of new Set(declared.map((s) => s.collection))) this.ensureCollection(name)
        this.dropUndeclared()
      })
      .immediate()
  }

  prepare(text: string): Database.Statement {
    let s = this.stmts.get(text)
    if (!s) {
      s = this.sql.prepare(text)
      this.stmts.set(text, s)
    }
    return s
  }

  /**
   * Whether the collection exists. A name this connection has not seen is looked up in the
   * file: another process on the same file may have created it since we opened, and taking
   * it for missing would hide its documents and, in a transaction, pass a read of an absent
   * document that the other process has since written (its insert then failed as a duplicate).
   */
  hasCollection(name: string): boolean {
    if (this.collections.has(name)) return true
    if (!this.prepare('SELECT 1 FROM _collections WHERE name = ?').get(name)) return false
    this.ensureCollection(name)
    return true
  }

  /**
   * The statements of every write and read by id, kept per collection (building their text and
   * looking it up in `prepare`'s cache was ~2 % of a submission's CPU); each prepared on first use.
   */
  private statementsOf(coll: string): CollectionStatements {
    let s = this.byCollection.get(coll)
    if (!s) this.byCollection.set(coll, (s = {}))
    return s
  }

  tableOf(coll: string): string {
    return q(`c:${coll}`)
  }

  indexesOf(coll: string): IndexState[] {
    const cached = this.indexes.get(coll)
    if (cached) return cached
    return this.hasCollection(coll) ? (this.indexes.get(coll) ?? []) : []
  }

  /**
   * After a rollback: a collection or index created (or rebuilt) in the rolled-back work is
   * gone from the file, so what was cached since the last rollback is read again on next use.
   */
  forgetUnconfirmed(): void {
    for (const coll of this.unconfirmed) {
      this.collections.delete(coll)
      this.indexes.delete(coll)
    }
    this.unconfirmed.clear()
  }

  /** Creates a collection's table and its declared indexes (backfilling them) if missing. */
  ensureCollection(coll: string): void {
    if (this.indexes.has(coll) && this.collections.has(coll)) return
    const t = this.tableOf(coll)
    this.sql.exec(
      `CREATE TABLE IF NOT EXISTS ${t} (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, ver INTEGER NOT NULL, doc TEXT NOT NULL)`,
    )
    this.sql.prepare('INSERT OR IGNORE INTO _collections (name) VALUES (?)').run(coll)
    this.collections.add(coll)
    this.unconfirmed.add(coll)
    const states: IndexState[] = []
    for (const spec of this.declared.filter((s) => s.collection === coll)) states.push(this.ensureIndex(spec))
    this.indexes.set(coll, states)
  }

  private ensureIndex(spec: IndexSpec): IndexState {
    const geo = spec.fields.some((f) => f.order === '2dsphere')
    const table = q(`${geo ? 'gx' : 'ix'}:${spec.collection}:${spec.name}`)
    const specText = JSON.stringify({
      fields: spec.fields,
      unique: !!spec.unique,
      ...(geo ? {} : { layout: INDEX_LAYOUT }),
    })
    const existing = this.sql
      .prepare('SELECT spec, multikey FROM _indexes WHERE coll = ? AND name = ?')
      .get(spec.collection, spec.name) as { spec: string; multikey: number } | undefined
    const arrayPaths = arrayPathsOf(existing?.multikey, spec.fields.length)
    const state: IndexState = {
      spec,
      table,
      geo,
      paths: spec.fields.map((f) => f.field),
      parts: spec.fields.map((f) => splitPath(f.field)),
      multikey: arrayPaths !== 0,
      arrayPaths,
    }
    if (existing && existing.spec === specText) return state
    this.dropIndexTables(spec.collection, spec.name)
    if (geo) {
      this.sql.exec(`CREATE VIRTUAL TABLE ${table} USING rtree(id, minLng, maxLng, minLat, maxLat)`)
    } else {
      // One B-tree: the rows are the index. A document's rows are found again by its old keys
      // (replace and remove have the old document), so no index on rid is needed.
      const cols = spec.fields.map((_, i) => `k${i}`)
      const order = spec.fields.map((f, i) => `k${i} ${f.order === -1 ? 'DESC' : 'ASC'}`)
      this.sql.exec(
        `CREATE TABLE ${table} (${cols.join(', ')}, rid INTEGER NOT NULL, PRIMARY KEY (${order.join(', ')}, rid)) WITHOUT ROWID`,
      )
      // Sparse, as before: a document lacking a field (NULL_KEY) is not held to uniqueness.
      if (spec.unique)
        this.sql.exec(
          `CREATE UNIQUE INDEX ${q(`${table.slice(1, -1)}:unique`)} ON ${table} (${cols.join(', ')}) WHERE ${cols.map((c) => `${c} > ${sqlNumber(NULL_KEY)}`).join(' AND ')}`,
        )
    }
    state.multikey = false
    state.arrayPaths = 0
    this.sql
      .prepare('INSERT OR REPLACE INTO _indexes (coll, name, spec, multikey) VALUES (?, ?, ?, 0)')
      .run(spec.collection, spec.name, specText)
    const rows = this.sql.prepare(`SELECT rid, doc FROM ${this.tableOf(spec.collection)}`).all() as {
      rid: number
      doc: string
    }[]
    for (const r of rows) this.writeIndexRows(state, r.rid, null, fromStoredText(r.doc))
    return state
  }

  private dropIndexTables(coll: string, name: string): void {
    for (const prefix of ['ix', 'gx']) this.sql.exec(`DROP TABLE IF EXISTS ${q(`${prefix}:${coll}:${name}`)}`)
    this.sql.prepare('DELETE FROM _indexes WHERE coll = ? AND name = ?').run(coll, name)
  }

  /** An index removed from INDEXES is removed from the file too, so the two never disagree. */
  private dropUndeclared(): void {
    const rows = this.sql.prepare('SELECT coll, name FROM _indexes').all() as { coll: string; name: string }[]
    for (const r of rows) {
      if (!this.declared.some((s) => s.collection === r.coll && s.name === r.name)) this.dropIndexTables(r.coll, r.name)
    }
  }

  getById(coll: string, id: string): Row | null {
    if (!this.hasCollection(coll)) return null
    const s = this.statementsOf(coll)
    s.get ??= this.sql.prepare(`SELECT rid, ver, doc FROM ${this.tableOf(coll)} WHERE id = ?`)
    const r = s.get.get(id) as { rid: number; ver: number; doc: string } | undefined
    return r ? { rid: r.rid, ver: r.ver, doc: fromStoredText(r.doc) } : null
  }

  /** A document's version (0: none), without reading it. */
  versionOf(coll: string, id: string): number {
    if (!this.hasCollection(coll)) return 0
    const s = this.statementsOf(coll)
    s.version ??= this.sql.prepare(`SELECT ver FROM ${this.tableOf(coll)} WHERE id = ?`).pluck()
    return (s.version.get(id) as number | undefined) ?? 0
  }

  insert(coll: string, doc: Doc): number {
    this.ensureCollection(coll)
    const id = doc._id
    if (typeof id !== 'string' && typeof id !== 'number') throw invalid('_id must be a string or a number')
    try {
      const s = this.statementsOf(coll)
      s.insert ??= this.sql.prepare(`INSERT INTO ${this.tableOf(coll)} (id, ver, doc) VALUES (?, 1, ?)`)
      const info = s.insert.run(String(id), toStoredText(doc))
      const rid = Number(info.lastInsertRowid)
      for (const ix of this.indexesOf(coll)) this.writeIndexRows(ix, rid, null, doc)
      return rid
    } catch (e) {
      throw mapConstraint(e, coll)
    }
  }

  replace(coll: string, row: Row, doc: Doc): void {
    try {
      const s = this.statementsOf(coll)
      s.update ??= this.sql.prepare(`UPDATE ${this.tableOf(coll)} SET doc = ?, ver = ver + 1 WHERE rid = ?`)
      s.update.run(toStoredText(doc), row.rid)
      for (const ix of this.indexesOf(coll)) this.writeIndexRows(ix, row.rid, row.doc, doc)
    } catch (e) {
      throw mapConstraint(e, coll)
    }
  }

  remove(coll: string, row: Row): void {
    const s = this.statementsOf(coll)
    s.remove ??= this.sql.prepare(`DELETE FROM ${this.tableOf(coll)} WHERE rid = ?`)
    s.remove.run(row.rid)
    for (const ix of this.indexesOf(coll)) {
      if (ix.geo) this.prepare(`DELETE FROM ${ix.table} WHERE id = ?`).run(row.rid)
      else this.deleteIndexRows(ix, row.rid, indexKeys(row.doc, ix.parts).keys)
    }
  }

  private deleteIndexRows(ix: IndexState, rid: number, keys: SqlKey[][]): void {
    // Kept on the index, as statementsOf's are.
    ix.deleteRow ??= this.prepare(
      `DELETE FROM ${ix.table} WHERE ${ix.paths.map((_, i) => `k${i} = ? AND `).join('')}rid = ?`,
    )
    for (const k of keys) ix.deleteRow.run(...k, rid)
  }

  /** Rewrites a document's rows in one index, skipping the work when its keys did not change. */
  private writeIndexRows(ix: IndexState, rid: number, before: Doc | null, after: Doc): void {
    if (ix.geo) {
      const path = splitPath(ix.paths[0] as string)
      const geomOf = (d: Doc | null) => (d ? resolvePath(d, path)[0] : undefined)
      const next = geomOf(after)
      if (before && JSON.stringify(geomOf(before)) === JSON.stringify(next)) return
      if (before) this.prepare(`DELETE FROM ${ix.table} WHERE id = ?`).run(rid)
      if (next === undefined || next === null) return
      const g = asGeometry(next)
      if (!g)
        throw new DbError(
          'DATABASE_REQUEST_FAILED',
          `can't extract geo keys: "${ix.paths[0]}" is not a GeoJSON geometry (use db.Geo.Point)`,
        )
      const b = geometryBox(g)
      this.prepare(`INSERT INTO ${ix.table} (id, minLng, maxLng, minLat, maxLat) VALUES (?, ?, ?, ?, ?)`).run(
        rid,
        b.minLng,
        b.maxLng,
        b.minLat,
        b.maxLat,
      )
      return
    }
    const next = indexKeys(after, ix.parts)
    if (before) {
      const prev = indexKeys(before, ix.parts)
      if (keysId(prev.keys) === keysId(next.keys)) return
      this.deleteIndexRows(ix, rid, prev.keys)
    }
    if ((ix.arrayPaths | next.arrayPaths) !== ix.arrayPaths) {
      ix.multikey = true
      ix.arrayPaths |= next.arrayPaths
      this.prepare('UPDATE _indexes SET multikey = ? WHERE coll = ? AND name = ?').run(
        1 | (ix.arrayPaths << 1),
        ix.spec.collection,
        ix.spec.name,
      )
    }
    if (!ix.insertRow) {
      const cols = ix.paths.map((_, i) => `k${i}`)
      ix.insertRow = this.prepare(
        `INSERT INTO ${ix.table} (rid, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`,
      )
    }
    for (const k of next.keys) ix.insertRow.run(rid, ...k)
  }
}

/** A number as SQL text (a partial index's WHERE cannot take parameters); ±1e999 is ±Infinity. */
function sqlNumber(n: number): string {
  return n === -Infinity ? '-1e999' : n === Infinity ? '1e999' : String(n)
}

function mapConstraint(e: unknown, coll: string): unknown {
  const err = e as { code?: string; message?: string }
  if (err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const which = /ix:[^:]+:([^:."]+)/.exec(err.message ?? '')?.[1]
    return new DbError(
      'DATABASE_DUPLICATE_WRITE',
      which
        ? `duplicate key in unique index "${which}" of collection "${coll}"`
        : `duplicate _id in collection "${coll}"`,
    )
  }
  return e
}
