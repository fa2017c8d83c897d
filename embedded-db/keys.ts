import { toStoredText, type Value } from './codec'
import { resolvePath, typeRank } from './values'

/**
 * Encodes a value as an index key column so that SQLite's own ordering (numbers < text <
 * blob) agrees with MongoDB's type order: numbers and strings as themselves, everything else
 * as a blob whose first byte is its type rank, and null/missing (and NaN, which SQLite would
 * store as NULL) as NULL_KEY below every number — an index table's primary key cannot hold
 * NULL. That key is -Infinity, so a stored -Infinity becomes -Number.MAX_VALUE: the two share
 * a key (the matcher tells them apart; count.ts does not count on that key).
 */
export type SqlKey = number | string | Buffer

export const NULL_KEY = -Infinity

export function encodeKey(v: Value | undefined): SqlKey {
  if (v === undefined || v === null) return NULL_KEY
  if (typeof v === 'number') return Number.isNaN(v) ? NULL_KEY : v === -Infinity ? -Number.MAX_VALUE : v
  if (typeof v === 'string') return v
  const rank = typeRank(v)
  if (v instanceof Date) {
    const b = Buffer.alloc(9)
    b[0] = rank
    b.writeBigUInt64BE(BigInt(v.getTime()) + (1n << 63n), 1)
    return b
  }
  if (typeof v === 'boolean') return Buffer.from([rank, v ? 1 : 0])
  return Buffer.concat([Buffer.from([rank]), Buffer.from(toStoredText(v), 'utf8')])
}

const COMPARISON = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const

/**
 * A `$gt`/`$gte`/`$lt`/`$lte` bound as a comparison on keys. The key -Number.MAX_VALUE also
 * stands for -Infinity, so a strict comparison with it is widened to include it (the matcher
 * then decides).
 */
export function boundClause(op: keyof typeof COMPARISON, v: Value): [string, SqlKey] {
  const key = encodeKey(v)
  const strict = op === '$gt' || op === '$lt'
  return [strict && key === -Number.MAX_VALUE ? `${COMPARISON[op]}=` : COMPARISON[op], key]
}

/** The lowest and highest keys of a type bracket (bounds of `$gt`/`$lt` on that type). */
export function bracket(v: Value): { low: SqlKey; high: SqlKey } | null {
  switch (typeRank(v)) {
    case 2:
      return { low: -Number.MAX_VALUE, high: '' }
    case 3:
      return { low: '', high: Buffer.alloc(0) }
    case 7:
      return { low: Buffer.from([7]), high: Buffer.from([8]) }
    case 8:
      return { low: Buffer.from([8]), high: Buffer.from([9]) }
    default:
      return null
  }
}

/** A value usable as an exact index key in a query (no arrays, objects or regexes). */
export function isScalarKey(v: Value | undefined): v is null | number | string | boolean | Date {
  return v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date
}

/**
 * The key tuples a document contributes to an index: one per combination of reached
 * values, arrays expanded one level (a "multikey" index, as MongoDB builds it). `parts`:
 * each indexed path split at its dots.
 */
export function indexKeys(
  doc: Value,
  parts: readonly (readonly string[])[],
): { keys: SqlKey[][]; multikey: boolean; arrayPaths: number } {
  // Most documents reach one value, not an array, on every path: one tuple, nothing to
  // expand or deduplicate (the general way below gives the same for them).
  const single: SqlKey[] = []
  for (const p of parts) {
    const vs = resolvePath(doc, p)
    if (vs.length !== 1 || Array.isArray(vs[0])) break
    single.push(encodeKey(vs[0]))
  }
  if (single.length === parts.length) return { keys: [single], multikey: false, arrayPaths: 0 }
  let arrayPaths = 0
  const perField = parts.map((p, i) => {
    const out: SqlKey[] = []
    const seen = new Set<string>()
    for (const v of resolvePath(doc, p)) {
      const items = Array.isArray(v) ? ((arrayPaths |= 1 << i), v.length ? v : [undefined]) : [v]
      for (const it of items) {
        const k = encodeKey(it)
        const id = keyId(k)
        if (!seen.has(id)) {
          seen.add(id)
          out.push(k)
        }
      }
    }
    return out
  })
  let combos: SqlKey[][] = [[]]
  for (const field of perField) {
    combos = combos.flatMap((c) => field.map((k) => [...c, k]))
    if (combos.length > 10000) throw new Error('index key explosion: more than 10000 keys for one document')
  }
  return { keys: combos, multikey: arrayPaths !== 0, arrayPaths }
}

function keyId(k: SqlKey): string {
  if (Buffer.isBuffer(k)) return 'b' + k.toString('hex')
  return typeof k === 'number' ? 'd' + k : 's' + k
}

export function keysId(keys: SqlKey[][]): string {
  return keys.map((t) => t.map(keyId).join('\u0001')).join('\u0002')
}
