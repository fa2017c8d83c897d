import { deepClone, isPlainObject, parseEjson, toStoredText, type Doc, type Value } from './codec'
import { invalid, notSupported } from './errors'
import { evalExpr, independentOfDoc, truthy, type Vars } from './expressions'
import { compileQuery, parseNear } from './matcher'
import { compileProjection } from './projection'
import { find, geoNear, sortRows, type SortSpec } from './query'
import { checkCollectionName } from './index-spec'
import type { Store } from './store'
import { resolvePath, splitPath, valuesEqual } from './values'

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
export function aggregate(store: Store, coll: string, stages: Stage[], vars: Vars = new Map()): Doc[] {
  let docs: Doc[]
  let rest = stages
  const first = stages[0]
  if (first?.key === '$geoNear') {
    docs = runGeoNear(store, coll, first.value, stages[1])
    rest = stages.slice(1)
  } else if (first?.key === '$match') {
    const m = compileMatch(first.value, vars)
    docs = find(store, coll, indexable(first.value, vars))
      .rows.map((r) => r.doc)
      .filter((d) => m(d))
    rest = stages.slice(1)
  } else {
    docs = find(store, coll, {}).rows.map((r) => r.doc)
  }
  // The first stage's documents were each parsed for this pipeline, so a $lookup may add its
  // field to them in place, and to what a $lookup answers; after any other stage a document
  // may share a part with another (a $group's $first and $last of one document), and a
  // $lookup copies each before it writes.
  let owned = first?.key !== '$geoNear'
  for (const stage of rest) {
    if (stage.key === '$lookup') docs = lookup(store, stage.value, docs, vars, owned)
    else docs = runStage(stage, docs, vars)
    owned = stage.key === '$lookup'
  }
  return docs
}

/** A `$match`: a query, which may hold `{$expr: <aggregation expression>}` over the pipeline's variables. */
function compileMatch(query: Value, vars: Vars): (d: Doc) => boolean {
  if (!isPlainObject(query) || !('$expr' in query)) return compileQuery(query)
  const { $expr: expr, ...rest } = query
  const m = compileQuery(rest)
  return (d) => m(d) && truthy(evalExpr(expr ?? null, d, vars))
}

/**
 * The query the index is chosen by for a `$match`: its `$expr` gives the equalities of a
 * field to a constant or variable (`{$eq: ['$eventId', '$$id']}`, alone or in an `$and`),
 * so a correlated `$lookup` reads by index rather than the whole collection per document.
 * It matches at least what the `$match` does; the `$match` itself is applied after.
 */
function indexable(query: Value, vars: Vars): Value {
  if (!isPlainObject(query) || !('$expr' in query)) return query
  const { $expr: expr, ...rest } = query
  const terms = isPlainObject(expr) && Array.isArray(expr.$and) ? expr.$and : [expr ?? null]
  const out: Doc = { ...rest }
  for (const t of terms) {
    const pair = isPlainObject(t) && Array.isArray(t.$eq) && t.$eq.length === 2 ? t.$eq : null
    if (!pair) continue
    const [a, b] = pair as [Value, Value]
    const [field, other] = isFieldPath(a) ? [a, b] : isFieldPath(b) ? [b, a] : [null, null]
    if (field === null || other === null || !independentOfDoc(other)) continue
    const value = evalExpr(other, {}, vars)
    const path = field.slice(1)
    if (['string', 'number', 'boolean'].includes(typeof value) && !(path in out)) out[path] = value as Value
  }
  return out
}

const isFieldPath = (x: Value): x is string => typeof x === 'string' && x.startsWith('$') && !x.startsWith('$$')

/**
 * `$lookup`. The equality form ({from, localField, foreignField, as}): each document gets
 * the documents of `from` whose `foreignField` equals its `localField` (any element, for
 * arrays; a missing local field matches a null or missing foreign one), as in MongoDB.
 * One request brings a document with what hangs off it, e.g. a user with their roles.
 * The pipeline form ({from, let?, pipeline, as}): each document gets what the pipeline
 * answers on `from`, its `let` variables taken from the document (`$$name` in the
 * pipeline's expressions, e.g. `$match: {$expr: {$eq: ['$eventId', '$$id']}}`); without
 * variables the pipeline runs once for all the documents.
 */
function lookup(store: Store, spec: Value, docs: Doc[], outer: Vars, owned: boolean): Doc[] {
  if (!isPlainObject(spec)) throw invalid('$lookup needs an object')
  if ('pipeline' in spec) return lookupPipeline(store, spec, docs, outer, owned)
  if ('let' in spec) throw invalid('$lookup let needs a pipeline')
  const { from, localField, foreignField, as } = spec
  for (const [name, x] of Object.entries({ from, localField, foreignField, as })) {
    if (typeof x !== 'string' || x === '') throw invalid(`$lookup needs ${name}`)
  }
  return docs.map((d) => {
    const local = resolvePath(d, splitPath(localField as string)).flatMap((x) => (Array.isArray(x) ? x : [x]))
    const keys = local.filter((x) => x !== undefined)
    const query = { [foreignField as string]: { $in: keys.length ? keys : [null] } }
    const copy = owned ? d : deepClone(d)
    setPath(
      copy,
      as as string,
      find(store, checkCollectionName(from), query).rows.map((r) => r.doc),
    )
    return copy
  })
}

function lookupPipeline(store: Store, spec: Doc, docs: Doc[], outer: Vars, owned: boolean): Doc[] {
  const { from, as, pipeline } = spec
  if ('localField' in spec || 'foreignField' in spec)
    throw notSupported('$lookup with both localField/foreignField and a pipeline')
  for (const [name, x] of Object.entries({ from, as })) {
    if (typeof x !== 'string' || x === '') throw invalid(`$lookup needs ${name}`)
  }
  if (!Array.isArray(pipeline)) throw invalid('$lookup pipeline must be a list of stages')
  const stages = pipeline.map((s, i): Stage => {
    const keys = isPlainObject(s) ? Object.keys(s) : []
    if (!isPlainObject(s) || keys.length !== 1) throw invalid(`$lookup pipeline stage ${i} must be {$stage: value}`)
    const key = keys[0] as string
    if (key === '$geoNear') throw notSupported('$geoNear in a $lookup pipeline')
    return { key, value: s[key] ?? null }
  })
  const lets = spec.let ?? {}
  if (!isPlainObject(lets)) throw invalid('$lookup let must be an object')
  for (const name of Object.keys(lets))
    if (!/^[a-z][A-Za-z0-9_]*$/.test(name))
      throw invalid(`$lookup let variable "${name}" must start with a lower-case letter`)
  const coll = checkCollectionName(from)
  const once = Object.keys(lets).length === 0 ? aggregate(store, coll, stages, outer) : null
  return docs.map((d) => {
    const own = Object.entries(lets).map(([k, x]): [string, Value] => [k, evalExpr(x, d, outer) ?? null])
    const copy = owned ? d : deepClone(d)
    setPath(copy, as as string, once ? deepClone(once) : aggregate(store, coll, stages, new Map([...outer, ...own])))
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

function runStage(stage: Stage, docs: Doc[], vars: Vars): Doc[] {
  const v = stage.value
  switch (stage.key) {
    case '$match': {
      const m = compileMatch(v, vars)
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
      return project(v, docs, vars)
    case '$group':
      return group(v, docs, vars)
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

function project(spec: Value, docs: Doc[], vars: Vars): Doc[] {
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
      const x = evalExpr(expr, d, vars)
      if (x !== undefined) setPath(out, k, x)
    }
    return out
  })
}

const ACCUMULATORS = new Set(['$sum', '$avg', '$min', '$max', '$first', '$last', '$push', '$addToSet'])

function group(spec: Value, docs: Doc[], vars: Vars): Doc[] {
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
    const id = evalExpr(spec._id, d, vars) ?? null
    const key = typeof id === 'string' ? `s${id}` : `j${toStoredText(id)}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { id, docs: [] }))
    g.docs.push(d)
  }
  return [...groups.values()].map((g) => {
    const out: Doc = { _id: g.id }
    for (const [k, acc] of fields) {
      const [op, arg] = Object.entries(acc as Doc)[0] as [string, Value]
      const vals = g.docs.map((d) => evalExpr(arg, d, vars))
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
