import type { UnitView } from '../../types/org'
import type { RoleAtUnit } from '../services/users'
import { VOLUNTEER_REVIEWERS } from '../lib/roles'

export interface CommunityChoice {
  id: string
  name: string
}

/**
 * The communities whose volunteer applications this person may review: a role held at a
 * community covers that community; a role at a street or the district covers every
 * community below it (the unit's `ancestors` say which).
 */
export function reviewerCommunities(roles: readonly RoleAtUnit[], communities: readonly UnitView[]): CommunityChoice[] {
  const seen = new Map<string, CommunityChoice>()
  for (const r of roles) {
    if (!VOLUNTEER_REVIEWERS.includes(r.role)) continue
    if (r.unitKind === 'community') {
      seen.set(r.unitId, { id: r.unitId, name: r.unitName })
      continue
    }
    for (const c of communities) {
      if (c.kind === 'community' && (c.ancestors.includes(r.unitId) || c.parentId === r.unitId)) seen.set(c.id, { id: c.id, name: c.name })
    }
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

/** Only a street- or district-level reviewer needs the org tree to know their communities. */
export function needsOrgTree(roles: readonly RoleAtUnit[]): boolean {
  return roles.some((r) => VOLUNTEER_REVIEWERS.includes(r.role) && r.unitKind !== 'community')
}
