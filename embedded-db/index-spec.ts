import { invalid } from './errors'

/**
 * An index as the engine takes it (`openEmbeddedDb({ indexes })`), in CloudBase's terms:
 * fields in order, 1 ascending, -1 descending, '2dsphere' for a geo index, `unique` for 唯一.
 * `_id` is always indexed and never listed. The app declares its own list and passes it in;
 * the engine knows no collection by name.
 */
export type IndexOrder = 1 | -1 | '2dsphere'

export interface IndexSpec {
  collection: string
  name: string
  fields: { field: string; order: IndexOrder }[]
  unique?: boolean
}

const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,100}$/

export function checkCollectionName(name: unknown): string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name))
    throw invalid(`invalid collection name ${JSON.stringify(name)}`)
  return name
}

/** Refuses a malformed index list when the store opens. */
export function validateSpecs(specs: readonly IndexSpec[]): void {
  const seen = new Set<string>()
  for (const s of specs) {
    checkCollectionName(s.collection)
    const key = `${s.collection}/${s.name}`
    if (seen.has(key)) throw new Error(`index ${key} is declared twice`)
    seen.add(key)
    if (!/^[A-Za-z0-9_-]+$/.test(s.name)) throw new Error(`index ${key}: invalid name`)
    if (s.fields.length === 0) throw new Error(`index ${key}: no fields`)
    const geo = s.fields.filter((f) => f.order === '2dsphere').length
    if (geo > 0 && (s.fields.length !== 1 || s.unique))
      throw new Error(`index ${key}: a 2dsphere index must be single-field and not unique`)
    for (const f of s.fields) {
      if (f.field === '' || f.field.split('.').some((p) => p === '' || p.startsWith('$')))
        throw new Error(`index ${key}: invalid field "${f.field}"`)
      if (![1, -1, '2dsphere'].includes(f.order)) throw new Error(`index ${key}: invalid order for "${f.field}"`)
    }
  }
}
