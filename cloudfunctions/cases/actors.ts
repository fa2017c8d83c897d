import type { CaseChannel } from '../../types/cases'
import type { Role } from '../../types/roles'
import type { RoleAssignmentDoc } from '../core/collections'
import type { CaseDoc } from './collections'
import type { Actor } from './domain/state-machine'

/** Roles that handle cases at their unit and the units below it (admin counts everywhere in its subtree). */
export const HANDLER_ROLES: readonly Role[] = ['grid_worker', 'community_staff', 'community_secretary', 'street_staff', 'department_handler']

/** Roles that supervise (督办, 审核延期) the units strictly below them. */
export const SUPERVISOR_ROLES: readonly Role[] = ['community_secretary', 'street_staff']

/** Who may enter a case for someone else, per channel (网格员代办, 热线, 窗口). */
export const PROXY_ROLES: Record<Exclude<CaseChannel, 'miniprogram'>, readonly Role[]> = {
  grid_proxy: ['grid_worker'],
  hotline: ['community_staff', 'community_secretary', 'street_staff'],
  window: ['community_staff', 'community_secretary', 'street_staff'],
}

const holds = (a: RoleAssignmentDoc, roles: readonly Role[]) => roles.includes(a.role) || a.role === 'admin'

/** What the caller is to this case; the case carries its unit scope, so no unit read is needed. */
export function actorOf(doc: Pick<CaseDoc, 'petitionerOpenid' | 'submittedBy' | 'unitScope'>, openid: string, assignments: readonly RoleAssignmentDoc[]): Actor {
  const above = doc.unitScope.slice(0, -1)
  return {
    petitioner: doc.petitionerOpenid === openid,
    submitter: doc.submittedBy === openid && doc.petitionerOpenid !== openid,
    handler: assignments.some((a) => doc.unitScope.includes(a.unitId) && holds(a, HANDLER_ROLES)),
    supervisor: assignments.some((a) => above.includes(a.unitId) && holds(a, SUPERVISOR_ROLES)),
  }
}

/** Whether the caller may act for a unit at all (the unit or one above it). */
export function handlesUnit(unitScope: readonly string[], assignments: readonly RoleAssignmentDoc[]): boolean {
  return assignments.some((a) => unitScope.includes(a.unitId) && holds(a, HANDLER_ROLES))
}
