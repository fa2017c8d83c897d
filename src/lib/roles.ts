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

/** Who reviews volunteer applications (社区 and above). */
export const VOLUNTEER_REVIEWERS: readonly Role[] = ['community_staff', 'community_secretary', 'street_staff', 'admin']
/** Who assigns and revokes roles. */
export const ROLE_MANAGERS: readonly Role[] = ['admin']

export function hasAnyRole(roles: readonly { role: Role }[] | undefined, wanted: readonly Role[]): boolean {
  return (roles ?? []).some((r) => wanted.includes(r.role))
}
