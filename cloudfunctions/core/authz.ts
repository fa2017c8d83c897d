import type { Db } from '@cloudbase/database'
import type { Role } from '../../types/roles'
import { AppError } from './app-error'
import { COLLECTIONS, type RoleAssignmentDoc, type UnitDoc } from './collections'

/** Every role assignment of one person (a handful: one query, no paging needed). */
export async function loadAssignments(db: Db, openid: string): Promise<RoleAssignmentDoc[]> {
  const res = await db.collection(COLLECTIONS.roleAssignments).where({ openid }).limit(1000).get()
  return res.data as RoleAssignmentDoc[]
}

export async function loadUnit(db: Db, unitId: string): Promise<UnitDoc | null> {
  const res = await db.collection(COLLECTIONS.units).doc(unitId).get()
  return ((res.data as UnitDoc[])[0] ?? null) as UnitDoc | null
}

/**
 * "This role, at this unit or one above it". An `admin` assignment counts for every role
 * within its subtree: the district administrator may do what any unit below may do.
 */
export function holdsRoleAt(assignments: RoleAssignmentDoc[], roles: readonly Role[], unit: UnitDoc): boolean {
  const scope = new Set([unit._id, ...unit.ancestors])
  return assignments.some((a) => scope.has(a.unitId) && (roles.includes(a.role) || a.role === 'admin'))
}

/** Whether the person holds any of `roles` anywhere; every signed-in person is a resident. */
export function holdsAnyRole(assignments: RoleAssignmentDoc[], roles: readonly Role[]): boolean {
  if (roles.includes('resident')) return true
  return assignments.some((a) => roles.includes(a.role) || a.role === 'admin')
}

/** Throws NOT_FOUND for an unknown unit and FORBIDDEN when the role is not held there. */
export async function requireRoleAt(
  db: Db,
  assignments: RoleAssignmentDoc[],
  roles: readonly Role[],
  unitId: string,
): Promise<UnitDoc> {
  const unit = await loadUnit(db, unitId)
  if (!unit) throw new AppError('NOT_FOUND', '找不到该单位')
  if (!holdsRoleAt(assignments, roles, unit)) throw new AppError('FORBIDDEN', '您在该单位没有办理此事的权限')
  return unit
}
