/*
 * The text bson's `EJSON.stringify(value, { relaxed: false })` makes of the plain values the SDK
 * sends (every document, query and update it writes goes through it), made without bson's
 * bookkeeping: bson pushes and pops an entry per property to word a circular structure and
 * checks each object for a BSON type. For a submitted case's document that is ~38 µs against
 * ~29 µs here (a loop of one process on the loaded 2-core machine); the rest is the wrappers
 * themselves and JSON.stringify (~13 µs for the plain document). The same structure is built — each number
 * the `$numberInt`, `$numberLong` or `$numberDouble` wrapper bson picks, a date
 * `{$date: {$numberLong}}`, undefined as null — and handed to `JSON.stringify`, so the text is
 * bson's to the byte (canonical-ejson.test.ts compares them). Anything else — a BSON type, a
 * class instance, a regex, a function, a `__proto__` key, nesting deep enough to be a cycle —
 * answers null, and bson does it.
 */

const GIVE_UP = Symbol('give up')
const INT32_MIN = -0x80000000
const INT32_MAX = 0x7fffffff
/** bson's int64 bounds, as the doubles it compares with. */
const INT64_MIN = -(2 ** 63)
const INT64_MAX = 2 ** 63
/** Deeper than this, the value goes to bson, which tells a cycle from depth. */
const MAX_DEPTH = 100

function canonical(v: unknown, depth: number): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'number') {
    if (Math.floor(v) === v) {
      if (v >= INT32_MIN && v <= INT32_MAX) return { $numberInt: v.toString() }
      if (v >= INT64_MIN && v <= INT64_MAX) return { $numberLong: v.toString() }
    }
    return { $numberDouble: v.toString() }
  }
  if (v === undefined) return null
  if (typeof v !== 'object' || depth > MAX_DEPTH) return GIVE_UP
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length)
    for (let i = 0; i < v.length; i++) {
      const x = canonical(v[i], depth + 1)
      if (x === GIVE_UP) return GIVE_UP
      out[i] = x
    }
    return out
  }
  if (v instanceof Date) return { $date: { $numberLong: v.getTime().toString() } }
  const proto: unknown = Object.getPrototypeOf(v)
  if (proto !== Object.prototype && proto !== null) return GIVE_UP
  const o = v as Record<string, unknown>
  if (o._bsontype !== undefined) return GIVE_UP
  const out: Record<string, unknown> = {}
  for (const k in o) {
    if (k === '__proto__') return GIVE_UP
    const x = canonical(o[k], depth + 1)
    if (x === GIVE_UP) return GIVE_UP
    out[k] = x
  }
  return out
}

/** `EJSON.stringify(value, { relaxed: false })`'s text, or null where bson must make it. */
export function canonicalEjson(value: unknown): string | null {
  const doc = canonical(value, 0)
  return doc === GIVE_UP ? null : JSON.stringify(doc)
}
