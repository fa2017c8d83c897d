import type { Db } from '@cloudbase/database'
import { loadUnit } from '../core/authz'
import type { RoleAssignmentDoc, UserDoc } from '../core/collections'
import type { PersonStanding } from './domain/audience'

/*
 * What the events function needs to know about a person for audiences: where they live
 * (their community and the units above it; the grid, 小区 and 楼栋 of their declared
 * address), whether they are a verified party member (双报到, places issue), and where
 * they are an approved volunteer.
 */

async function withAncestors(db: Db, unitIds: readonly string[]): Promise<string[]> {
  const out = new Set<string>()
  for (const id of new Set(unitIds)) {
    const unit = await loadUnit(db, id)
    if (!unit) continue
    out.add(unit._id)
    for (const a of unit.ancestors) out.add(a)
  }
  return [...out]
}

/** The grid, 小区 and 楼栋 of the declared address (below the community). */
function homePlaces(user: UserDoc): string[] {
  const a = user.address
  if (!a) return []
  return [a.gridId, a.estateId, a.buildingId].filter((id): id is string => typeof id === 'string' && id.length > 0)
}

export async function personStanding(
  db: Db,
  user: UserDoc | null,
  assignments: readonly RoleAssignmentDoc[],
): Promise<PersonStanding> {
  if (!user) return { homeUnits: [], places: [], partyUnits: [], volunteerUnits: [] }
  const homeUnits = user.communityId ? await withAncestors(db, [user.communityId]) : []
  const volunteerUnits = await withAncestors(
    db,
    assignments.filter((a) => a.role === 'volunteer').map((a) => a.unitId),
  )
  return { homeUnits, places: homePlaces(user), partyUnits: user.partyMember === true ? homeUnits : [], volunteerUnits }
}
