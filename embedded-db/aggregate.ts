import { deepClone, isPlainObject, parseEjson, toStoredText, type Doc, type Value } from './codec'
import { invalid, notSupported } from './errors'
import { compileQuery, parseNear } from './matcher'
import { compileProjection } from './projection'
import { find, geoNear, sortRows, type SortSpec } from './query'
import { checkCollectionName, type Store } from './store'
import { compareValues, resolvePath, splitPath, valuesEqual } from './values'

interface Stage {
  key: string
  value: Value
}

/** Decodes the SDK's `stages: [{stageKey, stageValue}]` (stageValue is EJSON or JSON text). */
export function decodeStages(raw: unknown): Stage[] {
  if (!Array.isArray(raw)) throw invalid('stages must be an array')
  return raw.map((s, i) => {
    if (!isPlainObject(s) || typeof s.stageKey !== 'string') throw invalid(`stage ${i} must be {stageKey, stageValue}`)
    return { key: s.stageKey, value: parseEjson(s.stageValue, `stage ${s.stageKey}`) }
  })
}

/** Runs the pipeline stages we use: geoNear (first), match, group, sort, project, limit, skip, count, unwind, lookup. */
export function aggregate(store: Store, coll: string, stages: Stage[]): Doc[] {
  let docs: Doc[]
  let rest = stages
  const first = stages[0]
  if (first?.key === '$geoNear') {
    docs = runGeoNear(store, coll, first.value, stages[1])
    rest = stages.slice(1)
  } else if (first?.key === '$match') {
    docs = find(store, coll, first.value).rows.map((r) => r.doc)
    rest = stages.slice(1)
  } else {
    docs = find(store, coll, {}).rows.map((r) => r.doc)
  }
  for (const stage of rest) docs = stage.key === '$lookup' ? lookup(store, stage.value, docs) : runStage(stage, docs)
  return docs
}

/**
 * `$lookup` in its equality form ({from, localField, foreignField, as}): each document gets
 * the documents of `from` whose `foreignField` equals its `localField` (any element, for
 * arrays; a missing local field matches a null or missing foreign one), as in MongoDB.
 * One request brings a document with what hangs off it, e.g. a user with their roles.
 */
function lookup(store: Store, spec: Value, docs: Doc[]): Doc[] {
  if (!isPlainObject(spec) || 'pipeline' in spec || 'let' in spec)
    throw notSupported('$lookup other than {from, localField, foreignField, as}')
  const { from, localField, foreignField, as } = spec
  for (const [name, x] of Object.entries({ from, localField, foreignField, as })) {
    if (typeof x !== 'string' || x === '') throw invalid(`$lookup needs ${name}`)
  }
  return docs.map((d) => {
    const local = resolvePath(d, splitPath(localField as string)).flatMap((x) => (Array.isArray(x) ? x : [x]))
    const keys = local.filter((x) => x !== undefined)
    const query = { [foreignField as string]: { $in: keys.length ? keys : [null] } }
    const copy = deepClone(d)
    setPath(
      copy,
      as as string,
      find(store, checkCollectionName(from), query).rows.map((r) => r.doc),
    )
    return copy
  })
}

function runGeoNear(store: Store, coll: string, p: Value, next: Stage | undefined): Doc[] {
  if (!isPlainObject(p)) throw invalid('$geoNear needs an object')
  if (typeof p.distanceField !== 'string' || p.distanceField === '') throw invalid('$geoNear needs distanceField')
  const key = typeof p.key === 'string' ? p.key : null
  if (!key) throw invalid('$geoNear needs key (the 2dsphere-indexed field)')
  if (p.spherical === false) throw notSupported('$geoNear with spherical: false (flat distances)')
  const near = parseNear(key, '$geoNear', {
    $geometry: p.near as Value,
    $maxDistance: p.maxDistance as Value,
    $minDistance: p.minDistance as Value,
  })
  const query = p.query === undefined ? {} : p.query
  const match = compileQuery(query)
  const nearMatch = compileQuery({
    [key]: {
      $nearSphere: {
        $geometry: p.near as Value,
        $maxDistance: p.maxDistance ?? null,
        $minDistance: p.minDistance ?? null,
      },
    },
  })
  const limit = next?.key === '$limit' && typeof next.value === 'number' ? next.value : Infinity
  const mult = typeof p.distanceMultiplier === 'number' ? p.distanceMultiplier : 1
  const { rows } = geoNear(store, coll, key, near, (d) => match(d) && nearMatch(d), 0, limit)
  return rows.map((r) => {
    const doc = deepClone(r.doc)
    setPath(doc, p.distanceField as string, (r.distance as number) * mult)
    if (typeof p.includeLocs === 'string')
      setPath(doc, p.includeLocs, deepClone(resolvePath(r.doc, splitPath(key))[0] ?? null))
    return doc
  })
}

function setPath(doc: Doc, path: string, v: Value): void {
  const parts = path.split('.')
  let cur: Doc = doc
  for (const p of parts.slice(0, -1)) {
    if (!isPlainObject(cur[p])) cur[p] = {}
    cur = cur[p]
  }
  cur[parts[parts.length - 1] as string] = v
}

function nonNegInt(v: Value, stage: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw invalid(`${stage} needs a non-negative integer`)
  return v
}

function runStage(stage: Stage, docs: Doc[]): Doc[] {
  const v = stage.value
  switch (stage.key) {
    case '$match': {
      const m = compileQuery(v)
      return docs.filter((d) => m(d))
    }
    case '$limit':
      return docs.slice(0, nonNegInt(v, '$limit'))
    case '$skip':
      return docs.slice(nonNegInt(v, '$skip'))
    case '$count': {
      if (typeof v !== 'string' || v === '' || v.startsWith('$') || v.includes('.'))
        throw invalid('$count needs a field name')
      return docs.length ? [{ [v]: docs.length }] : []
    }
    case '$sort': {
      if (!isPlainObject(v) || Object.keys(v).length === 0) throw invalid('$sort needs {field: 1 | -1}')
      const sort: SortSpec[] = Object.entries(v).map(([path, dir]) => {
        if (dir !== 1 && dir !== -1) throw invalid(`$sort direction of "${path}" must be 1 or -1`)
        return { path, dir }
      })
      const rows = docs.map((doc, rid) => ({ rid, ver: 0, doc }))
      sortRows(rows, sort)
      return rows.map((r) => r.doc)
    }
    case '$project':
      return project(v, docs)
    case '$group':
      return group(v, docs)
    case '$unwind': {
      const path = typeof v === 'string' ? v : isPlainObject(v) ? v.path : undefined
      if (typeof path !== 'string' || !path.startsWith('$')) throw invalid('$unwind needs a "$field" path')
      const keep = isPlainObject(v) && v.preserveNullAndEmptyArrays === true
      const field = path.slice(1)
      return docs.flatMap((d) => {
        const arr = resolvePath(d, splitPath(field))[0]
        if (!Array.isArray(arr) || arr.length === 0)
          return keep || (arr !== undefined && arr !== null && !Array.isArray(arr)) ? [d] : []
        return arr.map((el) => {
          const copy = deepClone(d)
          setPath(copy, field, deepClone(el))
          return copy
        })
      })
    }
    case '$geoNear':
      throw invalid('$geoNear must be the first stage of a pipeline')
    default:
      throw notSupported(`aggregate stage ${stage.key}`)
  }
}

/** An aggregation expression: "$field.path", {$literal}, or a constant. */
function evalExpr(expr: Value, doc: Doc): Value | undefined {
  if (typeof expr === 'string' && expr.startsWith('$')) {
    if (expr.startsWith('$$')) throw notSupported(`aggregation variable ${expr}`)
    const vs = resolvePath(doc, splitPath(expr.slice(1)))
    return vs.length === 1 ? vs[0] : vs.filter((x) => x !== undefined)
  }
  if (isPlainObject(expr)) {
    const keys = Object.keys(expr)
    if (keys.length === 1 && keys[0] === '$literal') return expr.$literal
    if (keys.length === 1 && keys[0] === '$eq') return evalEq(expr.$eq ?? null, doc)
    if (keys.length === 1 && keys[0] === '$cond') return evalCond(expr.$cond ?? null, doc)
    if (keys.length === 1 && keys[0] === '$lte') return compareArgs('$lte', expr.$lte ?? null, doc) <= 0
    if (keys.some((k) => k.startsWith('$'))) throw notSupported(`aggregation expression ${keys.join(',')}`)
    const out: Doc = {}
    for (const k of keys) {
      const x = evalExpr(expr[k] as Value, doc)
      if (x !== undefined) out[k] = x
    }
    return out
  }
  return expr
}

/** `{$eq: [a, b]}`: whether the two expressions give the same value (a missing field is null). */
function evalEq(args: Value, doc: Doc): boolean {
  if (!Array.isArray(args) || args.length !== 2) throw invalid('$eq needs [a, b]')
  const [a, b] = args.map((x): Value => evalExpr(x, doc) ?? null)
  return toStoredText(a ?? null) === toStoredText(b ?? null)
}

/** `{$lte: [a, b]}` and the like: the two values in the engine's sort order (a missing field is null). */
function compareArgs(op: string, args: Value, doc: Doc): number {
  if (!Array.isArray(args) || args.length !== 2) throw invalid(`${op} needs [a, b]`)
  const [a, b] = args.map((x): Value => evalExpr(x, doc) ?? null)
  return compareValues(a ?? null, b ?? null)
}

/** `{$cond: {if, then, else}}` or `{$cond: [if, then, else]}`; `if` is true unless false, null, 0 or missing. */
function evalCond(args: Value, doc: Doc): Value | undefined {
  const [cond, then, otherwise] = Array.isArray(args)
    ? args
    : isPlainObject(args)
      ? [args.if, args.then, args.else]
      : []
  if (cond === undefined || then === undefined || otherwise === undefined)
    throw invalid('$cond needs if, then and else')
  const test = evalExpr(cond, doc)
  const truthy = test !== undefined && test !== null && test !== false && test !== 0
  return evalExpr(truthy ? then : otherwise, doc)
}

function project(spec: Value, docs: Doc[]): Doc[] {
  if (!isPlainObject(spec)) throw invalid('$project needs an object')
  const computed = Object.entries(spec).filter(([, x]) => typeof x !== 'number' && typeof x !== 'boolean')
  if (computed.length === 0) {
    const p = compileProjection(spec)
    return p ? docs.map(p) : docs
  }
  const plain = Object.fromEntries(
    Object.entries(spec).filter(([, x]) => typeof x === 'number' || typeof x === 'boolean'),
  )
  if (Object.entries(plain).some(([k, x]) => k !== '_id' && !x))
    throw invalid('$project cannot mix exclusion with computed fields')
  const p = compileProjection(Object.keys(plain).length ? plain : { _id: 1 })
  return docs.map((d) => {
    const out = p ? p(d) : {}
    for (const [k, expr] of computed) {
      const x = evalExpr(expr, d)
      if (x !== undefined) setPath(out, k, x)
    }
    return out
  })
}

const ACCUMULATORS = new Set(['$sum', '$avg', '$min', '$max', '$first', '$last', '$push', '$addToSet'])

function group(spec: Value, docs: Doc[]): Doc[] {
  if (!isPlainObject(spec) || !('_id' in spec)) throw invalid('$group needs an _id')
  const fields = Object.entries(spec).filter(([k]) => k !== '_id')
  for (const [k, acc] of fields) {
    if (!isPlainObject(acc) || Object.keys(acc).length !== 1) throw invalid(`$group field "${k}" needs one accumulator`)
    const op = Object.keys(acc)[0] as string
    if (!ACCUMULATORS.has(op)) throw notSupported(`$group accumulator ${op}`)
  }
  // Grouped through a map on the key's stored text, so a group stage costs one pass however
  // many groups there are. Equal values have equal texts (field order counts, as in MongoDB).
  const groups = new Map<string, { id: Value; docs: Doc[] }>()
  for (const d of docs) {
    const id = evalExpr(spec._id, d) ?? null
    const key = typeof id === 'string' ? `s${id}` : `j${toStoredText(id)}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { id, docs: [] }))
    g.docs.push(d)
  }
  return [...groups.values()].map((g) => {
    const out: Doc = { _id: g.id }
    for (const [k, acc] of fields) {
      const [op, arg] = Object.entries(acc as Doc)[0] as [string, Value]
      const vals = g.docs.map((d) => evalExpr(arg, d))
      out[k] = accumulate(op, vals)
    }
    return out
  })
}

function accumulate(op: string, vals: (Value | undefined)[]): Value {
  const nums = vals.filter((v): v is number => typeof v === 'number')
  const present = vals.filter((v): v is Value => v !== undefined)
  switch (op) {
    case '$sum':
      return nums.reduce((a, b) => a + b, 0)
    case '$avg':
      return nums.length ? nums.reduce((a, b) => a + b, 0) / nums.length : null
    case '$min':
    case '$max': {
      const xs = present.filter((v) => v !== null)
      if (!xs.length) return null
      const rows = xs.map((doc, rid) => ({ rid, ver: 0, doc: { v: doc } }))
      sortRows(rows, [{ path: 'v', dir: op === '$min' ? 1 : -1 }])
      return (rows[0] as { doc: Doc }).doc.v as Value
    }
    case '$first':
      return vals.length ? (vals[0] ?? null) : null
    case '$last':
      return vals.length ? (vals[vals.length - 1] ?? null) : null
    case '$push':
      return present
    default: {
      const out: Value[] = []
      for (const v of present) if (!out.some((x) => valuesEqual(x, v))) out.push(v)
      return out
    }
  }
}
