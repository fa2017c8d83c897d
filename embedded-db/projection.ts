import { deepClone, isPlainObject, type Doc, type Value } from './codec'
import { invalid, notSupported } from './errors'

/**
 * `field()` projection: `{a: 1, 'b.c': 1}` keeps those paths (and `_id` unless `_id: 0`);
 * `{a: 0}` drops them. MongoDB refuses to mix the two except for `_id`, and so do we.
 */
export function compileProjection(spec: Value | undefined): ((doc: Doc) => Doc) | null {
  if (spec === undefined || spec === null) return null
  if (!isPlainObject(spec)) throw invalid('projection must be an object')
  const entries = Object.entries(spec)
  if (entries.length === 0) return null
  for (const [k, v] of entries) {
    if (isPlainObject(v)) throw notSupported(`projection operator on "${k}"`)
    if (typeof v !== 'number' && typeof v !== 'boolean') throw invalid(`projection of "${k}" must be 0/1 or true/false`)
  }
  const include = entries.filter(([k, v]) => k !== '_id' && Boolean(v)).map(([k]) => k)
  const exclude = entries.filter(([k, v]) => k !== '_id' && !v).map(([k]) => k)
  if (include.length && exclude.length) throw invalid('projection cannot mix inclusion and exclusion')
  const dropId = spec._id !== undefined && !spec._id
  if (include.length) {
    return (doc) => {
      const out: Doc = {}
      if (!dropId && doc._id !== undefined) out._id = doc._id
      for (const path of include) copyPath(doc, out, path.split('.'))
      return out
    }
  }
  return (doc) => {
    const out = deepClone(doc)
    for (const path of exclude) dropPath(out, path.split('.'))
    if (dropId) delete out._id
    return out
  }
}

function copyPath(from: Value | undefined, to: Doc, parts: string[]): void {
  const [head, ...rest] = parts as [string, ...string[]]
  if (!isPlainObject(from) || from[head] === undefined) return
  const v = from[head]
  if (rest.length === 0) {
    to[head] = deepClone(v)
    return
  }
  if (Array.isArray(v)) {
    const arr = Array.isArray(to[head]) ? to[head] : []
    v.forEach((el, i) => {
      if (!isPlainObject(el)) return
      const sub = isPlainObject(arr[i]) ? arr[i] : {}
      copyPath(el, sub, rest)
      arr[i] = sub
    })
    to[head] = arr.filter((x) => x !== undefined)
    return
  }
  if (!isPlainObject(v)) return
  const sub = isPlainObject(to[head]) ? to[head] : {}
  copyPath(v, sub, rest)
  to[head] = sub
}

function dropPath(doc: Value | undefined, parts: string[]): void {
  const [head, ...rest] = parts as [string, ...string[]]
  if (Array.isArray(doc)) {
    for (const el of doc) dropPath(el, parts)
    return
  }
  if (!isPlainObject(doc)) return
  if (rest.length === 0) delete doc[head]
  else dropPath(doc[head], rest)
}
