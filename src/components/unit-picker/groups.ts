import type { UnitKind } from '../../../types/roles'

/** A unit as the picker needs it: `ancestors` (root first) find its 街道. */
export interface PickUnit {
  id: string
  name: string
  kind: UnitKind | null
  ancestors: readonly string[]
}

export interface UnitGroup {
  /** The street's id, or `OTHER` for units above or beside the streets (the district, its departments). */
  id: string
  title: string
  units: PickUnit[]
}

/** A unit to offer, as its page holds it: a role's unit may not know its kind or ancestors, the org tree does. */
export type Choice = Omit<PickUnit, 'ancestors' | 'kind'> & { kind?: UnitKind | null; ancestors?: readonly string[] }

export const OTHER = 'other'
const OTHER_TITLE = '区级单位'

/**
 * The units under their 街道, in the order given (a street heads its own group), so 72
 * entries read as a few streets of a few communities. A query keeps the units whose name, or
 * whose street's name, holds it: typing a street's name shows all of it. `names` names streets
 * that are not in the list themselves (a list of communities only).
 */
export function groupByStreet(
  units: readonly PickUnit[],
  query = '',
  names: ReadonlyMap<string, string> = new Map(),
): UnitGroup[] {
  const streetNames = new Map(names)
  for (const u of units) if (u.kind === 'street') streetNames.set(u.id, u.name)
  const streetOf = (u: PickUnit) =>
    u.kind === 'street' ? u.id : ([...u.ancestors].reverse().find((a) => streetNames.has(a)) ?? OTHER)
  const q = query.trim()
  const groups = new Map<string, UnitGroup>()
  for (const u of units) {
    const id = streetOf(u)
    const title = streetNames.get(id) ?? OTHER_TITLE
    if (q && !u.name.includes(q) && !title.includes(q)) continue
    const group = groups.get(id) ?? { id, title, units: [] }
    group.units.push(u)
    groups.set(id, group)
  }
  // The district's own units first, then each street in the order it came.
  const other = groups.get(OTHER)
  return [...(other ? [other] : []), ...[...groups.values()].filter((g) => g.id !== OTHER)]
}

/**
 * The choices with their kind and ancestors (their own, else the org tree's) and the names of the
 * streets above them, for groupByStreet: pages hold units as their roles or their lists give
 * them, often without the street they are in.
 */
export function placeUnits(
  choices: readonly Choice[],
  tree: readonly PickUnit[] = [],
): { units: PickUnit[]; names: Map<string, string> } {
  const byId = new Map(tree.map((u) => [u.id, u]))
  return {
    units: choices.map((c) => ({
      ...c,
      kind: c.kind ?? byId.get(c.id)?.kind ?? null,
      ancestors: c.ancestors ?? byId.get(c.id)?.ancestors ?? [],
    })),
    names: new Map(tree.filter((u) => u.kind === 'street').map((u) => [u.id, u.name])),
  }
}
