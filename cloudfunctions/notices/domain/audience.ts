import type { UnitKind } from '../../../types/roles'

/*
 * Who lives in a unit, as the user documents record it (docs/places.md): everyone bound to a
 * community by `communityId`; everyone whose declared address is at or below a grid, 小区 or
 * 楼栋 by `address.unitIds`.
 */

/** The user field that says a resident belongs to a unit of this kind. */
export const MEMBERSHIP_FIELD: Partial<Record<UnitKind, 'communityId' | 'address.unitIds'>> = {
  community: 'communityId',
  grid: 'address.unitIds',
  estate: 'address.unitIds',
  building: 'address.unitIds',
}

/** Kinds residents cannot belong to directly: their residents are those of the communities below. */
export const EXPANDED_KINDS: readonly UnitKind[] = ['district', 'street']

export interface TargetUnit {
  _id: string
  kind: UnitKind
  ancestors: string[]
}

/**
 * The units to read residents from, each once: a unit whose ancestor is also chosen is
 * dropped (its residents come with the ancestor), which is what keeps a person from getting
 * two receipts when a community and one of its buildings are both chosen. Streets and
 * districts are replaced by the communities below them (`below`).
 */
export function membershipTargets(chosen: readonly TargetUnit[], below: readonly TargetUnit[]): TargetUnit[] {
  const expanded = chosen
    .flatMap((u) =>
      EXPANDED_KINDS.includes(u.kind)
        ? below.filter((b) => b.kind === 'community' && b.ancestors.includes(u._id))
        : [u],
    )
    .filter((u) => MEMBERSHIP_FIELD[u.kind] !== undefined)
  const ids = new Set(expanded.map((u) => u._id))
  const unique = new Map(expanded.filter((u) => !u.ancestors.some((a) => ids.has(a))).map((u) => [u._id, u]))
  return [...unique.values()].sort((a, b) => a._id.localeCompare(b._id))
}
