import type { Role, UnitKind } from './roles'

/** The roles in the words of a 社区 register: shown in the app and written in role-change messages. */
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

/** The unit kinds as 角色管理 names them beside a unit's name. */
export const UNIT_KIND_LABELS: Record<string, string> = {
  district: '区',
  street: '街道',
  community: '社区',
  grid: '网格',
  department: '部门',
  joint_office: '三方办',
  estate: '小区',
  building: '楼栋',
}

/** Which unit kinds each role may be bound to: a grid worker belongs to a grid, not a department. */
export const ROLE_UNIT_KINDS: Record<Role, readonly UnitKind[]> = {
  resident: ['community'],
  volunteer: ['community'],
  grid_worker: ['grid', 'community'],
  community_staff: ['community', 'joint_office'],
  community_secretary: ['community'],
  street_staff: ['street', 'joint_office'],
  department_handler: ['department'],
  admin: ['district'],
}

/** The roles 角色管理 may give at a unit of this kind (`resident` is everyone's and never given). */
export function rolesFor(kind: UnitKind): Role[] {
  return (Object.keys(ROLE_UNIT_KINDS) as Role[]).filter((r) => r !== 'resident' && ROLE_UNIT_KINDS[r].includes(kind))
}
