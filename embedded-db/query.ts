import { fromStoredText, isPlainObject, type Doc, type Value } from './codec'
import { DbError, notSupported } from './errors'
import { boxOfPolygons, capBox, haversine, pointOf, withinPolygons, type Box, type LngLat } from './geo'
import { boundClause, bracket, encodeKey, isScalarKey, type SqlKey } from './keys'
import { compileQuery, isOperatorObject, parseCenterSphere, parseNear, type NearSpec } from './matcher'
import type { IndexState, Row, Store } from './store'
import { compareValues, sortKey, splitPath } from './values'

export interface SortSpec {
  path: string
  dir: 1 | -1
}

export interface FindOptions {
  sort?: SortSpec[]
  skip?: number
  limit?: number
}

/** How a query ran, for tests and benchmarks (MongoDB's explain, in brief). */
export interface Plan {
  kind: 'EMPTY' | 'IDHACK' | 'IXSCAN' | 'GEO_NEAR' | 'GEO_WITHIN' | 'COLLSCAN' | 'COUNT_SCAN'
  index?: string
  sql?: string
  params?: SqlKey[]
  sortedByIndex: boolean
  docsExamined: number
}

export interface Found extends Row {
  distance?: number
}

interface Candidates {
  plan: Plan
  sql: string
  params: SqlKey[]
  sortedByIndex: boolean
}

/** Runs a query: SQLite narrows the candidates through an index, the matcher decides exactly. */
export function find(store: Store, coll: string, query: Value, opts: FindOptions = {}): { rows: Found[]; plan: Plan } {
  const match = compileQuery(query)
  const sort = opts.sort ?? []
  const skip = opts.skip ?? 0
  const limit = opts.limit ?? Infinity
  if (!store.hasCollection(coll)) return { rows: [], plan: { kind: 'EMPTY', sortedByIndex: false, docsExamined: 0 } }
  const near = findNear(query)
  if (near) {
    if (sort.length) throw notSupported('orderBy together with geoNear (results are ordered by distance)')
    return geoNear(store, coll, near.path, near.spec, match, skip, limit)
  }
  const c = chooseCandidates(store, coll, query, sort)
  const rows: Found[] = []
  const seen = new Set<number>()
  let examined = 0
  let skipped = 0
  const stream = c.sortedByIndex || (sort.length === 0 && (c.plan.kind === 'IXSCAN' || c.plan.kind === 'COLLSCAN'))
  const statement = store.prepare(c.sql)
  // better-sqlite3's iterate() costs ~5 µs more a call than all(): worth it only where the
  // reading may stop early (a page) or the candidates may be many more than the answer (a
  // collection scan). By id or through an index without a page, every candidate is read anyway.
  const candidates = (
    (stream && limit !== Infinity) || c.plan.kind === 'COLLSCAN'
      ? statement.iterate(...c.params)
      : statement.all(...c.params)
  ) as Iterable<{ rid: number; ver: number; doc: string }>
  for (const r of candidates) {
    if (seen.has(r.rid)) continue
    seen.add(r.rid)
    examined++
    const doc = fromStoredText(r.doc)
    if (!match(doc)) continue
    if (stream && skipped < skip) {
      skipped++
      continue
    }
    rows.push({ rid: r.rid, ver: r.ver, doc })
    if (stream && rows.length >= limit) break
  }
  c.plan.docsExamined = examined
  if (stream) return { rows, plan: c.plan }
  if (sort.length) sortRows(rows, sort)
  else rows.sort((a, b) => a.rid - b.rid)
  return { rows: rows.slice(skip, skip + limit), plan: c.plan }
}

/** Sorts as MongoDB does (arrays by their min/max element), ties in insertion order. */
export function sortRows(rows: Row[], sort: SortSpec[]): void {
  const keyed = rows.map((r) => ({ r, keys: sort.map((s) => sortKey(r.doc, splitPath(s.path), s.dir)) }))
  keyed.sort((a, b) => {
    for (let i = 0; i < sort.length; i++) {
      const c = compareValues(a.keys[i], b.keys[i]) * (sort[i] as SortSpec).dir
      if (c !== 0) return c
    }
    return a.r.rid - b.r.rid
  })
  keyed.forEach((k, i) => (rows[i] = k.r))
}

function findNear(query: Value): { path: string; spec: NearSpec } | null {
  if (!isPlainObject(query)) return null
  for (const [path, cond] of Object.entries(query)) {
    if (path.startsWith('$') || !isPlainObject(cond)) continue
    for (const op of ['$nearSphere', '$near']) {
      if (cond[op] !== undefined) return { path, spec: parseNear(path, op, cond[op]) }
    }
  }
  return null
}

export function geoIndexFor(store: Store, coll: string, path: string): IndexState {
  const ix = store.indexesOf(coll).find((i) => i.geo && i.paths[0] === path)
  if (!ix)
    throw new DbError(
      'DATABASE_REQUEST_FAILED',
      `unable to find a 2dsphere index for geoNear on "${coll}.${path}": declare one in the indexes passed to openEmbeddedDb`,
    )
  return ix
}

/**
 * Nearest-first through the R*Tree: search a growing spherical cap (its bounding box in
 * the tree), keep matches whose haversine distance is within the cap, and stop as soon
 * as the cap holds enough of them. Everything closer than the cap's radius has been
 * seen, so the first `skip + limit` by distance are exact.
 */
export function geoNear(
  store: Store,
  coll: string,
  path: string,
  near: NearSpec,
  match: (d: Value) => boolean,
  skip: number,
  limit: number,
): { rows: Found[]; plan: Plan } {
  const ix = geoIndexFor(store, coll, path)
  const parts = splitPath(path)
  const needed = skip + limit
  const sql = `SELECT c.rid, c.ver, c.doc FROM ${ix.table} g JOIN ${store.tableOf(coll)} c ON c.rid = g.id WHERE g.maxLng >= ? AND g.minLng <= ? AND g.maxLat >= ? AND g.minLat <= ?`
  const seen = new Map<number, Found | null>()
  let radius = Math.min(near.maxDistance, 1000)
  let examined = 0
  for (;;) {
    const box = capBox(near.center, radius)
    for (const r of store.prepare(sql).iterate(box.minLng, box.maxLng, box.minLat, box.maxLat) as IterableIterator<{
      rid: number
      ver: number
      doc: string
    }>) {
      if (seen.has(r.rid)) continue
      examined++
      const doc = fromStoredText(r.doc)
      const p = pointAt(doc, parts)
      const ok = p !== null && match(doc)
      seen.set(r.rid, ok ? { rid: r.rid, ver: r.ver, doc, distance: haversine(near.center, p) } : null)
    }
    const within = [...seen.values()].filter((f): f is Found => f !== null && (f.distance as number) <= radius)
    const wholeWorld = box.minLng === -180 && box.maxLng === 180 && box.minLat <= -90 && box.maxLat >= 90
    if (within.length >= needed || radius >= near.maxDistance || wholeWorld) {
      within.sort((a, b) => (a.distance as number) - (b.distance as number) || a.rid - b.rid)
      return {
        rows: within.slice(skip, needed),
        plan: { kind: 'GEO_NEAR', index: ix.spec.name, sql, sortedByIndex: true, docsExamined: examined },
      }
    }
    radius = Math.min(near.maxDistance, radius * 4)
  }
}

function pointAt(doc: Doc, parts: string[]): LngLat | null {
  let v: Value | undefined = doc
  for (const p of parts) v = isPlainObject(v) ? v[p] : undefined
  return v === undefined ? null : pointOf(v)
}

/** A condition as index keys (query.ts and count.ts turn it into SQL). */
export type KeyCond =
  { kind: 'eq'; key: SqlKey } | { kind: 'in'; keys: SqlKey[] } | { kind: 'range'; clauses: [string, SqlKey][] }

/** What an index column can do for a condition; null when it cannot narrow it safely. */
function classify(cond: Value | undefined, multikey: boolean): KeyCond | null {
  if (cond === undefined) return null
  if (!isOperatorObject(cond)) return isScalarKey(cond) ? { kind: 'eq', key: encodeKey(cond) } : null
  if (cond.$eq !== undefined && isScalarKey(cond.$eq)) return { kind: 'eq', key: encodeKey(cond.$eq) }
  const inList = cond.$in
  if (Array.isArray(inList) && inList.length > 0 && inList.length <= 500 && inList.every(isScalarKey))
    return { kind: 'in', keys: inList.map((v) => encodeKey(v)) }
  let lo: [string, SqlKey] | null = null
  let hi: [string, SqlKey] | null = null
  let br: ReturnType<typeof bracket> = null
  for (const op of ['$gt', '$gte', '$lt', '$lte'] as const) {
    const v = cond[op]
    if (v === undefined || v === null || !isScalarKey(v)) continue
    const b = bracket(v)
    if (!b || (br && b.low !== br.low && compareKeys(b.low, br.low) !== 0)) continue
    // A multikey index cannot intersect two bounds: different elements may satisfy each.
    if (multikey && (lo || hi)) continue
    br = b
    if (op === '$gt' || op === '$gte') lo = boundClause(op, v)
    else hi = boundClause(op, v)
  }
  if (!br) return null
  return { kind: 'range', clauses: [lo ?? ['>=', br.low], hi ?? ['<', br.high]] }
}

function compareKeys(a: SqlKey, b: SqlKey): number {
  return Buffer.isBuffer(a) && Buffer.isBuffer(b) ? Buffer.compare(a, b) : a === b ? 0 : 1
}

function chooseCandidates(store: Store, coll: string, query: Value, sort: SortSpec[]): Candidates {
  const t = store.tableOf(coll)
  const cols = 'c.rid, c.ver, c.doc'
  const q = isPlainObject(query) ? query : {}
  const id = classify(q._id, false)
  if (id && id.kind !== 'range') {
    const keys = id.kind === 'eq' ? [id.key] : id.keys
    const ids = keys.filter((k) => typeof k === 'string' || typeof k === 'number').map(String)
    const sql = `SELECT ${cols} FROM ${t} c WHERE c.id IN (${ids.map(() => '?').join(', ') || 'NULL'})`
    return {
      plan: { kind: 'IDHACK', sql, params: ids, sortedByIndex: false, docsExamined: 0 },
      sql,
      params: ids,
      sortedByIndex: false,
    }
  }
  let best: (Candidates & { score: number }) | null = null
  for (const ix of store.indexesOf(coll)) {
    if (ix.geo) continue
    const where: string[] = []
    const params: SqlKey[] = []
    let eqCols = 0
    let usedIn = false
    let usedRange = false
    // The column the requested sort may start on: after every column fixed by equality or an
    // $in, or on the range column itself.
    let sortFrom = 0
    for (let i = 0; i < ix.paths.length; i++) {
      const c = classify(q[ix.paths[i] as string], ix.multikey)
      if (!c) break
      if (c.kind === 'eq') {
        where.push(`x.k${i} = ?`)
        params.push(c.key)
        eqCols++
        sortFrom = i + 1
        continue
      }
      if (c.kind === 'in') {
        if (usedIn) break
        where.push(`x.k${i} IN (${c.keys.map(() => '?').join(', ')})`)
        params.push(...c.keys)
        usedIn = true
        sortFrom = i + 1
        continue
      }
      for (const [op, key] of c.clauses) {
        where.push(`x.k${i} ${op} ?`)
        params.push(key)
      }
      usedRange = true
      sortFrom = i
      break
    }
    const orderBy = indexOrder(ix, sortFrom, sort)
    const score = eqCols * 10 + (usedIn ? 5 : 0) + (usedRange ? 3 : 0) + (orderBy ? 2 : 0)
    if (score === 0 || (best && best.score >= score)) continue
    const sql = `SELECT ${cols} FROM ${ix.table} x JOIN ${t} c ON c.rid = x.rid${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${
      orderBy ??
      ix.paths
        .map((_, i) => `x.k${i}`)
        .concat('x.rid')
        .join(', ')
    }`
    best = {
      plan: { kind: 'IXSCAN', index: ix.spec.name, sql, params, sortedByIndex: !!orderBy, docsExamined: 0 },
      sql,
      params,
      sortedByIndex: !!orderBy,
      score,
    }
  }
  if (best && best.score >= 10) return best
  const within = geoWithinCandidates(store, coll, q)
  if (within) return within
  if (best) return best
  const sql = `SELECT ${cols} FROM ${t} c ORDER BY c.rid`
  return {
    plan: { kind: 'COLLSCAN', sql, params: [], sortedByIndex: false, docsExamined: 0 },
    sql,
    params: [],
    sortedByIndex: false,
  }
}

/**
 * ORDER BY over the index when the requested sort follows its columns after the fixed ones
 * and none of the sorted columns ever held an array. After an $in (or on a multikey index,
 * where a document has a row per element) SQLite merges the rows in that order; the reader
 * keeps a document's first row, which is where the sort puts it since its sort keys are
 * single values.
 */
function indexOrder(ix: IndexState, from: number, sort: SortSpec[]): string | null {
  if (sort.length === 0 || sort.length > ix.paths.length - from) return null
  if (sort.some((_s, j) => (ix.arrayPaths >> (from + j)) & 1)) return null
  const declared = ix.spec.fields.map((f) => (f.order === -1 ? -1 : 1))
  const same = sort.every((s, j) => s.path === ix.paths[from + j] && s.dir === declared[from + j])
  const reversed = sort.every((s, j) => s.path === ix.paths[from + j] && s.dir === -(declared[from + j] as number))
  if (!same && !reversed) return null
  return sort
    .map((s, j) => `x.k${from + j} ${s.dir === 1 ? 'ASC' : 'DESC'}`)
    .concat(`x.rid ${same ? 'ASC' : 'DESC'}`)
    .join(', ')
}

function geoWithinCandidates(store: Store, coll: string, q: Record<string, Value>): Candidates | null {
  for (const ix of store.indexesOf(coll)) {
    if (!ix.geo) continue
    const cond = q[ix.paths[0] as string]
    if (!isPlainObject(cond) || !isPlainObject(cond.$geoWithin)) continue
    const w = cond.$geoWithin
    let box: Box
    if (w.$centerSphere !== undefined) {
      const cs = parseCenterSphere(w.$centerSphere)
      box = capBox(cs.center, cs.radiusMetres)
    } else if (w.$geometry !== undefined) box = boxOfPolygons(withinPolygons(w.$geometry))
    else continue
    const sql = `SELECT c.rid, c.ver, c.doc FROM ${ix.table} g JOIN ${store.tableOf(coll)} c ON c.rid = g.id WHERE g.maxLng >= ? AND g.minLng <= ? AND g.maxLat >= ? AND g.minLat <= ?`
    const params = [box.minLng, box.maxLng, box.minLat, box.maxLat]
    return {
      plan: { kind: 'GEO_WITHIN', index: ix.spec.name, sql, params, sortedByIndex: false, docsExamined: 0 },
      sql,
      params,
      sortedByIndex: false,
    }
  }
  return null
}
