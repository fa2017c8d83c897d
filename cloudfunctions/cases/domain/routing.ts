import { ROUTING_LEVEL_LABELS, type CaseChannel, type RoutingLevel } from '../../../types/cases'
import type { Category, RouteDecision, RoutingRule } from '../../../types/cases-routing'
import type { LngLat } from '../../../types/org'
import type { UnitKind } from '../../../types/roles'

/*
 * Routing: category × location → the lowest unit that can handle the case
 * ("小事不出格、大事不出社区"). Pure: the service loads units, rules and the category and
 * hands them in; the answer carries the unit, the rule that chose it and every step, so
 * staff (and the petitioner) can see why a case went where it went.
 */

/** The part of an org unit routing needs. `boundary` is a GeoJSON Polygon's coordinates. */
export interface RoutingUnit {
  id: string
  name: string
  kind: UnitKind
  parentId: string | null
  /** Outer ring first, then holes; each ring a list of [lng, lat]. Grids only. */
  boundary?: Array<Array<[number, number]>> | null
  /** Departments: the key categories name them by (住建 `housing`, 城管 `urban`…). */
  departmentKey?: string | null
  /** Communities: the grid that takes cases of residents who gave no usable location. */
  defaultGridId?: string | null
  sort?: number
}

export interface RoutingRequest {
  category: Pick<Category, 'code' | 'name' | 'routingLevel' | 'departmentKeys'>
  location: LngLat | null
  /** The petitioner's own grid or community (from their profile), used when the point finds no grid. */
  homeUnitId: string | null
  channel: CaseChannel
  /** Where a case goes when nothing locates it (a district; the service picks it). */
  fallbackUnitId: string
}

/** Where the case is: the chain of units its location (or home) falls in. */
export interface Located {
  grid: RoutingUnit | null
  community: RoutingUnit | null
  street: RoutingUnit | null
  district: RoutingUnit | null
  how: string
}

export interface OrgIndex {
  byId: Map<string, RoutingUnit>
  children: Map<string, RoutingUnit[]>
  grids: RoutingUnit[]
}

const bySort = (a: RoutingUnit, b: RoutingUnit) => (a.sort ?? 0) - (b.sort ?? 0) || a.id.localeCompare(b.id)

export function buildOrgIndex(units: readonly RoutingUnit[]): OrgIndex {
  const byId = new Map(units.map((u) => [u.id, u]))
  const children = new Map<string, RoutingUnit[]>()
  for (const u of units) {
    if (!u.parentId) continue
    const list = children.get(u.parentId) ?? []
    list.push(u)
    children.set(u.parentId, list)
  }
  for (const list of children.values()) list.sort(bySort)
  const grids = units.filter((u) => u.kind === 'grid' && u.boundary && u.boundary.length > 0).sort(bySort)
  return { byId, children, grids }
}

/** Even-odd ray casting on one ring; lng/lat treated as planar, which is exact enough at grid scale. */
function ringContains(ring: ReadonlyArray<readonly [number, number]>, p: LngLat): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!
    const b = ring[j]!
    const crosses = a[1] > p.lat !== b[1] > p.lat && p.lng < ((b[0] - a[0]) * (p.lat - a[1])) / (b[1] - a[1]) + a[0]
    if (crosses) inside = !inside
  }
  return inside
}

/** Inside the outer ring and outside every hole. */
export function polygonContains(rings: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, p: LngLat): boolean {
  const [outer, ...holes] = rings
  if (!outer || !ringContains(outer, p)) return false
  return !holes.some((h) => ringContains(h, p))
}

function ancestorOfKind(index: OrgIndex, unit: RoutingUnit | null, kind: UnitKind): RoutingUnit | null {
  let u: RoutingUnit | null | undefined = unit
  while (u) {
    if (u.kind === kind) return u
    u = u.parentId ? index.byId.get(u.parentId) : null
  }
  return null
}

function chain(index: OrgIndex, start: RoutingUnit, how: string): Located {
  return {
    grid: ancestorOfKind(index, start, 'grid'),
    community: ancestorOfKind(index, start, 'community'),
    street: ancestorOfKind(index, start, 'street'),
    district: ancestorOfKind(index, start, 'district'),
    how,
  }
}

/**
 * Finds the grid whose boundary holds the point; else the petitioner's home grid, or the
 * default grid of their home community; else nothing but the fallback's district.
 */
export function locate(
  index: OrgIndex,
  location: LngLat | null,
  homeUnitId: string | null,
  fallbackUnitId: string,
): Located {
  if (location) {
    const grid = index.grids.find((g) => polygonContains(g.boundary!, location))
    if (grid) return chain(index, grid, `位置在「${grid.name}」范围内`)
  }
  const home = homeUnitId ? index.byId.get(homeUnitId) : undefined
  const lead = location ? '位置不在任何网格范围内，' : '未提供位置，'
  if (home?.kind === 'grid') return chain(index, home, `${lead}按诉求人所在网格「${home.name}」`)
  if (home?.kind === 'community') {
    const grid =
      (home.defaultGridId ? index.byId.get(home.defaultGridId) : undefined) ??
      (index.children.get(home.id) ?? []).find((c) => c.kind === 'grid')
    if (grid) return chain(index, grid, `${lead}按诉求人所在社区「${home.name}」的默认网格「${grid.name}」`)
    return chain(index, home, `${lead}按诉求人所在社区「${home.name}」`)
  }
  if (home) return chain(index, home, `${lead}按诉求人所在「${home.name}」`)
  const fallback = index.byId.get(fallbackUnitId)
  if (!fallback) throw new Error(`routing fallback unit ${fallbackUnitId} is not in the org tree`)
  return {
    grid: null,
    community: null,
    street: null,
    district: ancestorOfKind(index, fallback, 'district'),
    how: `${lead}无法定位到网格`,
  }
}

function categoryMatches(code: string, prefixes: readonly string[] | undefined): boolean {
  if (!prefixes || prefixes.length === 0) return true
  return prefixes.some((p) => code === p || code.startsWith(`${p}.`))
}

function within(unit: RoutingUnit | null, ids: readonly string[] | undefined): boolean {
  if (!ids || ids.length === 0) return true
  return !!unit && ids.includes(unit.id)
}

/** The first active rule, by ascending priority, whose every given condition holds. */
export function pickRule(
  rules: readonly RoutingRule[],
  req: Pick<RoutingRequest, 'category' | 'channel'>,
  where: Located,
): RoutingRule | null {
  const ordered = rules.filter((r) => r.active).sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id))
  return (
    ordered.find(
      (r) =>
        categoryMatches(req.category.code, r.match.categoryPrefixes) &&
        within(where.district, r.match.districtIds) &&
        within(where.street, r.match.streetIds) &&
        within(where.community, r.match.communityIds) &&
        (!r.match.channels || r.match.channels.length === 0 || r.match.channels.includes(req.channel)),
    ) ?? null
  )
}

type Resolved = { unit: RoutingUnit; level: RouteDecision['level'] }

function childOfKind(index: OrgIndex, parent: RoutingUnit | null, kind: UnitKind): RoutingUnit | null {
  if (!parent) return null
  return (index.children.get(parent.id) ?? []).find((c) => c.kind === kind) ?? null
}

/**
 * The department of the case's own district. Never one of another district: its staff would
 * read the resident's name and phone, and the district does not answer for it; a district
 * without the department has its street coordinate instead.
 */
function findDepartment(index: OrgIndex, district: RoutingUnit | null, key: string): RoutingUnit | null {
  if (!district) return null
  const all = [...index.byId.values()].filter((u) => u.kind === 'department' && u.departmentKey === key).sort(bySort)
  return all.find((d) => ancestorOfKind(index, d, 'district')?.id === district.id) ?? null
}

/**
 * Resolves a level against the location, stepping up the tree when the wanted unit does
 * not exist (no grid located → community → street → district). Each step is recorded.
 */
function resolveLevel(
  index: OrgIndex,
  where: Located,
  level: RoutingLevel,
  departmentKeys: readonly string[],
  steps: string[],
): Resolved | null {
  switch (level) {
    case 'grid':
      if (where.grid) return { unit: where.grid, level: 'grid' }
      steps.push('未定位到网格，改由社区办理')
      return resolveLevel(index, where, 'community', departmentKeys, steps)
    case 'community':
      if (where.community) return { unit: where.community, level: 'community' }
      steps.push('未定位到社区，改由街道办理')
      return resolveLevel(index, where, 'street', departmentKeys, steps)
    case 'community_joint': {
      const office = childOfKind(index, where.community, 'joint_office')
      if (office) return { unit: office, level: 'community_joint' }
      steps.push('该社区未设三方办，改由社区办理')
      return resolveLevel(index, where, 'community', departmentKeys, steps)
    }
    case 'street':
      if (where.street) return { unit: where.street, level: 'street' }
      if (where.district) {
        steps.push('未定位到街道，由区里分派')
        return { unit: where.district, level: 'district' }
      }
      return null
    case 'street_joint': {
      const office = childOfKind(index, where.street, 'joint_office')
      if (office) return { unit: office, level: 'street_joint' }
      steps.push('该街道未设三方办，改由街道办理')
      return resolveLevel(index, where, 'street', departmentKeys, steps)
    }
    case 'department': {
      if (departmentKeys.length > 1) {
        steps.push(`涉及${departmentKeys.length}个部门，由街道三方办统筹协调`)
        return resolveLevel(index, where, 'street_joint', departmentKeys, steps)
      }
      const key = departmentKeys[0]
      const dept = key ? findDepartment(index, where.district, key) : null
      if (dept) return { unit: dept, level: 'department' }
      steps.push(key ? `未找到负责「${key}」的部门，改由街道统筹` : '该类别未指定部门，改由街道统筹')
      return resolveLevel(index, where, 'street', departmentKeys, steps)
    }
  }
}

/**
 * Routes one case. A matching rule decides the level (or names a unit); without one the
 * category's own level applies (`ruleId` = `category:<code>`). Falls back up the tree and,
 * when nothing locates the case, to the fallback unit.
 */
export function route(index: OrgIndex, rules: readonly RoutingRule[], req: RoutingRequest): RouteDecision {
  const where = locate(index, req.location, req.homeUnitId, req.fallbackUnitId)
  const steps = [where.how]
  const rule = pickRule(rules, req, where)
  let ruleId = `category:${req.category.code}`
  let resolved: Resolved | null = null

  if (rule) {
    ruleId = rule.id
    steps.push(`适用规则「${rule.name}」`)
    if (rule.target.kind === 'unit') {
      const fixed = index.byId.get(rule.target.unitId)
      if (fixed) resolved = { unit: fixed, level: 'fixed' }
      else steps.push('规则指定的单位已不存在，按类别默认层级')
    } else {
      const keys = rule.target.departmentKey ? [rule.target.departmentKey] : req.category.departmentKeys
      resolved = resolveLevel(index, where, rule.target.level, keys, steps)
    }
  } else {
    steps.push(`「${req.category.name}」默认由${ROUTING_LEVEL_LABELS[req.category.routingLevel]}办理`)
  }
  if (!resolved) resolved = resolveLevel(index, where, req.category.routingLevel, req.category.departmentKeys, steps)
  if (!resolved) {
    const fallback = index.byId.get(req.fallbackUnitId)
    if (!fallback) throw new Error(`routing fallback unit ${req.fallbackUnitId} is not in the org tree`)
    steps.push(`无法确定承办单位，交「${fallback.name}」分派`)
    resolved = { unit: fallback, level: fallback.kind === 'district' ? 'district' : 'fixed' }
  }
  return {
    unitId: resolved.unit.id,
    unitName: resolved.unit.name,
    level: resolved.level,
    ruleId,
    reason: `${steps.join('；')}，交由「${resolved.unit.name}」办理`,
    steps,
  }
}
