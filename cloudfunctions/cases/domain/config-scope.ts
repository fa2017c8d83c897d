import { ROUTING_LEVEL_LABELS, type RoutingLevel } from '../../../types/cases'
import type { RoutingRule } from '../../../types/cases-routing'
import type { UnitKind } from '../../../types/roles'

/*
 * How far an administrator's case configuration reaches. A routing rule decides who gets
 * residents' cases, names and phones included, so an administrator may only write rules
 * that match places inside their own units and send cases to units inside them. A rule for
 * every place, and the categories (one list shared by every district), are for the
 * top-level administrator: one who holds the capability at every root of the org tree.
 */

/** A unit as the check needs it; `scope` is `[...ancestors, id]`, root first. */
export interface ScopedUnit {
  id: string
  name: string
  kind: UnitKind
  scope: readonly string[]
}

export interface ConfigAuthority {
  /** Holds the capability at every root of the org tree. */
  topLevel: boolean
  /** Whether the capability is held at the last unit of this scope or above it. */
  holds(scope: readonly string[]): boolean
}

export type ScopeCheck =
  { ok: true } | { ok: false; code: 'BAD_REQUEST' | 'FORBIDDEN'; path: 'match' | 'target'; message: string }

const OK: ScopeCheck = { ok: true }
const refuse = (code: 'BAD_REQUEST' | 'FORBIDDEN', path: 'match' | 'target', message: string): ScopeCheck => ({
  ok: false,
  code,
  path,
  message,
})

/** Depth on a location's chain; a level's unit is found at its kind on that chain. */
const RANK: Partial<Record<UnitKind, number>> = { district: 0, street: 1, community: 2, grid: 3 }
const ANCHOR: Record<RoutingLevel, UnitKind> = {
  grid: 'grid',
  community: 'community',
  community_joint: 'community',
  street: 'street',
  street_joint: 'street',
  department: 'district',
}
const AREA_LABELS = { district: '区', street: '街道', community: '社区' } as const

/** The highest unit of the scope at which the capability is held (it covers the rest), or null. */
function highestHeld(
  unit: ScopedUnit,
  unitOf: (id: string) => ScopedUnit | null,
  authority: ConfigAuthority,
): ScopedUnit | null {
  for (let i = 0; i < unit.scope.length; i++) {
    if (authority.holds(unit.scope.slice(0, i + 1))) return unitOf(unit.scope[i]!)
  }
  return null
}

/**
 * Whether this administrator may save this rule: every place it matches exists and lies in
 * their units, and wherever it sends a case is inside the unit they hold there — a level
 * resolves on the case's own chain (a department at its district), so it must not be above
 * the administrator's unit. Unknown units are BAD_REQUEST; anything outside is FORBIDDEN.
 */
export function checkRuleScope(
  rule: Pick<RoutingRule, 'match' | 'target'>,
  unitOf: (id: string) => ScopedUnit | null,
  authority: ConfigAuthority,
): ScopeCheck {
  const named = [
    ...(rule.match.districtIds ?? []).map((id) => [id, 'district'] as const),
    ...(rule.match.streetIds ?? []).map((id) => [id, 'street'] as const),
    ...(rule.match.communityIds ?? []).map((id) => [id, 'community'] as const),
  ]
  const areas: ScopedUnit[] = []
  for (const [id, kind] of named) {
    const unit = unitOf(id)
    if (!unit || unit.kind !== kind) return refuse('BAD_REQUEST', 'match', `规则适用的${AREA_LABELS[kind]}不存在`)
    areas.push(unit)
  }
  const fixed = rule.target.kind === 'unit' ? unitOf(rule.target.unitId) : null
  if (rule.target.kind === 'unit' && !fixed) return refuse('BAD_REQUEST', 'target', '规则指定的单位不存在')
  if (authority.topLevel) return OK
  if (areas.length === 0)
    return refuse('FORBIDDEN', 'match', '不限区域的规则只有最上级管理员可以设置，请选择规则适用的区、街道或社区')
  for (const area of areas) {
    const held = highestHeld(area, unitOf, authority)
    if (!held) return refuse('FORBIDDEN', 'match', `「${area.name}」不在您管辖的范围内`)
    if (rule.target.kind === 'level' && (RANK[ANCHOR[rule.target.level]] ?? -1) < (RANK[held.kind] ?? Infinity)) {
      return refuse(
        'FORBIDDEN',
        'target',
        `按${ROUTING_LEVEL_LABELS[rule.target.level]}办理会交给「${held.name}」以外的单位，请选择「${held.name}」之内的层级或单位`,
      )
    }
  }
  if (fixed && !highestHeld(fixed, unitOf, authority))
    return refuse('FORBIDDEN', 'target', `「${fixed.name}」不在您管辖的范围内`)
  return OK
}
