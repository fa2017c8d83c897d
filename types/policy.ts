import { z } from 'zod'
import type { Role } from './roles'

/**
 * The one role policy: who may do what, asked by name. The functions check every action
 * against it (`access` on each action, `ctx.requireCapabilityAt` for the unit), and
 * `users.me` answers the caller's capabilities from it, so the app shows exactly what the
 * server will allow — neither side keeps a role list of its own.
 *
 * A capability held at a unit covers that unit and every unit below it ("this role, at this
 * unit or one above it"). An `admin` holds every staff capability within its subtree; the
 * `personal` ones describe what a person is (an approved volunteer of a community), not an
 * authority over units, so admin does not hold them and only the exact unit counts.
 */
export const POLICY = {
  'volunteers.review': { label: '志愿者审核', roles: ['community_staff', 'community_secretary'] },
  'roles.manage': { label: '角色管理', roles: ['admin'] },
  'stations.edit': { label: '驿站管理', roles: ['community_staff', 'community_secretary'] },
  /** The amenity list (阅览区、充电…) every station chooses from. */
  'stations.configure': { label: '驿站设施目录', roles: ['admin'] },
  'wishes.review': { label: '心愿审核', roles: ['community_staff', 'community_secretary', 'street_staff'] },
  'wishes.claim': { label: '认领心愿', roles: ['volunteer'], personal: true },
  'cases.handle': {
    label: '诉求办理',
    roles: ['grid_worker', 'community_staff', 'community_secretary', 'street_staff', 'department_handler'],
  },
  /** 督办 and extension review, for the units strictly below the holder's (see cases actors). */
  'cases.supervise': { label: '督办', roles: ['community_secretary', 'street_staff'] },
  /**
   * Routing rules within the holder's units; categories, and rules for every place, only for
   * one who holds it at every root (cloudfunctions/cases/domain/config-scope.ts).
   */
  'cases.configure': { label: '分类与流转规则', roles: ['admin'] },
  'cases.previewRoute': { label: '流转预览', roles: ['street_staff'] },
  /** 网格员代办: entering a case for a resident of the grid. */
  'cases.proxyGrid': { label: '网格员代办', roles: ['grid_worker'] },
  /** 热线 and 窗口: entering a case taken by phone or at the service window. */
  'cases.proxyDesk': { label: '热线、窗口登记', roles: ['community_staff', 'community_secretary', 'street_staff'] },
  /** 社区通知: compose, publish and follow up notices for the unit and below (grid workers their grid). */
  'notices.publish': {
    label: '发布通知',
    roles: ['grid_worker', 'community_staff', 'community_secretary', 'street_staff'],
  },
  /** The second person a 紧急 or street-wide notice needs before it goes out. */
  'notices.approve': { label: '审核通知', roles: ['community_secretary', 'street_staff'] },
  /** 小区/楼栋 import, residents' addresses (list, confirm) and the posts on places (issue 10). */
  'places.manage': { label: '小区楼栋与住户', roles: ['community_staff', 'community_secretary'] },
  /** Residents' addresses (rooms included) within the unit: a 网格员 their grid's, community staff the community's. */
  'residents.view': { label: '住户名册', roles: ['grid_worker', 'community_staff', 'community_secretary'] },
  /** 在职党员双报到: verifying a report makes 党员 a fact on the person. */
  'partyMembers.verify': { label: '双报到核实', roles: ['community_staff', 'community_secretary'] },
  /** 活动报名: create, publish, edit, cancel events; the roster, 代报名, approval, export. */
  'events.manage': { label: '活动管理', roles: ['community_staff', 'community_secretary', 'street_staff'] },
  /** Answers to sensitive sign-up questions (病情、身份证…) unmasked in the roster and its export. */
  'events.sensitive': { label: '报名敏感信息', roles: ['community_secretary'] },
  /** Running the timer sweeps by hand (the timer trigger needs no caller). */
  'sweeps.run': { label: '运行定时任务', roles: ['admin'] },
} as const satisfies Record<string, { label: string; roles: readonly Role[]; personal?: boolean }>

export type Capability = keyof typeof POLICY
export const CAPABILITIES = Object.keys(POLICY) as Capability[]
export const CapabilitySchema = z.enum(CAPABILITIES as [Capability, ...Capability[]])

/** One role a person holds and the unit it is bound to (a role assignment, as either side has it). */
export interface RoleHolding {
  role: Role
  unitId: string
}

/** Whether a role, by itself, carries the capability. */
export function roleGrants(role: Role, capability: Capability): boolean {
  const rule: { roles: readonly Role[]; personal?: boolean } = POLICY[capability]
  return rule.roles.includes(role) || (role === 'admin' && !rule.personal)
}

/** The roles that carry a capability (admin included where it holds it). */
export function rolesWith(capability: Capability): Role[] {
  const rule: { roles: readonly Role[]; personal?: boolean } = POLICY[capability]
  return rule.personal || rule.roles.includes('admin') ? [...rule.roles] : [...rule.roles, 'admin']
}

/**
 * Whether the person holds the capability for a unit, given the unit's scope: its own id
 * and the ids above it (`[...ancestors, id]`). A personal capability counts only at the
 * unit itself.
 */
export function holdsCapabilityAt(
  holdings: readonly RoleHolding[],
  capability: Capability,
  scope: readonly string[],
): boolean {
  const personal = 'personal' in POLICY[capability]
  const unitId = scope[scope.length - 1]
  return holdings.some(
    (h) => roleGrants(h.role, capability) && (personal ? h.unitId === unitId : scope.includes(h.unitId)),
  )
}

/** Whether the person holds the capability at any unit (the coarse gate before the unit is known). */
export function holdsCapability(holdings: readonly RoleHolding[], capability: Capability): boolean {
  return holdings.some((h) => roleGrants(h.role, capability))
}

/** A capability and the units where the person holds it (each covers its subtree). */
export const CapabilityGrantSchema = z.object({ capability: CapabilitySchema, unitIds: z.array(z.string()) })
export type CapabilityGrant = z.infer<typeof CapabilityGrantSchema>

/** Every capability the person holds, with its units, in policy order: what `users.me` answers. */
export function capabilitiesOf(holdings: readonly RoleHolding[]): CapabilityGrant[] {
  // Most callers are residents with no role held: nothing to look up for each capability.
  if (holdings.length === 0) return []
  return CAPABILITIES.flatMap((capability) => {
    const unitIds = [...new Set(holdings.filter((h) => roleGrants(h.role, capability)).map((h) => h.unitId))]
    return unitIds.length ? [{ capability, unitIds }] : []
  })
}
