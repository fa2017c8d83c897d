import { BSONRegExp, isPlainObject, type Value } from './codec'

/**
 * MongoDB's comparison order across types (the "BSON type order"): missing and null sort
 * first, then numbers, strings, embedded documents, arrays, booleans, dates, regexes.
 */
export function typeRank(v: Value | undefined): number {
  if (v === undefined || v === null) return 1
  if (typeof v === 'number') return 2
  if (typeof v === 'string') return 3
  if (Array.isArray(v)) return 5
  if (typeof v === 'boolean') return 7
  if (v instanceof Date) return 8
  if (v instanceof BSONRegExp) return 10
  return 4
}

export function compareValues(a: Value | undefined, b: Value | undefined): number {
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra < rb ? -1 : 1
  switch (ra) {
    case 1:
      return 0
    case 2:
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0
    case 3:
      return compareStrings(a as string, b as string)
    case 7:
      return a === b ? 0 : a ? 1 : -1
    case 8:
      return Math.sign((a as Date).getTime() - (b as Date).getTime())
    case 5: {
      const x = a as Value[]
      const y = b as Value[]
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compareValues(x[i], y[i])
        if (c !== 0) return c
      }
      return Math.sign(x.length - y.length)
    }
    case 10: {
      const x = a as BSONRegExp
      const y = b as BSONRegExp
      return compareStrings(x.pattern + '/' + x.options, y.pattern + '/' + y.options)
    }
    default: {
      const x = Object.entries(a as Record<string, Value>)
      const y = Object.entries(b as Record<string, Value>)
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const [kx, vx] = x[i] as [string, Value]
        const [ky, vy] = y[i] as [string, Value]
        const c = compareValues(vx, vy) || compareStrings(kx, ky)
        if (c !== 0) return c
      }
      return Math.sign(x.length - y.length)
    }
  }
}

/** Byte order of UTF-8, as MongoDB and SQLite's BINARY collation compare strings. */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

export function valuesEqual(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return (a ?? null) === (b ?? null)
  return typeRank(a) === typeRank(b) && compareValues(a, b) === 0
}

/**
 * The values a dotted path reaches in a document, as MongoDB resolves it: an array met
 * on the way is traversed element by element (unless the next part is an index), so
 * `a.b` on `{a: [{b: 1}, {b: 2}]}` reaches 1 and 2. Elements lacking the field reach
 * `undefined`, which is how `{ 'a.b': null }` matches them.
 */
export function resolvePath(doc: Value | undefined, parts: readonly string[], from = 0): (Value | undefined)[] {
  if (from === parts.length) return [doc]
  if (doc === undefined || doc === null) return [undefined]
  const part = parts[from] as string
  if (Array.isArray(doc)) {
    if (/^\d+$/.test(part)) return resolvePath(doc[Number(part)], parts, from + 1)
    const out: (Value | undefined)[] = []
    for (const el of doc) {
      if (isPlainObject(el) || Array.isArray(el)) out.push(...resolvePath(el, parts, from))
    }
    return out.length ? out : [undefined]
  }
  if (isPlainObject(doc)) return resolvePath(doc[part], parts, from + 1)
  return [undefined]
}

/** Sort key of a path: the smallest (ascending) or largest (descending) value it reaches, arrays expanded. */
export function sortKey(doc: Value, parts: readonly string[], direction: 1 | -1): Value | undefined {
  let best: Value | undefined
  let found = false
  for (const v of resolvePath(doc, parts)) {
    const candidates = Array.isArray(v) ? (v.length ? v : [undefined]) : [v]
    for (const c of candidates) {
      if (!found || compareValues(c, best) * direction < 0) {
        best = c
        found = true
      }
    }
  }
  return best
}

export function splitPath(path: string): string[] {
  return path.split('.')
}
