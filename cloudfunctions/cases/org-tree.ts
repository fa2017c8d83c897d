import type { Db } from '@cloudbase/database'
import { COLLECTIONS, type UnitDoc } from '../core/collections'
import { collection } from '../core/data'
import { orgUnits } from '../core/org-cache'
import { buildOrgIndex, type RoutingUnit } from './domain/routing'

/*
 * The org tree as routing reads it: every unit, its boundary and department key, from the
 * runtime's cached units.
 */

/**
 * Departments are matched to categories by key: a `departmentKey` field on the unit when
 * there is one, else the last part of the id (`dept-beilin-zhujian` → `zhujian`).
 */
export function departmentKeyOf(unit: UnitDoc): string | null {
  if (typeof unit.departmentKey === 'string') return unit.departmentKey
  return unit.kind === 'department' ? (/^dept-[a-z0-9]+-([a-z0-9_]+)$/.exec(unit._id)?.[1] ?? null) : null
}

type Ring = Array<[number, number]>

/** A stored boundary as GeoJSON rings, or null: the SDK reads a polygon back as its `Geo.Polygon`, whose `toJSON()` gives GeoJSON. */
function boundaryOf(area: unknown): Ring[] | null {
  const json: unknown = hasToJSON(area) ? area.toJSON() : area
  if (typeof json !== 'object' || json === null || !('type' in json) || json.type !== 'Polygon') return null
  return 'coordinates' in json && Array.isArray(json.coordinates) ? json.coordinates : null
}

const hasToJSON = (v: unknown): v is { toJSON(): unknown } =>
  typeof v === 'object' && v !== null && 'toJSON' in v && typeof v.toJSON === 'function'

export function toRoutingUnit(u: UnitDoc): RoutingUnit {
  return {
    id: u._id,
    name: u.name,
    kind: u.kind,
    parentId: u.parentId,
    boundary: boundaryOf(u.area),
    departmentKey: departmentKeyOf(u),
    sort: u.sort,
  }
}

/** The whole org tree (a few thousand units at most: read in pages of 1000). */
export async function loadUnits(db: Db): Promise<UnitDoc[]> {
  const out: UnitDoc[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = await collection(db, COLLECTIONS.units).skip(skip).limit(1000).get()
    out.push(...page)
    if (page.length < 1000) return out
  }
}

/** The org tree as routing uses it: every unit by id, and the routing index. */
export interface OrgTree {
  byId: Map<string, UnitDoc>
  index: ReturnType<typeof buildOrgIndex>
}

const trees = new WeakMap<Map<string, UnitDoc>, OrgTree>()

/**
 * The org tree for routing a submission: the runtime's cached units (core/org-cache.ts, so
 * one read a minute and the same invalidation when units are written), with the routing
 * index built once per read of them.
 */
export async function orgTreeFor(db: Db): Promise<OrgTree> {
  const byId = await orgUnits(db)
  let tree = trees.get(byId)
  if (!tree) {
    tree = { byId, index: buildOrgIndex([...byId.values()].map(toRoutingUnit)) }
    trees.set(byId, tree)
  }
  return tree
}
