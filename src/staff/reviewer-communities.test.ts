import type { UnitView } from '../../types/org'
import { needsOrgTree, reviewerCommunities } from './reviewer-communities'

const community = (id: string, name: string, ancestors: string[]): UnitView => ({
  id,
  name,
  kind: 'community',
  parentId: ancestors.at(-1) ?? null,
  ancestors,
  center: null,
  address: null,
})

const tree = [community('c1', '东县门社区', ['d1', 's1']), community('c2', '永宁门社区', ['d1', 's1']), community('c3', '鹿苑社区', ['d2', 's9'])]

describe('reviewerCommunities', () => {
  it('should give a community secretary their own community', () => {
    const roles = [{ role: 'community_secretary' as const, unitId: 'c1', unitName: '东县门社区', unitKind: 'community' as const }]
    expect(reviewerCommunities(roles, [])).toEqual([{ id: 'c1', name: '东县门社区' }])
    expect(needsOrgTree(roles)).toBe(false)
  })
  it('should give street staff every community of their street', () => {
    const roles = [{ role: 'street_staff' as const, unitId: 's1', unitName: '柏树林街道', unitKind: 'street' as const }]
    expect(reviewerCommunities(roles, tree).map((c) => c.id).sort()).toEqual(['c1', 'c2'])
    expect(needsOrgTree(roles)).toBe(true)
  })
  it('should ignore roles that do not review volunteers', () => {
    const roles = [{ role: 'grid_worker' as const, unitId: 's1', unitName: '柏树林街道', unitKind: 'street' as const }]
    expect(reviewerCommunities(roles, tree)).toEqual([])
  })
})
