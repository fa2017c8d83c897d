import type { Capability, CapabilityGrant } from '../../types/policy'
import type { Role } from '../../types/roles'

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  grid_worker: '网格员',
  community_staff: '社区工作者',
  community_secretary: '社区书记',
  street_staff: '街道工作人员',
  department_handler: '部门办理人',
  admin: '管理员',
}

/** The part of `users.me` that says what the person may do (types/policy.ts decides it on the server). */
type WithCapabilities = { capabilities: readonly CapabilityGrant[] } | null | undefined

/** The units where `users.me` says the person holds the capability; each covers the units below it. */
export function unitsWith(me: WithCapabilities, capability: Capability): string[] {
  return me?.capabilities.find((g) => g.capability === capability)?.unitIds ?? []
}

/** Whether to show what needs the capability: the server allows exactly what `users.me` claims. */
export function can(me: WithCapabilities, capability: Capability): boolean {
  return unitsWith(me, capability).length > 0
}
