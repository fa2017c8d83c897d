import type { UnitKind } from '../../../types/roles'

/*
 * Who lives in a unit, as the user documents record it. This is the seam for 小区 and 楼栋:
 * when residents carry an estate and building (issue 10), add their kinds and fields here and
 * the rest of the fan-out, counting and reach views follow.
 */

/** The user field that says a resident belongs to a unit of this kind. */
export const MEMBERSHIP_FIELD: Partial<Record<UnitKind, 'communityId' | 'gridId'>> = {
  community: 'communityId',
  grid: 'gridId',
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
 * two receipts when a community and one of its grids are both chosen. Streets and districts
 * are replaced by the communities below them (`below`).
 */
export function membershipTargets(chosen: readonly TargetUnit[], below: readonly TargetUnit[]): TargetUnit[] {
  const expanded = chosen
    .flatMap((u) => (EXPANDED_KINDS.includes(u.kind) ? below.filter((b) => b.kind === 'community' && b.ancestors.includes(u._id)) : [u]))
    .filter((u) => MEMBERSHIP_FIELD[u.kind] !== undefined)
  const ids = new Set(expanded.map((u) => u._id))
  const unique = new Map(expanded.filter((u) => !u.ancestors.some((a) => ids.has(a))).map((u) => [u._id, u]))
  return [...unique.values()].sort((a, b) => a._id.localeCompare(b._id))
}
