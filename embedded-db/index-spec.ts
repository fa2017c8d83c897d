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
