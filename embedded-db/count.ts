import { isPlainObject, type Value } from './codec'
import { boundClause, bracket, encodeKey, isScalarKey, type SqlKey } from './keys'
import { isOperatorObject } from './matcher'
import { find, type KeyCond, type Plan } from './query'
import type { Store } from './store'
import { typeRank } from './values'

/**
 * `count()` without reading a document when an index answers the query exactly (MongoDB's
 * COUNT_SCAN): every field of the query is a leading column of one index, each condition
 * is one the index keys decide exactly as the matcher would, and so SQLite's `COUNT(*)`
 * over the index rows is the answer. Anything else falls back to `find`, which decodes
 * the candidates and lets the matcher decide.
 */
export function count(store: Store, coll: string, query: Value): { total: number; plan: Plan } {
  if (!store.hasCollection(coll)) return { total: 0, plan: { kind: 'EMPTY', sortedByIndex: false, docsExamined: 0 } }
  const q = isPlainObject(query) ? query : null
  if (q && Object.keys(q).length === 0) {
    const sql = `SELECT COUNT(*) AS n FROM ${store.tableOf(coll)}`
    const total = (store.prepare(sql).get() as { n: number }).n
    return { total, plan: { kind: 'COUNT_SCAN', sql, params: [], sortedByIndex: false, docsExamined: 0 } }
  }
  const exact = q && !Object.keys(q).some((k) => k.startsWith('$')) ? exactIndexCount(store, coll, q) : null
  if (exact) {
    const total = (store.prepare(exact.sql).get(...exact.params) as { n: number }).n
    return {
      total,
      plan: {
        kind: 'COUNT_SCAN',
        index: exact.index,
        sql: exact.sql,
        params: exact.params,
        sortedByIndex: false,
        docsExamined: 0,
      },
    }
  }
  const { rows, plan } = find(store, coll, query)
  return { total: rows.length, plan }
}

/** The index (most columns used first) whose keys decide every condition of the query exactly. */
function exactIndexCount(
  store: Store,
  coll: string,
  q: Record<string, Value>,
): { index: string; sql: string; params: SqlKey[] } | null {
  const fields = Object.keys(q)
  let best: { index: string; sql: string; params: SqlKey[]; used: number } | null = null
  for (const ix of store.indexesOf(coll)) {
    if (ix.geo || fields.length > ix.paths.length) continue
    const where: string[] = []
    const params: SqlKey[] = []
    let used = 0
    for (let i = 0; i < fields.length; i++) {
      const path = ix.paths[i] as string
      if (!(path in q)) break
      const c = exactCond(q[path] as Value, ix.multikey || path.includes('.'))
      if (!c) break
      if (c.kind === 'eq') {
        where.push(`x.k${i} = ?`)
        params.push(c.key)
        used++
        continue
      }
      if (c.kind === 'in') {
        where.push(`x.k${i} IN (${c.keys.map(() => '?').join(', ')})`)
        params.push(...c.keys)
      } else {
        for (const [op, key] of c.clauses) {
          where.push(`x.k${i} ${op} ?`)
          params.push(key)
        }
      }
      used++
      break // after an $in or a range the later columns are not in key order
    }
    if (used !== fields.length || (best && best.used >= used)) continue
    // One row per document unless an array (or a dotted path through one) gave it several.
    const several = ix.multikey || ix.paths.some((p) => p.includes('.'))
    const sql = `SELECT COUNT(${several ? 'DISTINCT x.rid' : '*'}) AS n FROM ${ix.table} x WHERE ${where.join(' AND ')}`
    best = { index: ix.spec.name, sql, params, used }
  }
  return best
}

/**
 * A condition as index keys, only where the keys decide it exactly as the matcher does:
 * - equality and `$in` on strings, finite numbers, booleans and dates (not -Number.MAX_VALUE,
 *   whose key -Infinity shares, see keys.ts);
 * - `null` (which also matches a missing field) only on a plain single-valued field: an
 *   empty array is stored as a null key but does not match `null`;
 * - a range only on a single-valued field, with bounds of one type (MongoDB's type
 *   bracketing, which the key encoding keeps; strings compare as UTF-8 bytes on both sides).
 */
function exactCond(cond: Value, multiValued: boolean): KeyCond | null {
  if (!isOperatorObject(cond)) return exactKey(cond, multiValued) ? { kind: 'eq', key: encodeKey(cond) } : null
  const ops = Object.keys(cond)
  if (ops.length === 1 && ops[0] === '$eq')
    return exactKey(cond.$eq, multiValued) ? { kind: 'eq', key: encodeKey(cond.$eq) } : null
  if (ops.length === 1 && ops[0] === '$in') {
    const list = cond.$in
    if (
      !Array.isArray(list) ||
      list.length === 0 ||
      list.length > 500 ||
      !list.every((v) => exactKey(v, multiValued) && v !== null)
    )
      return null
    return { kind: 'in', keys: list.map((v) => encodeKey(v)) }
  }
  if (multiValued || ops.length === 0 || ops.length > 2) return null
  const clauses: [string, SqlKey][] = []
  let br: { low: SqlKey; high: SqlKey; rank: number } | null = null
  let lower = false
  let upper = false
  for (const op of ops) {
    const v = cond[op]
    if (!['$gt', '$gte', '$lt', '$lte'].includes(op) || !exactKey(v, multiValued) || v === null) return null
    const b = bracket(v)
    if (!b) return null
    const rank = typeRank(v)
    if (br && br.rank !== rank) return null
    br = { ...b, rank }
    const isLower = op === '$gt' || op === '$gte'
    if (isLower ? lower : upper) return null
    if (isLower) lower = true
    else upper = true
    clauses.push(boundClause(op as '$gt', v))
  }
  if (!br) return null
  if (!lower) clauses.push(['>=', br.low])
  if (!upper) clauses.push(['<', br.high])
  return { kind: 'range', clauses }
}

/**
 * A value an index key stands for exactly: a scalar key (a number finite and not the one
 * -Infinity's key shares), or `null` on a single-valued field. (A function, not an arrow in
 * exactCond: tsx, which runs the local host, names a bound arrow with Object.defineProperty.)
 */
function exactKey(v: Value | undefined, multiValued: boolean): v is null | number | string | boolean | Date {
  return v === null
    ? !multiValued
    : isScalarKey(v) && (typeof v !== 'number' || (Number.isFinite(v) && v !== -Number.MAX_VALUE))
}
