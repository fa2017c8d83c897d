import type { Db } from '@cloudbase/database'
import { aggregated, type CollectionName, type Doc, type OrderField, type Where } from './data'

/*
 * Reads that would take one request per collection — an event, its seat book, the
 * caller's registration — taken in one: an aggregate whose `$lookup` stages each run a
 * sub-query on another collection (CloudBase's `lookup({from, let, pipeline, as})`). Each
 * request is a round trip and a billed operation, so a page that shows one thing with what
 * belongs to it costs one read instead of three or four.
 */

/** The documents of `from` that match `where`, in order, at most `limit` (the answer is one document: keep it small). */
export interface Join<T extends Doc> {
  from: CollectionName<T>
  where: Where<T>
  orderBy?: [OrderField<T>, 'asc' | 'desc']
  limit: number
  /** Correlated: also `[its field, the document's field]` equal, e.g. `['eventId', '_id']` (a page of events, each with its own). */
  on?: [string, string]
  /** Only how many match (`[{ n }]`, or `[]` for none), instead of the documents. */
  count?: true
}

/** A join declared with its document type checked against its collection. */
export const join = <T extends Doc>(
  from: CollectionName<T>,
  where: Where<T>,
  options: { orderBy?: [OrderField<T>, 'asc' | 'desc']; limit?: number; on?: [Extract<keyof T, string>, string] } = {},
): Join<T> => ({ from, where, orderBy: options.orderBy, limit: options.limit ?? 1, on: options.on })

/** How many documents of `from` match `where`, in the same request. */
export const joinCount = <T extends Doc>(from: CollectionName<T>, where: Where<T>): Join<T> => ({
  from,
  where,
  limit: 1,
  count: true,
})

// `any`: a record of joins over different document types; `Joined` takes each one's back out.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Joins = Record<string, Join<any>>
type Joined<J> = J extends Join<infer T> ? T[] : never
export type WithJoins<J extends Joins> = { [K in keyof J]: Joined<J[K]> }

/**
 * The `$lookup` of a join: its conditions are fixed values, known before the read, and with
 * `on` one field compared with the document's (a `let` variable in an `$expr`).
 */
export function lookupStage(db: Db, as: string, j: Join<Doc>): Record<string, unknown> {
  const $ = db.command.aggregate
  const on = j.on ? db.command.expr($.eq([`$${j.on[0]}`, '$$on'])) : {}
  let p = $.pipeline().match({ ...j.where, ...on })
  if (j.orderBy) p = p.sort({ [j.orderBy[0]]: j.orderBy[1] === 'asc' ? 1 : -1 })
  p = j.count ? p.count('n') : p.limit(j.limit)
  return { from: j.from, ...(j.on ? { let: { on: `$${j.on[1]}` } } : {}), pipeline: p.done(), as }
}

const PREFIX = 'joined_'

/**
 * The documents of `name` matching `where` (at most `limit`, in `orderBy` order) each with
 * its joins, in one request; a join's name may not be a field of the document.
 */
export async function docsWith<T extends Doc, J extends Joins>(
  db: Db,
  name: CollectionName<T>,
  where: Where<T>,
  joins: J,
  page: { orderBy?: [OrderField<T>, 'asc' | 'desc']; skip?: number; limit: number },
): Promise<Array<{ doc: T } & WithJoins<J>>> {
  let agg = db.collection(name).aggregate().match(where)
  if (page.orderBy) agg = agg.sort({ [page.orderBy[0]]: page.orderBy[1] === 'asc' ? 1 : -1 })
  if (page.skip) agg = agg.skip(page.skip)
  agg = agg.limit(page.limit)
  for (const [as, j] of Object.entries(joins)) agg = agg.lookup(lookupStage(db, PREFIX + as, j))
  const found = await aggregated<Record<string, unknown>>(agg)
  return found.map((raw) => {
    const doc: Record<string, unknown> = {}
    const out: Record<string, unknown> = { doc }
    for (const [k, v] of Object.entries(raw)) {
      if (k.startsWith(PREFIX)) out[k.slice(PREFIX.length)] = v
      else doc[k] = v
    }
    // Cast: the aggregate's stages are the claim about the shape (see `aggregated`).
    return out as { doc: T } & WithJoins<J>
  })
}

/** One document by id with its joins, in one request; null when there is no such document. */
export async function docWith<T extends Doc, J extends Joins>(
  db: Db,
  name: CollectionName<T>,
  id: string,
  joins: J,
): Promise<({ doc: T } & WithJoins<J>) | null> {
  // Cast: `_id` is a field of every document; Where<T> cannot see it through the generic.
  const [found] = await docsWith(db, name, { _id: id } as Where<T>, joins, { limit: 1 })
  return found ?? null
}

/** The count a `joinCount` brought. */
export const countOf = (joined: readonly unknown[]): number => {
  const first = joined[0]
  return typeof first === 'object' && first !== null && 'n' in first && typeof first.n === 'number' ? first.n : 0
}
