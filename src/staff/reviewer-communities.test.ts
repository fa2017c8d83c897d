import type { UnitView } from '../../types/org'
import type { Capability } from '../../types/policy'
import type { Role, UnitKind } from '../../types/roles'
import { needsOrgTree, residentScopes, reviewerCommunities } from './reviewer-communities'

const community = (id: string, name: string, ancestors: string[]): UnitView => ({
  id,
  name,
  kind: 'community',
  parentId: ancestors.at(-1) ?? null,
  ancestors,
  center: null,
  address: null,
})

const tree = [
  community('c1', '东县门社区', ['d1', 's1']),
  community('c2', '永宁门社区', ['d1', 's1']),
  community('c3', '鹿苑社区', ['d2', 's9']),
]

/** A profile holding one role at one unit, with the capabilities the server would answer for it. */
function holder(role: Role, unitId: string, unitName: string, unitKind: UnitKind, capabilities: Capability[]) {
  return {
    roles: [{ role, unitId, unitName, unitKind }],
    capabilities: capabilities.map((capability) => ({ capability, unitIds: [unitId] })),
  }
}

describe('reviewerCommunities', () => {
  it('should give a community secretary their own community', () => {
    const me = holder('community_secretary', 'c1', '东县门社区', 'community', ['volunteers.review', 'wishes.review'])
    expect(reviewerCommunities(me, 'volunteers.review', [])).toEqual([{ id: 'c1', name: '东县门社区' }])
    expect(needsOrgTree(me, 'volunteers.review')).toBe(false)
  })
  it('should give street staff every community of their street for what they review', () => {
    const me = holder('street_staff', 's1', '柏树林街道', 'street', ['wishes.review'])
    expect(
      reviewerCommunities(me, 'wishes.review', tree)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['c1', 'c2'])
    expect(needsOrgTree(me, 'wishes.review')).toBe(true)
  })
  it('should ask for the org tree when the capability is held at two communities, to group them by street', () => {
    const one = holder('community_secretary', 'c1', '东县门社区', 'community', ['volunteers.review'])
    const two = holder('community_secretary', 'c3', '鹿苑社区', 'community', ['volunteers.review'])
    const me = {
      roles: [...one.roles, ...two.roles],
      capabilities: [{ capability: 'volunteers.review' as const, unitIds: ['c1', 'c3'] }],
    }
    expect(needsOrgTree(me, 'volunteers.review')).toBe(true)
  })
  it('should give nothing for a capability the person does not hold', () => {
    const me = holder('street_staff', 's1', '柏树林街道', 'street', ['wishes.review'])
    expect(reviewerCommunities(me, 'volunteers.review', tree)).toEqual([])
    expect(needsOrgTree(me, 'volunteers.review')).toBe(false)
  })
})

describe('residentScopes', () => {
  it('should give a 网格员 their grid to read, with nothing to confirm', () => {
    const me = holder('grid_worker', 'g1', '第一网格', 'grid', ['residents.view', 'cases.handle'])
    expect(residentScopes(me, 'residents.view', tree)).toEqual([{ id: 'g1', name: '第一网格', confirmable: false }])
  })
  it('should give community staff their community, confirmable', () => {
    const me = holder('community_staff', 'c1', '东县门社区', 'community', ['residents.view', 'places.manage'])
    expect(residentScopes(me, 'residents.view', tree)).toEqual([{ id: 'c1', name: '东县门社区', confirmable: true }])
  })
  it('should give nothing to someone without residents.view', () => {
    const me = holder('street_staff', 's1', '柏树林街道', 'street', ['wishes.review'])
    expect(residentScopes(me, 'residents.view', tree)).toEqual([])
  })
})
