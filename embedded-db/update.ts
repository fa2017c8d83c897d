import { deepClone, isPlainObject, type Doc, type Value } from './codec'
import { DbError, invalid, notSupported } from './errors'
import { compileQuery, isOperatorObject } from './matcher'
import { compareValues, valuesEqual } from './values'

const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$push',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$pop',
  '$min',
  '$max',
  '$rename',
])

/**
 * Applies a MongoDB update document to a copy of `doc`. Throws (and so changes nothing)
 * on an unknown operator, a wrong type, or two operators touching overlapping paths.
 * A body without operators is a `$set` of its top-level fields (what `merge: true` means).
 */
export function applyUpdate(doc: Doc, update: Value): Doc {
  if (!isPlainObject(update)) throw invalid('update data must be an object')
  const keys = Object.keys(update)
  if (keys.length === 0) throw invalid('update data must not be empty')
  const hasOps = keys.some((k) => k.startsWith('$'))
  if (hasOps && !keys.every((k) => k.startsWith('$'))) throw invalid('update data mixes operators and plain fields')
  const ops: Record<string, Value> = hasOps ? update : { $set: update }
  const out = deepClone(doc)
  const touched: string[] = []
  for (const [op, fields] of Object.entries(ops)) {
    if (!UPDATE_OPERATORS.has(op)) {
      if (['$currentDate', '$bit', '$setOnInsert'].includes(op)) throw notSupported(`update operator ${op}`)
      throw invalid(`unknown update operator ${op}`)
    }
    if (!isPlainObject(fields)) throw invalid(`${op} needs an object of fields`)
    for (const [path, arg] of Object.entries(fields)) {
      checkPath(path, touched)
      if (op === '$rename') {
        if (typeof arg !== 'string' || arg === '') throw invalid(`$rename of "${path}" needs a field name`)
        checkPath(arg, touched)
      }
      applyOne(out, op, path, arg)
    }
  }
  return out
}

function checkPath(path: string, touched: string[]): void {
  const parts = path.split('.')
  if (parts.some((p) => p === '' || p.startsWith('$'))) throw invalid(`invalid field path "${path}" in update`)
  if (parts[0] === '_id') throw invalid('不能更新_id的值')
  for (const t of touched) {
    if (t === path || t.startsWith(path + '.') || path.startsWith(t + '.'))
      throw invalid(`updating the path "${path}" would create a conflict at "${t}"`)
  }
  touched.push(path)
}

/** Where a path ends: a field of an object or an element of an array. A class, not closures made per field. */
class Slot {
  constructor(
    readonly parent: Record<string, Value> | Value[],
    readonly key: string,
  ) {}

  get(): Value | undefined {
    return Array.isArray(this.parent) ? this.parent[Number(this.key)] : this.parent[this.key]
  }

  set(v: Value): void {
    setIn(this.parent, this.key, v)
  }

  unset(): void {
    if (Array.isArray(this.parent)) {
      if (Number(this.key) < this.parent.length) this.parent[Number(this.key)] = null
    } else delete this.parent[this.key]
  }
}

/** Locates the slot a dotted path names; with `create`, builds missing objects on the way. */
function locate(doc: Doc, path: string, create: boolean): Slot | null {
  const parts = path.split('.')
  let cur: Record<string, Value> | Value[] = doc
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i] as string
    let next: Value | undefined = Array.isArray(cur) ? (/^\d+$/.test(p) ? cur[Number(p)] : undefined) : cur[p]
    if (Array.isArray(cur) && !/^\d+$/.test(p))
      throw new DbError('DATABASE_REQUEST_FAILED', `cannot create field "${p}" in array at "${path}"`)
    if (next === undefined) {
      if (!create) return null
      next = {}
      setIn(cur, p, next)
    } else if (!isPlainObject(next) && !Array.isArray(next)) {
      // MongoDB creates missing parents but never replaces an existing value, null
      // included: `$set {'ext.a': 1}` on `{ext: null}` is refused, not turned into `{ext: {a: 1}}`.
      if (!create) return null
      throw new DbError(
        'DATABASE_REQUEST_FAILED',
        `Cannot create field '${parts[i + 1]}' in element {${p}: ${JSON.stringify(next)}}`,
      )
    }
    cur = next
  }
  const key = parts[parts.length - 1] as string
  const parent = cur
  if (Array.isArray(parent) && !/^\d+$/.test(key)) {
    if (!create) return null
    throw new DbError('DATABASE_REQUEST_FAILED', `cannot create field "${key}" in array at "${path}"`)
  }
  return new Slot(parent, key)
}

function setIn(parent: Record<string, Value> | Value[], key: string, v: Value): void {
  if (Array.isArray(parent)) {
    const i = Number(key)
    while (parent.length < i) parent.push(null)
    parent[i] = v
  } else parent[key] = v
}

function typeError(op: string, path: string, expected: string, got: Value | undefined): DbError {
  return new DbError(
    'DATABASE_REQUEST_FAILED',
    `cannot apply ${op} to "${path}": expected ${expected}, found ${JSON.stringify(got)}`,
  )
}

function applyOne(doc: Doc, op: string, path: string, arg: Value): void {
  switch (op) {
    case '$set':
      locate(doc, path, true)!.set(deepClone(arg))
      return
    case '$unset':
      locate(doc, path, false)?.unset()
      return
    case '$inc':
    case '$mul': {
      if (typeof arg !== 'number') throw invalid(`${op} of "${path}" needs a number, got ${JSON.stringify(arg)}`)
      const slot = locate(doc, path, true)!
      const cur = slot.get()
      if (cur === undefined) slot.set(op === '$inc' ? arg : 0)
      else if (typeof cur !== 'number') throw typeError(op, path, 'a number', cur)
      else slot.set(op === '$inc' ? cur + arg : cur * arg)
      return
    }
    case '$min':
    case '$max': {
      const slot = locate(doc, path, true)!
      const cur = slot.get()
      const c = compareValues(arg, cur)
      if (cur === undefined || (op === '$min' ? c < 0 : c > 0)) slot.set(deepClone(arg))
      return
    }
    case '$rename': {
      const from = locate(doc, path, false)
      const v = from?.get()
      if (from === null || v === undefined) return
      from.unset()
      locate(doc, arg as string, true)!.set(v)
      return
    }
    case '$push':
    case '$addToSet': {
      const slot = locate(doc, path, true)!
      const cur = slot.get()
      if (cur !== undefined && !Array.isArray(cur)) throw typeError(op, path, 'an array', cur)
      const arr = cur ?? []
      const each = isPlainObject(arg) && arg.$each !== undefined
      const items = each ? arg.$each : [arg]
      if (!Array.isArray(items)) throw invalid(`${op}.$each of "${path}" needs an array`)
      if (op === '$addToSet') {
        if (each && Object.keys(arg).length > 1) throw invalid('$addToSet accepts only $each as a modifier')
        for (const it of items) if (!arr.some((x) => valuesEqual(x, it))) arr.push(deepClone(it))
      } else {
        const mods = each ? (arg as Record<string, Value>) : {}
        for (const k of Object.keys(mods))
          if (!['$each', '$position', '$slice', '$sort'].includes(k)) throw invalid(`unknown $push modifier ${k}`)
        if (mods.$sort !== undefined) throw notSupported('$push with $sort')
        let pos = arr.length
        if (mods.$position !== undefined) {
          if (typeof mods.$position !== 'number' || !Number.isInteger(mods.$position))
            throw invalid('$position must be an integer')
          pos = mods.$position < 0 ? Math.max(0, arr.length + mods.$position) : Math.min(mods.$position, arr.length)
        }
        arr.splice(pos, 0, ...items.map((x) => deepClone(x)))
        if (mods.$slice !== undefined) {
          if (typeof mods.$slice !== 'number' || !Number.isInteger(mods.$slice))
            throw invalid('$slice must be an integer')
          const s = mods.$slice
          const kept = s >= 0 ? arr.slice(0, s) : arr.slice(Math.max(0, arr.length + s))
          arr.length = 0
          arr.push(...kept)
        }
      }
      slot.set(arr)
      return
    }
    case '$pop': {
      if (arg !== 1 && arg !== -1) throw invalid(`$pop of "${path}" needs 1 or -1`)
      const slot = locate(doc, path, false)
      const cur = slot?.get()
      if (cur === undefined) return
      if (!Array.isArray(cur)) throw typeError(op, path, 'an array', cur)
      if (arg === 1) cur.pop()
      else cur.shift()
      return
    }
    case '$pull':
    case '$pullAll': {
      const slot = locate(doc, path, false)
      const cur = slot?.get()
      if (cur === undefined) return
      if (!Array.isArray(cur)) throw typeError(op, path, 'an array', cur)
      let remove: (el: Value) => boolean
      if (op === '$pullAll') {
        if (!Array.isArray(arg)) throw invalid(`$pullAll of "${path}" needs an array`)
        remove = (el) => arg.some((x) => valuesEqual(el, x))
      } else if (isOperatorObject(arg)) {
        const q = compileQuery({ v: arg })
        remove = (el) => q({ v: el })
      } else if (isPlainObject(arg)) {
        const q = compileQuery(arg)
        remove = (el) => isPlainObject(el) && q(el)
      } else remove = (el) => valuesEqual(el, arg)
      slot!.set(cur.filter((el) => !remove(el)))
      return
    }
  }
}

/** Whether two documents differ (used to count `updated` as MongoDB's nModified does). */
export function docsDiffer(a: Doc, b: Doc): boolean {
  return !valuesEqual(a, b) || Object.keys(a).join('\0') !== Object.keys(b).join('\0')
}
