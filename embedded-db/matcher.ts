import { BSONRegExp, isPlainObject, type Value } from './codec'
import { invalid, notSupported } from './errors'
import { EARTH_RADIUS_M, haversine, pointInPolygon, pointOf, withinPolygons, type LngLat } from './geo'
import { compareValues, resolvePath, splitPath, typeRank, valuesEqual } from './values'

export type Predicate = (doc: Value) => boolean
type ValuePredicate = (v: Value | undefined) => boolean

/** Field-level operators the engine implements; anything else is named in an error. */
const FIELD_OPERATORS = new Set([
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$exists',
  '$size',
  '$elemMatch',
  '$all',
  '$mod',
  '$regex',
  '$options',
  '$not',
  '$nearSphere',
  '$near',
  '$geoWithin',
  '$geoIntersects',
])

/** Compiles a MongoDB query document (as the SDK sends it) into a predicate. */
export function compileQuery(query: Value): Predicate {
  if (!isPlainObject(query)) throw invalid('query must be an object')
  const parts: Predicate[] = []
  for (const [key, cond] of Object.entries(query)) {
    if (key.startsWith('$')) parts.push(compileLogical(key, cond))
    else parts.push(compileField(key, cond))
  }
  return (doc) => parts.every((p) => p(doc))
}

function compileLogical(op: string, cond: Value): Predicate {
  if (op === '$and' || op === '$or' || op === '$nor') {
    if (!Array.isArray(cond) || cond.length === 0) throw invalid(`${op} must be a non-empty array`)
    const subs = cond.map(compileQuery)
    if (op === '$and') return (d) => subs.every((s) => s(d))
    if (op === '$or') return (d) => subs.some((s) => s(d))
    return (d) => !subs.some((s) => s(d))
  }
  if (['$expr', '$where', '$text', '$jsonSchema', '$comment'].includes(op)) throw notSupported(`query operator ${op}`)
  throw invalid(`unknown query operator ${op}`)
}

/** True when `v` is an operator expression like `{ $gt: 1 }` rather than a literal to compare. */
export function isOperatorObject(v: Value | undefined): v is Record<string, Value> {
  if (!isPlainObject(v)) return false
  const keys = Object.keys(v)
  if (keys.length === 0 || !keys[0]!.startsWith('$')) return false
  if (!keys.every((k) => k.startsWith('$'))) throw invalid(`cannot mix operators and fields in ${JSON.stringify(keys)}`)
  return true
}

function compileField(path: string, cond: Value): Predicate {
  const parts = splitPath(path)
  if (parts.some((p) => p === '')) throw invalid(`invalid field path "${path}"`)
  if (isOperatorObject(cond)) {
    const ops = compileOperators(path, cond)
    return (doc) => ops(resolvePath(doc, parts))
  }
  const eq = equalsOrRegex(cond)
  return (doc) => anyElement(resolvePath(doc, parts), eq)
}

/** Applies `test` to each reached value and, for arrays, to each element, as MongoDB does. */
function anyElement(values: (Value | undefined)[], test: ValuePredicate): boolean {
  for (const v of values) {
    if (test(v)) return true
    if (Array.isArray(v) && v.some((el) => test(el))) return true
  }
  return false
}

function equalsOrRegex(q: Value): ValuePredicate {
  if (q instanceof BSONRegExp) return regexTest(q)
  if (q === null) return (v) => v === null || v === undefined
  return (v) => valuesEqual(v, q)
}

function regexTest(q: BSONRegExp | { pattern: string; options: string }): ValuePredicate {
  let re: RegExp
  const flags = [...q.options].filter((f) => 'imsu'.includes(f)).join('')
  if ([...q.options].some((f) => !'imsux'.includes(f))) throw invalid(`unknown regex option in "${q.options}"`)
  if (q.options.includes('x')) throw notSupported('regex option x')
  try {
    re = new RegExp(q.pattern, flags)
  } catch (e) {
    throw invalid(`invalid regular expression: ${(e as Error).message}`)
  }
  return (v) => typeof v === 'string' && re.test(v)
}

/** Whether a comparison's sign (compareValues) satisfies $gt, $gte, $lt or $lte. */
function satisfies(op: string, c: number): boolean {
  return op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : c <= 0
}

/*
 * A query is compiled for every request: the functions compileOperator makes are returned
 * or passed, never bound to a name, which tsx (the local host) would give each one with
 * Object.defineProperty (~4k instructions).
 */
function compare(op: string, q: Value): ValuePredicate {
  const rank = typeRank(q)
  // MongoDB compares only within one type bracket: { $gt: 5 } never matches a string.
  return (v) => typeRank(v) === rank && satisfies(op, compareValues(v, q))
}

/** Compiles `{ $op: arg, ... }` for one field into a test over the values the path reaches. */
function compileOperators(path: string, ops: Record<string, Value>): (values: (Value | undefined)[]) => boolean {
  const tests: ((values: (Value | undefined)[]) => boolean)[] = []
  for (const [op, arg] of Object.entries(ops)) {
    if (!FIELD_OPERATORS.has(op)) throw invalid(`unknown query operator ${op} on field "${path}"`)
    tests.push(compileOperator(path, op, arg, ops))
  }
  return (values) => tests.every((t) => t(values))
}

function compileOperator(
  path: string,
  op: string,
  arg: Value,
  all: Record<string, Value>,
): (values: (Value | undefined)[]) => boolean {
  switch (op) {
    case '$eq': {
      const eq = equalsOrRegex(arg)
      return (vs) => anyElement(vs, arg instanceof BSONRegExp ? (v) => valuesEqual(v, arg) : eq)
    }
    case '$ne': {
      const eq = equalsOrRegex(arg)
      return (vs) => !anyElement(vs, arg instanceof BSONRegExp ? (v) => valuesEqual(v, arg) : eq)
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      const t = compare(op, arg)
      return (vs) => anyElement(vs, t)
    }
    case '$in':
    case '$nin': {
      if (!Array.isArray(arg)) throw invalid(`${op} on "${path}" needs an array`)
      const tests = arg.map(equalsOrRegex)
      const within = op === '$in'
      return (vs) => anyElement(vs, (v) => tests.some((t) => t(v))) === within
    }
    case '$exists': {
      const want = Boolean(arg)
      return (vs) => vs.some((v) => v !== undefined) === want
    }
    case '$size': {
      if (typeof arg !== 'number' || !Number.isInteger(arg) || arg < 0)
        throw invalid(`$size on "${path}" needs a non-negative integer`)
      return (vs) => vs.some((v) => Array.isArray(v) && v.length === arg)
    }
    case '$all': {
      if (!Array.isArray(arg)) throw invalid(`$all on "${path}" needs an array`)
      const tests = arg.map(equalsOrRegex)
      return (vs) => arg.length > 0 && tests.every((t) => anyElement(vs, t))
    }
    case '$mod': {
      if (
        !Array.isArray(arg) ||
        arg.length !== 2 ||
        typeof arg[0] !== 'number' ||
        typeof arg[1] !== 'number' ||
        arg[0] === 0
      )
        throw invalid(`$mod on "${path}" needs [divisor, remainder] with a non-zero divisor`)
      const [d, r] = arg as [number, number]
      return (vs) => anyElement(vs, (v) => typeof v === 'number' && Math.trunc(v) % d === r)
    }
    case '$regex': {
      const options = typeof all.$options === 'string' ? all.$options : ''
      const q = arg instanceof BSONRegExp ? arg : typeof arg === 'string' ? { pattern: arg, options } : null
      if (!q) throw invalid(`$regex on "${path}" needs a string or regular expression`)
      const t = regexTest(q)
      return (vs) => anyElement(vs, t)
    }
    case '$options':
      if (all.$regex === undefined) throw invalid(`$options on "${path}" without $regex`)
      return () => true
    case '$elemMatch': {
      if (!isPlainObject(arg)) throw invalid(`$elemMatch on "${path}" needs an object`)
      const keys = Object.keys(arg)
      const operatorForm =
        keys.length > 0 && keys.every((k) => k.startsWith('$') && !['$and', '$or', '$nor'].includes(k))
      const elTest: ValuePredicate = operatorForm
        ? (
            (ops) => (el) =>
              ops([el])
          )(compileOperators(path, arg))
        : (
            (q) => (el) =>
              isPlainObject(el) && q(el)
          )(compileQuery(arg))
      return (vs) => vs.some((v) => Array.isArray(v) && v.some((el) => elTest(el)))
    }
    case '$not': {
      if (arg instanceof BSONRegExp) {
        const t = regexTest(arg)
        return (vs) => !anyElement(vs, t)
      }
      if (!isOperatorObject(arg))
        throw invalid(`$not on "${path}" needs an operator expression or a regular expression`)
      const inner = compileOperators(path, arg)
      return (vs) => !inner(vs)
    }
    case '$nearSphere':
    case '$near': {
      const near = parseNear(path, op, arg)
      return (vs) =>
        vs.some((v) => {
          const p = pointOf(v)
          if (!p) return false
          const d = haversine(near.center, p)
          return d >= near.minDistance && d <= near.maxDistance
        })
    }
    case '$geoWithin': {
      if (!isPlainObject(arg)) throw invalid(`$geoWithin on "${path}" needs an object`)
      if (arg.$centerSphere !== undefined) {
        const { center, radiusMetres } = parseCenterSphere(arg.$centerSphere)
        return (vs) => vs.some((v) => withinPoint(v, (p) => haversine(center, p) <= radiusMetres))
      }
      if (arg.$geometry !== undefined) {
        const polys = withinPolygons(arg.$geometry)
        return (vs) => vs.some((v) => withinPoint(v, (p) => polys.some((rings) => pointInPolygon(p, rings))))
      }
      throw notSupported(`$geoWithin with ${Object.keys(arg).join(',') || 'no shape'}`)
    }
    case '$geoIntersects':
      throw notSupported('$geoIntersects')
    default:
      throw invalid(`unknown query operator ${op} on field "${path}"`)
  }
}

function withinPoint(v: Value | undefined, test: (p: LngLat) => boolean): boolean {
  const p = v === undefined ? null : pointOf(v)
  return p !== null && test(p)
}

export interface NearSpec {
  center: LngLat
  minDistance: number
  maxDistance: number
}

/** `{ $nearSphere: { $geometry: Point, $maxDistance, $minDistance } }`, distances in metres. */
export function parseNear(path: string, op: string, arg: Value): NearSpec {
  if (!isPlainObject(arg)) throw invalid(`${op} on "${path}" needs { $geometry: Point }`)
  const center = pointOf(arg.$geometry)
  if (!center) throw invalid(`${op} on "${path}" needs $geometry to be a GeoJSON Point`)
  return {
    center,
    minDistance: metres(arg.$minDistance, '$minDistance', 0),
    maxDistance: metres(arg.$maxDistance, '$maxDistance', Infinity),
  }
}

function metres(x: Value | undefined, name: string, dflt: number): number {
  if (x === undefined || x === null) return dflt
  if (typeof x !== 'number' || x < 0) throw invalid(`${name} must be a non-negative number of metres`)
  return x
}

export function parseCenterSphere(arg: Value): { center: LngLat; radiusMetres: number } {
  if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[1] !== 'number' || arg[1] < 0)
    throw invalid('$centerSphere must be [[lng, lat], radiusInRadians]')
  const c = arg[0]
  if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number')
    throw invalid('$centerSphere centre must be [lng, lat]')
  return { center: [c[0], c[1]], radiusMetres: arg[1] * EARTH_RADIUS_M }
}
