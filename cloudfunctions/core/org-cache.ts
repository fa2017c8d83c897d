import type { Db } from '@cloudbase/database'
import { COLLECTIONS, type UnitDoc } from './collections'
import { collection } from './data'
import { runtimeCache } from './runtime-cache'

const PAGE = 1000

async function readAll(db: Db): Promise<Map<string, UnitDoc>> {
  const out = new Map<string, UnitDoc>()
  for (let skip = 0; ; skip += PAGE) {
    const page = await collection(db, COLLECTIONS.units).skip(skip).limit(PAGE).get()
    for (const u of page) out.set(u._id, u)
    if (page.length < PAGE) return out
  }
}

const cache = runtimeCache((db) => readAll(db))

/**
 * Every unit of the org tree by id, read whole at most once a minute per runtime
 * (core/runtime-cache.ts) instead of one to three unit reads in every call that checks a
 * role or names a community. Whoever writes units calls `invalidateOrgCache`.
 */
export function orgUnits(db: Db, nowMs?: number): Promise<Map<string, UnitDoc>> {
  return cache.get(db, '', nowMs)
}

/**
 * The units with these ids that exist. An id the cached tree lacks (a unit added by another
 * runtime since the read, or a wrong id) is read directly, and a found one refreshes the tree.
 */
export async function unitsByIds(db: Db, ids: readonly string[]): Promise<Map<string, UnitDoc>> {
  const out = new Map<string, UnitDoc>()
  if (ids.length === 0) return out
  const all = await orgUnits(db)
  const missing: string[] = []
  for (const id of ids) {
    const u = all.get(id)
    if (u) out.set(id, u)
    else if (!missing.includes(id)) missing.push(id)
  }
  if (missing.length === 0) return out
  const found = await collection(db, COLLECTIONS.units)
    .where({ _id: db.command.in(missing) })
    .limit(PAGE)
    .get()
  for (const u of found) out.set(u._id, u)
  if (found.length > 0) invalidateOrgCache(db)
  return out
}

/** After writing units: the next read of this runtime reads the tree again. */
export function invalidateOrgCache(db: Db): void {
  cache.invalidate(db)
}
