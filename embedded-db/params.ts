import { randomBytes } from 'node:crypto'
import { isPlainObject, type Doc, type Value } from './codec'
import { decodeDocument } from './decode'
import { invalid } from './errors'
import type { SortSpec } from './query'
import { checkCollectionName } from './index-spec'

/* Reading and checking the parameters of the SDK's actions (engine.ts executes them). */

export function newId(): string {
  return randomBytes(16).toString('hex')
}

export function collectionOf(p: Record<string, unknown>): string {
  return checkCollectionName(p.collectionName)
}

export function nonNegInt(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw invalid(`${name} must be a non-negative integer`)
  return v
}

export function parseOrder(v: Value): SortSpec[] {
  if (Array.isArray(v)) {
    return v.map((o) => {
      if (!isPlainObject(o) || typeof o.field !== 'string') throw invalid('order entries must be {field, direction}')
      return { path: o.field, dir: o.direction === 'desc' ? -1 : 1 }
    })
  }
  if (!isPlainObject(v)) throw invalid('order must be an object')
  return Object.entries(v).map(([path, dir]) => {
    if (dir !== 1 && dir !== -1) throw invalid(`order of "${path}" must be 1 or -1`)
    return { path, dir }
  })
}

/** Field names MongoDB refuses to store: `$`-prefixed anywhere, or empty. */
function checkKeys(v: Value, where: string): void {
  if (Array.isArray(v)) v.forEach((x) => checkKeys(x, where))
  else if (isPlainObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (k === '' || k.startsWith('$')) throw invalid(`invalid field name "${k}" in ${where}`)
      checkKeys(x, where)
    }
  }
}

export function checkNewDoc(v: Value, where: string): Doc {
  if (!isPlainObject(v)) throw invalid(`${where} must be an object`)
  checkKeys(v, where)
  return v
}

export function decodeNewDocs(raw: unknown, now: number): Doc[] {
  if (!Array.isArray(raw) || raw.length === 0) throw invalid('data must be a non-empty array of documents')
  return raw.map((text, i) => {
    const doc = decodeDocument(text, `document ${i}`, now, checkNewDoc)
    if (doc._id === undefined) return { _id: newId(), ...doc }
    if (typeof doc._id !== 'string' && typeof doc._id !== 'number') throw invalid('_id must be a string or a number')
    if (doc._id === '') throw invalid('_id must not be empty')
    return doc
  })
}
