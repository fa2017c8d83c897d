import type { Db } from '@cloudbase/database'
import type { EstateView } from '../../types/places'
import { AppError } from '../core/app-error'
import { loadUnit } from '../core/authz'
import { COLLECTIONS, type UnitDoc } from '../core/collections'
import { collection, transaction, type Tx } from '../core/data'
import { toLngLat } from '../core/geo'
import { orgUnits, unitsByIds } from '../core/org-cache'

/** A single-document-operations transaction, as CloudBase runs it (core/data.ts). */
export type { Tx } from '../core/data'
export const transact = <T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> => transaction(db, fn)

/** The community a unit belongs to (itself, or the community among its ancestors). */
export async function communityOf(db: Db, unit: UnitDoc): Promise<UnitDoc | null> {
  if (unit.kind === 'community') return unit
  const [community] = await collection(db, COLLECTIONS.units)
    .where({ _id: db.command.in(unit.ancestors), kind: 'community' })
    .limit(1)
    .get()
  return community ?? null
}

export async function requireCommunity(db: Db, id: string): Promise<UnitDoc> {
  const unit = await loadUnit(db, id)
  if (!unit || unit.kind !== 'community') throw new AppError('NOT_FOUND', '找不到该社区')
  return unit
}

export interface CommunityPlaces {
  grids: UnitDoc[]
  estates: UnitDoc[]
  buildings: UnitDoc[]
}

/** Grids, 小区 and 楼栋 as the tree holds them: under the community, in sort order (ties as stored). */
function placesOf(units: Iterable<UnitDoc>, communityId: string): UnitDoc[] {
  return [...units]
    .filter((u) => u.ancestors.includes(communityId) && ['grid', 'estate', 'building'].includes(u.kind))
    .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0))
}

/**
 * A community's grids, 小区 and 楼栋, in their sort order: read in pages of 1000, or with
 * `cached` from the runtime's org tree (a view that writes nothing: an import's preview).
 */
export async function loadPlaces(db: Db, communityId: string, cached = false): Promise<CommunityPlaces> {
  const all: UnitDoc[] = cached ? placesOf((await orgUnits(db)).values(), communityId) : []
  const query = { ancestors: communityId, kind: db.command.in(['grid', 'estate', 'building']) }
  for (let skip = 0; !cached; skip += 1000) {
    const page = await collection(db, COLLECTIONS.units)
      .where(query)
      .orderBy('sort', 'asc')
      .skip(skip)
      .limit(1000)
      .get()
    all.push(...page)
    if (page.length < 1000) break
  }
  return {
    grids: all.filter((u) => u.kind === 'grid'),
    estates: all.filter((u) => u.kind === 'estate'),
    buildings: all.filter((u) => u.kind === 'building'),
  }
}

export function estateViews(places: CommunityPlaces): EstateView[] {
  const gridName = new Map(places.grids.map((g) => [g._id, g.name]))
  const byEstate = new Map<string, UnitDoc[]>()
  for (const b of places.buildings) {
    const list = byEstate.get(b.parentId ?? '') ?? []
    list.push(b)
    byEstate.set(b.parentId ?? '', list)
  }
  return places.estates.map((e) => ({
    id: e._id,
    name: e.name,
    gridId: e.parentId ?? '',
    gridName: gridName.get(e.parentId ?? '') ?? '',
    center: toLngLat(e.center),
    buildings: (byEstate.get(e._id) ?? []).map((b) => ({
      id: b._id,
      label: b.name,
      unitCount: b.unitCount ?? null,
      households: b.households ?? null,
    })),
  }))
}

/** Names of units by id, for views (from the runtime's org tree). */
export async function unitNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const units = await unitsByIds(db, ids)
  return new Map([...units.values()].map((u) => [u._id, u.name]))
}
