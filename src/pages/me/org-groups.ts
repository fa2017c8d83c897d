import type { UnitView } from '../../../types/org'

export interface StreetGroup {
  streetId: string
  /** 碑林区 · 柏树林街道 */
  title: string
  communities: UnitView[]
}

/**
 * The org tree as the community picker shows it: one group per street (with its district
 * in the title), communities sorted by name. Grids, departments and 三方办 are not
 * something a resident binds to, so they are left out.
 */
export function groupCommunitiesByStreet(units: readonly UnitView[]): StreetGroup[] {
  const byId = new Map(units.map((u) => [u.id, u]))
  const groups = new Map<string, StreetGroup>()
  for (const street of units.filter((u) => u.kind === 'street')) {
    const district = street.parentId ? byId.get(street.parentId) : undefined
    groups.set(street.id, {
      streetId: street.id,
      title: district ? `${district.name} · ${street.name}` : street.name,
      communities: [],
    })
  }
  for (const community of units.filter((u) => u.kind === 'community')) {
    const group = community.parentId ? groups.get(community.parentId) : undefined
    group?.communities.push(community)
  }
  return [...groups.values()]
    .filter((g) => g.communities.length > 0)
    .map((g) => ({ ...g, communities: g.communities.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) }))
    .sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'))
}
