import type { UnitView } from '../../types/org'
import type { Capability } from '../../types/policy'
import { unitsWith } from '../lib/roles'
import type { Profile } from '../services/users'

export interface CommunityChoice {
  id: string
  name: string
}

type Reviewer = Pick<Profile, 'roles' | 'capabilities'>

/** The units where the capability is held, with the name and kind `users.me` gave for them. */
function heldUnits(me: Reviewer, capability: Capability) {
  return unitsWith(me, capability).map((id) => {
    const role = me.roles.find((r) => r.unitId === id)
    return { id, name: role?.unitName ?? id, kind: role?.unitKind ?? null }
  })
}

/**
 * The communities this person may review for a capability (volunteers, wishes): a
 * capability held at a community covers that community; held at a street or the district it
 * covers every community below it (the unit's `ancestors` say which).
 */
export function reviewerCommunities(
  me: Reviewer,
  capability: Capability,
  communities: readonly UnitView[],
): CommunityChoice[] {
  const seen = new Map<string, CommunityChoice>()
  for (const unit of heldUnits(me, capability)) {
    if (unit.kind === 'community') {
      seen.set(unit.id, { id: unit.id, name: unit.name })
      continue
    }
    for (const c of communities) {
      if (c.kind === 'community' && (c.ancestors.includes(unit.id) || c.parentId === unit.id))
        seen.set(c.id, { id: c.id, name: c.name })
    }
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

const BELOW_COMMUNITY: readonly (string | null)[] = ['grid', 'estate', 'building']

/** A unit a 住户 list can be shown for, and whether its pending addresses may be confirmed there. */
export interface ResidentScope extends CommunityChoice {
  confirmable: boolean
}

/**
 * Where a 住户 list can be read: every community `residents.view` covers, and the units below
 * a community where it is held (a 网格员's grid). Confirming stays with `places.manage`, which
 * only community staff hold, so only their communities are confirmable.
 */
export function residentScopes(
  me: Reviewer,
  capability: Capability,
  communities: readonly UnitView[],
): ResidentScope[] {
  const managed = new Set(reviewerCommunities(me, 'places.manage', communities).map((c) => c.id))
  const below = heldUnits(me, capability)
    .filter((u) => BELOW_COMMUNITY.includes(u.kind))
    .map((u) => ({ id: u.id, name: u.name }))
  return [...reviewerCommunities(me, capability, communities), ...below].map((c) => ({
    ...c,
    confirmable: managed.has(c.id),
  }))
}

/**
 * A capability held above a community needs the org tree to know its communities, and one
 * held at several units needs it to show them under their streets; one community does not.
 */
export function needsOrgTree(me: Reviewer, capability: Capability): boolean {
  const held = heldUnits(me, capability)
  return held.length > 1 || held.some((u) => u.kind !== 'community')
}
