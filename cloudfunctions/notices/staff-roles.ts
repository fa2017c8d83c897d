import type { Role } from '../../types/roles'

/*
 * Until the one role policy (types/policy.ts) lands, the notice roles are these two
 * constants; `requireRoleAt` scopes them to the caller's own units (grid workers to their
 * grid, community staff to their community, street staff to their street).
 */

/** May compose, publish and follow up notices at their unit and below (`notices.publish`). */
export const NOTICE_PUBLISH_ROLES: readonly Role[] = ['grid_worker', 'community_staff', 'community_secretary', 'street_staff']

/** May approve a 紧急 or street-wide notice someone else wrote (`notices.approve`). */
export const NOTICE_APPROVE_ROLES: readonly Role[] = ['community_secretary', 'street_staff']
