import { BSONRegExp, EJSON } from 'bson'
import { invalid, notSupported } from './errors'

/**
 * Values as the engine holds them in memory: what `EJSON.parse(relaxed)` yields for the
 * BSON types we support. Documents are stored in SQLite as relaxed EJSON text, so the
 * stored text can be handed to the SDK as it is (it runs `EJSON.parse` on each item).
 */
export type Value = null | boolean | number | string | Date | BSONRegExp | Value[] | { [key: string]: Value }
export type Doc = { [key: string]: Value }

export { BSONRegExp }

/**
 * The keys bson's `EJSON.parse` (4.x, relaxed) turns into something other than the plain
 * object JSON.parse gives: its type wrappers, `$date`, `$code`, DBRefs and `$undefined`.
 */
export const EJSON_TYPE_KEYS = [
  '$undefined',
  '$oid',
  '$binary',
  '$uuid',
  '$symbol',
  '$numberInt',
  '$numberDecimal',
  '$numberDouble',
  '$numberLong',
  '$minKey',
  '$maxKey',
  '$regex',
  '$regularExpression',
  '$timestamp',
  '$date',
  '$code',
  '$ref',
  '$dbPointer',
]

/** Any of EJSON_TYPE_KEYS as a quoted key in the text. */
const EJSON_TYPE_KEY = new RegExp(`"\\$(?:${EJSON_TYPE_KEYS.map((k) => k.slice(1)).join('|')})"`)

/**
 * Whether bson's relaxed `EJSON.parse` could give something other than `JSON.parse` for
 * this text: a type key, or a `\u` escape (which could spell a `$` key or a NUL byte, which
 * EJSON refuses in a name). False is safe to trust; true only means "ask EJSON".
 */
export function mayHoldEjsonType(text: string): boolean {
  return EJSON_TYPE_KEY.test(text) || text.includes('\\u')
}

/** Parses an EJSON string sent by the SDK; `what` names the parameter in the error. */
export function parseEjson(text: unknown, what: string): Value {
  if (typeof text !== 'string') throw invalid(`${what} must be an EJSON string`)
  let parsed: unknown
  const typed = mayHoldEjsonType(text)
  try {
    // Most requests (a query by field, an aggregate stage, a document without dates) hold
    // no EJSON type: then EJSON.parse returns exactly what JSON.parse does (relaxed numbers
    // stay numbers, other objects are returned as they are), at a fraction of the cost —
    // its reviver visits every value.
    parsed = typed ? EJSON.parse(text, { relaxed: true }) : JSON.parse(text)
  } catch (e) {
    throw invalid(`malformed EJSON in ${what}: ${(e as Error).message}`)
  }
  // What JSON.parse makes holds nothing checkSupported refuses (no NaN, date, regex or
  // class), so its copy would be an equal value — except for a `__proto__` key, which
  // the copy turns into a prototype, as it always has.
  return typed || text.includes('"__proto__"') ? checkSupported(parsed, what) : (parsed as Value)
}

/** Rejects BSON types the engine cannot store faithfully instead of silently mangling them. */
function checkSupported(v: unknown, what: string): Value {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v
  if (typeof v === 'number') {
    if (Number.isNaN(v)) throw invalid(`${what} contains a number that is not a number (NaN)`)
    return v
  }
  if (v === undefined) return null
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw invalid(`${what} contains an invalid date`)
    return v
  }
  if (v instanceof BSONRegExp) return v
  if (Array.isArray(v)) return v.map((x) => checkSupported(x, what))
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v)
    if (proto !== Object.prototype && proto !== null) {
      const type = (v as { _bsontype?: string })._bsontype ?? proto?.constructor?.name ?? 'unknown'
      throw notSupported(`BSON type ${type} in ${what}`)
    }
    const out: Doc = {}
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = checkSupported(x, what)
    return out
  }
  throw invalid(`${what} contains an unsupported value of type ${typeof v}`)
}

/** Relaxed EJSON text for storage and for `data.list` (the SDK parses it back). */
export function toStoredText(doc: Value): string {
  // Most documents hold no date, regex or special number: then the text is JSON.stringify's
  // own, and without a replacer (called from C++ for every key) it is made several times faster.
  if (!holdsTypedValue(doc)) return JSON.stringify(doc)
  return JSON.stringify(doc, function (this: Record<string, unknown>, key, value) {
    const raw = this[key]
    if (raw instanceof Date) return { $date: { $numberLong: String(raw.getTime()) } }
    if (raw instanceof BSONRegExp) return { $regularExpression: { pattern: raw.pattern, options: raw.options } }
    if (typeof raw === 'number' && !Number.isFinite(raw)) return { $numberDouble: String(raw) }
    return value
  })
}

/**
 * A document of an answer's `data.list` handed to the SDK already parsed. The SDK runs
 * `EJSON.parse` on every item of a list, and the seam's `EJSON.parse` gives back `doc` for
 * one of these (seam.ts): the engine parsed the document from its stored text a moment
 * before, and writing it out again only for the SDK to parse it back was an eighth of the
 * host's work for `users.me` (text with Chinese in it is V8's slowest JSON).
 */
export class ParsedDoc {
  constructor(readonly doc: Doc) {}
}

/**
 * One document of an answer's `data.list`: the document itself when parsing its text would
 * give an equal one that nothing else holds, else its text. That is: plain objects and
 * arrays, strings, finite numbers other than -0, booleans and null, no `__proto__` key, and
 * no object met twice in the answer (`seen` spans the list; parsed text never shares one).
 * The engine keeps no document it answers with, so the SDK's caller owns what it gets.
 */
export function toListItem(doc: Doc, seen: Set<object>): string | ParsedDoc {
  return isPlainJson(doc, seen) ? new ParsedDoc(doc) : toStoredText(doc)
}

function isPlainJson(v: unknown, seen: Set<object>): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0)
  if (typeof v !== 'object' || seen.has(v)) return false
  seen.add(v)
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!(i in v) || !isPlainJson(v[i], seen)) return false
    return true
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return false
  for (const k of Object.keys(v)) {
    if (k === '__proto__' || !isPlainJson((v as Record<string, unknown>)[k], seen)) return false
  }
  return true
}

/** Whether a value holds what `toStoredText`'s replacer writes as a type: a date, a regex, a non-finite number. */
function holdsTypedValue(v: Value): boolean {
  if (typeof v === 'number') return !Number.isFinite(v)
  if (v === null || typeof v !== 'object') return false
  if (v instanceof Date || v instanceof BSONRegExp) return true
  if (Array.isArray(v)) return v.some(holdsTypedValue)
  for (const k of Object.keys(v)) if (holdsTypedValue(v[k] as Value)) return true
  return false
}

/** Parses stored text back into values (the inverse of `toStoredText`). */
export function fromStoredText(text: string): Doc {
  // Most documents hold no date, regex or special number: without a "$ key there is
  // nothing to revive, and JSON.parse without a reviver is several times faster.
  if (!text.includes('"$')) return JSON.parse(text) as Doc
  return JSON.parse(text, (_key, value) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const d = value.$date
      if (d !== undefined && Object.keys(value).length === 1) return new Date(Number(d.$numberLong ?? d))
      const n = value.$numberDouble
      if (n !== undefined && Object.keys(value).length === 1) return Number(n)
      const r = value.$regularExpression
      if (r !== undefined && Object.keys(value).length === 1) return new BSONRegExp(r.pattern, r.options)
    }
    return value
  }) as Doc
}

export function isPlainObject(v: unknown): v is { [key: string]: Value } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof BSONRegExp)
}

export function deepClone<T extends Value>(v: T): T {
  if (v instanceof Date) return new Date(v.getTime()) as T
  if (Array.isArray(v)) return v.map((x) => deepClone(x)) as T
  if (isPlainObject(v)) {
    const out: Doc = {}
    for (const k of Object.keys(v)) out[k] = deepClone(v[k] as Value)
    return out as T
  }
  return v
}

/** Replaces `{$tcb_server_date: {offset}}` (what `db.serverDate()` serialises to) by the server's time. */
export function resolveServerDates(v: Value, now: number): Value {
  if (Array.isArray(v)) return v.map((x) => resolveServerDates(x, now))
  if (isPlainObject(v)) {
    const sd = v.$tcb_server_date
    if (sd !== undefined && Object.keys(v).length === 1) {
      const offset = isPlainObject(sd) && typeof sd.offset === 'number' ? sd.offset : 0
      return new Date(now + offset)
    }
    const out: Doc = {}
    for (const k of Object.keys(v)) out[k] = resolveServerDates(v[k] as Value, now)
    return out
  }
  return v
}
