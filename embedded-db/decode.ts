import { EJSON_TYPE_KEYS, isPlainObject, parseEjson, resolveServerDates, type Doc, type Value } from './codec'

/*
 * Reading the EJSON the SDK sends, in one pass where that gives the same answer.
 *
 * The SDK writes every document, query and update as canonical EJSON (`relaxed: false`):
 * each number becomes `{"$numberInt":"3"}`, `{"$numberDouble":"1.5"}` or
 * `{"$numberLong":"1764561234567"}`, a date `{"$date":{"$numberLong":"…"}}`. So nearly every
 * write's text holds an EJSON type, and `parseEjson` hands it to bson's `EJSON.parse`, whose
 * reviver visits every value; then `checkSupported`, `resolveServerDates` and (for a new
 * document) the field-name check each walk and copy it again. Together that was about a
 * tenth of a submitted case's CPU in process (`BENCH_CPU_PROF=… npx tsx bench/commit-cost.ts`).
 *
 * Here the text is read with `JSON.parse` and walked once, in place: those four wrappers
 * become the number or date bson's relaxed parse makes of them. Anything else that EJSON or
 * the checks treat specially — another type key, one of those keys beside other fields, a
 * long beyond 2^53, NaN, a server date, a `$` or empty field name in a new document, a `\u`
 * escape (which could spell any of these) — gives up, and the text goes the old way
 * (`parseEjson` and the rest), which also words every error. decode.test.ts compares both
 * ways over such texts.
 */

/** What the walk cannot answer alone: the caller goes the old way. */
const GIVE_UP = Symbol('give up')

/** Keys the walk may not pass over: bson's type keys, and the SDK's server date (resolveServerDates). */
const EJSON_KEYS = new Set([...EJSON_TYPE_KEYS, '$tcb_server_date'])

/** A `$numberLong` that is a safe integer (as `Long.fromString(s).toNumber()` gives it), else GIVE_UP. */
function safeLong(s: unknown): number | typeof GIVE_UP {
  return typeof s === 'string' && /^-?\d{1,15}$/.test(s) ? Number(s) : GIVE_UP
}

/** The value of a one-key EJSON wrapper, or GIVE_UP. */
function unwrap(key: string, inner: unknown): Value | typeof GIVE_UP {
  switch (key) {
    case '$numberInt':
      return typeof inner === 'string' && /^-?\d{1,10}$/.test(inner) ? Number(inner) : GIVE_UP
    case '$numberDouble': {
      if (typeof inner !== 'string') return GIVE_UP
      const n = parseFloat(inner)
      return Number.isNaN(n) ? GIVE_UP : n
    }
    case '$numberLong':
      return safeLong(inner)
    case '$date': {
      if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return GIVE_UP
      const keys = Object.keys(inner)
      if (keys.length !== 1 || keys[0] !== '$numberLong') return GIVE_UP
      const ms = safeLong((inner as { $numberLong: unknown }).$numberLong)
      return ms === GIVE_UP ? GIVE_UP : new Date(ms)
    }
    default:
      return GIVE_UP
  }
}

/** Rewrites a freshly parsed JSON value in place; `fieldNames`: refuse `$` and empty field names (a stored document). */
function walk(v: unknown, fieldNames: boolean): Value | typeof GIVE_UP {
  if (v === null || typeof v !== 'object') return v as Value
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = walk(v[i], fieldNames)
      if (x === GIVE_UP) return GIVE_UP
      v[i] = x
    }
    return v as Value[]
  }
  const o = v as Record<string, unknown>
  let first = true
  for (const k in o) {
    // An own "__proto__" (JSON.parse makes one) would change the prototype when written back.
    if (k === '__proto__') return GIVE_UP
    if (k.charCodeAt(0) === 36 /* $ */) {
      if (EJSON_KEYS.has(k)) {
        // Only a wrapper alone in its object (bson would also read one beside other fields).
        if (!first) return GIVE_UP
        for (const other in o) if (other !== k) return GIVE_UP
        return unwrap(k, o[k])
      }
      if (fieldNames) return GIVE_UP
    } else if (fieldNames && k === '') return GIVE_UP
    first = false
    const x = walk(o[k], fieldNames)
    if (x === GIVE_UP) return GIVE_UP
    o[k] = x
  }
  return o as Doc
}

function fastPath(text: unknown, fieldNames: boolean): Value | typeof GIVE_UP {
  if (typeof text !== 'string' || text.includes('\\u')) return GIVE_UP
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return GIVE_UP
  }
  return walk(parsed, fieldNames)
}

/** A query, update or stage as the engine uses it: `resolveServerDates(parseEjson(text), now)`, mostly in one pass. */
export function decodeEjson(text: unknown, what: string, now: number): Value {
  const fast = fastPath(text, false)
  return fast === GIVE_UP ? resolveServerDates(parseEjson(text, what), now) : fast
}

/**
 * A document to store: `decodeEjson` that also refuses what MongoDB does not store (`$`
 * or empty field names anywhere; `check` is the old way's check, which words the error).
 */
export function decodeDocument(text: unknown, what: string, now: number, check: (v: Value, what: string) => Doc): Doc {
  const fast = fastPath(text, true)
  if (isPlainObject(fast)) return fast
  return check(resolveServerDates(parseEjson(text, what), now), what)
}
