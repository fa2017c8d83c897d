import type { Role, UnitKind } from '../../../types/roles'
import type { UnitView } from '../../../types/org'

/** Roles that handle cases (cloudfunctions/cases/actors.ts HANDLER_ROLES; admin counts everywhere below it). */
export const CASE_HANDLER_ROLES: readonly Role[] = ['grid_worker', 'community_staff', 'community_secretary', 'street_staff', 'department_handler', 'admin']

/** Unit kinds a case can be handled at (and transferred to). */
export const HANDLING_KINDS: readonly UnitKind[] = ['grid', 'community', 'joint_office', 'street', 'department', 'district']

export interface UnitChoice {
  id: string
  name: string
  kind: UnitKind | null
  /** How deep below the person's own unit (0 = their own): the picker indents by it. */
  depth: number
}

/**
 * The units whose boxes this person may open: every unit where they hold a handling role,
 * then the handling units below it (a 社区书记 also watches the grids and the 三方办; a
 * 街道 its communities). Their own units come first.
 */
export function handlerUnits(roles: readonly { role: Role; unitId: string; unitName: string; unitKind: UnitKind | null }[], tree: readonly UnitView[]): UnitChoice[] {
  const own = roles.filter((r) => CASE_HANDLER_ROLES.includes(r.role))
  const seen = new Map<string, UnitChoice>()
  for (const r of own) if (!seen.has(r.unitId)) seen.set(r.unitId, { id: r.unitId, name: r.unitName, kind: r.unitKind, depth: 0 })
  for (const r of own) {
    const below = tree
      .filter((u) => HANDLING_KINDS.includes(u.kind) && u.ancestors.includes(r.unitId) && !seen.has(u.id))
      .sort((a, b) => a.ancestors.length - b.ancestors.length || a.name.localeCompare(b.name, 'zh-CN'))
    for (const u of below) seen.set(u.id, { id: u.id, name: u.name, kind: u.kind, depth: u.ancestors.length - u.ancestors.indexOf(r.unitId) })
  }
  return [...seen.values()]
}

/** Transfer targets matching what was typed (name contains it), at most `limit`, the case's own unit left out. */
export function matchUnits(tree: readonly UnitView[], keyword: string, exceptId: string, limit = 20): UnitView[] {
  const k = keyword.trim()
  return tree.filter((u) => HANDLING_KINDS.includes(u.kind) && u.id !== exceptId && (!k || u.name.includes(k))).slice(0, limit)
}
