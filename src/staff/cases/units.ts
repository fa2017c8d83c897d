import type { UnitKind } from '../../../types/roles'
import type { UnitView } from '../../../types/org'
import { unitsWith } from '../../lib/roles'
import type { Profile } from '../../services/users'

/** Unit kinds a case can be handled at (and transferred to). */
export const HANDLING_KINDS: readonly UnitKind[] = [
  'grid',
  'community',
  'joint_office',
  'street',
  'department',
  'district',
]

export interface UnitChoice {
  id: string
  name: string
  kind: UnitKind | null
}

/**
 * The units whose boxes this person may open: every unit where they hold `cases.handle`
 * (from `users.me`), then the handling units below it (a 社区书记 also watches the grids and
 * the 三方办; a 街道 its communities). Their own units come first.
 */
export function handlerUnits(me: Pick<Profile, 'roles' | 'capabilities'>, tree: readonly UnitView[]): UnitChoice[] {
  const own = unitsWith(me, 'cases.handle').map((unitId) => {
    const r = me.roles.find((x) => x.unitId === unitId)
    return { unitId, unitName: r?.unitName ?? unitId, unitKind: r?.unitKind ?? null }
  })
  const seen = new Map<string, UnitChoice>()
  for (const r of own) seen.set(r.unitId, { id: r.unitId, name: r.unitName, kind: r.unitKind })
  for (const r of own) {
    const below = tree
      .filter((u) => HANDLING_KINDS.includes(u.kind) && u.ancestors.includes(r.unitId) && !seen.has(u.id))
      .sort((a, b) => a.ancestors.length - b.ancestors.length || a.name.localeCompare(b.name, 'zh-CN'))
    for (const u of below) seen.set(u.id, { id: u.id, name: u.name, kind: u.kind })
  }
  return [...seen.values()]
}

/**
 * Transfer targets matching what was typed (name contains it), at most `limit`, the case's
 * own unit left out. Only units of the case's district, as the server allows, or units the
 * person handles cases at themselves (`handledAt`: they may send a case there).
 */
export function matchUnits(
  tree: readonly UnitView[],
  keyword: string,
  exceptId: string,
  limit = 20,
  handledAt: readonly string[] = [],
): UnitView[] {
  const k = keyword.trim()
  const byId = new Map(tree.map((u) => [u.id, u]))
  const current = byId.get(exceptId)
  const chain = current ? [...current.ancestors, current.id] : []
  const district = chain.find((id) => byId.get(id)?.kind === 'district') ?? chain[0]
  const reachable = (u: UnitView) =>
    !district || u.id === district || u.ancestors.includes(district) || handledAt.includes(u.id)
  return tree
    .filter((u) => HANDLING_KINDS.includes(u.kind) && u.id !== exceptId && reachable(u) && (!k || u.name.includes(k)))
    .slice(0, limit)
}
