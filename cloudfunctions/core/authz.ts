import type { Db } from '@cloudbase/database'
import { holdsCapability, holdsCapabilityAt, rolesWith, type Capability } from '../../types/policy'
import { AppError } from './app-error'
import { RoleSchema, type Role } from '../../types/roles'
import { unitsByIds } from './org-cache'
import { runtimeCache } from './runtime-cache'
import { COLLECTIONS, type RoleAssignmentDoc, type UnitDoc, type UserDoc } from './collections'
import { aggregated, collection } from './data'

/*
 * Server side of the one role policy (types/policy.ts): the functions ask by capability,
 * never by a role list of their own.
 */

/** Every role assignment of one person (a handful: one query, no paging needed). */
export async function loadAssignments(db: Db, openid: string): Promise<RoleAssignmentDoc[]> {
  return collection(db, COLLECTIONS.roleAssignments).where({ openid }).limit(1000).get()
}

/**
 * The caller's user document and role assignments in one request (`$lookup` from users to
 * role_assignments). Someone with no user document yet (their first call; an admin may have
 * granted a role before it) has their assignments read on their own.
 */
export async function loadCaller(
  db: Db,
  openid: string,
): Promise<{ user: UserDoc | null; assignments: RoleAssignmentDoc[] }> {
  const [found] = await aggregated<UserDoc & { assignments: RoleAssignmentDoc[] }>(
    db
      .collection(COLLECTIONS.users)
      .aggregate()
      .match({ _id: openid })
      .lookup({ from: COLLECTIONS.roleAssignments, localField: '_id', foreignField: 'openid', as: 'assignments' }),
  )
  if (!found) return { user: null, assignments: await loadAssignments(db, openid) }
  const { assignments, ...user } = found
  return { user, assignments }
}

/** A unit of the org tree (from the runtime's cached tree: see org-cache.ts). */
export async function loadUnit(db: Db, unitId: string): Promise<UnitDoc | null> {
  return (await unitsByIds(db, [unitId])).get(unitId) ?? null
}

/** A unit's scope for the policy: the ids above it, root first, then its own. */
export function scopeOf(unit: Pick<UnitDoc, '_id' | 'ancestors'>): string[] {
  return [...unit.ancestors, unit._id]
}

/** Whether the person holds the capability for this unit (at it or one above it). */
export function canAt(
  assignments: readonly RoleAssignmentDoc[],
  capability: Capability,
  unit: Pick<UnitDoc, '_id' | 'ancestors'>,
): boolean {
  return holdsCapabilityAt(assignments, capability, scopeOf(unit))
}

/** Whether the person holds the capability anywhere: the coarse gate before a unit is known. */
export function canAnywhere(assignments: readonly RoleAssignmentDoc[], capability: Capability): boolean {
  return holdsCapability(assignments, capability)
}

/** Throws NOT_FOUND for an unknown unit and FORBIDDEN when the capability is not held there. */
export async function requireCapabilityAt(
  db: Db,
  assignments: readonly RoleAssignmentDoc[],
  capability: Capability,
  unitId: string,
): Promise<UnitDoc> {
  const unit = await loadUnit(db, unitId)
  if (!unit) throw new AppError('NOT_FOUND', '找不到该单位')
  if (!canAt(assignments, capability, unit)) throw new AppError('FORBIDDEN', '您在该单位没有办理此事的权限')
  return unit
}

/**
 * The communities whose queues (待审核心愿, 待审核志愿者) are the person's work: every
 * community where they hold the capability, or below a street or district where they hold
 * it. An admin's authority covers the tree but is not a work queue (as for the rosters).
 */
export async function communitiesServed(
  db: Db,
  assignments: readonly RoleAssignmentDoc[],
  capability: Capability,
): Promise<string[]> {
  const held = [
    ...new Set(assignments.filter((a) => a.role !== 'admin' && holdsCapability([a], capability)).map((a) => a.unitId)),
  ]
  const units = await unitsByIds(db, held)
  const communities = held.filter((id) => units.get(id)?.kind === 'community')
  const above = held.filter((id) => units.has(id) && units.get(id)?.kind !== 'community')
  if (above.length === 0) return communities
  const below = await collection(db, COLLECTIONS.units)
    .where({ ancestors: db.command.in(above), kind: 'community' })
    .field({ _id: true })
    .limit(1000)
    .get()
  return [...new Set([...communities, ...below.map((u) => u._id)])]
}

/** The roles that do a unit's work (every role but 居民 and 志愿者, whom a community may hold by the hundred). */
const STAFF_ROLES = RoleSchema.options.filter((r) => r !== 'resident' && r !== 'volunteer')

/**
 * The staff role assignments at exactly this unit, cached per runtime (core/runtime-cache.ts):
 * who is told of new work there, asked on every submission and review. `assignRole` and
 * `revokeRole` invalidate it in their runtime; another runtime sees a change within the
 * TTL — a newly appointed worker may miss the messages of their first minute (the unit's
 * lists show its work from the start), a removed one may get them for that minute.
 */
const staffRosters = runtimeCache((db, unitId) =>
  collection(db, COLLECTIONS.roleAssignments)
    .where({ unitId, role: db.command.in(STAFF_ROLES) })
    .limit(1000)
    .get(),
)

export function staffAssignmentsAt(db: Db, unitId: string): Promise<RoleAssignmentDoc[]> {
  return staffRosters.get(db, unitId)
}

/** After writing a role assignment: this runtime reads the rosters again. */
export function invalidateRosters(db: Db): void {
  staffRosters.invalidate(db)
}

/**
 * Who is told of work at exactly this unit for a capability (a review queue, a decision):
 * the holders of a role that carries it there. An admin's authority covers the unit, but
 * they are not on its roster.
 */
export async function rosterAt(db: Db, unitId: string, capability: Capability): Promise<string[]> {
  const roles: readonly Role[] = rolesWith(capability).filter((r) => r !== 'admin')
  const assignments = (await staffAssignmentsAt(db, unitId)).filter((a) => roles.includes(a.role))
  return [...new Set(assignments.map((a) => a.openid))]
}
