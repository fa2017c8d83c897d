import type { UnitView } from '../../../types/org'
import { groupCommunitiesByStreet } from './org-groups'

const unit = (id: string, name: string, kind: UnitView['kind'], parentId: string | null): UnitView => ({
  id,
  name,
  kind,
  parentId,
  ancestors: [],
  center: null,
  address: null,
})

describe('groupCommunitiesByStreet', () => {
  const units = [
    unit('d1', '碑林区', 'district', null),
    unit('s1', '柏树林街道', 'street', 'd1'),
    unit('c2', '永宁门社区', 'community', 's1'),
    unit('c1', '东县门社区', 'community', 's1'),
    unit('g1', '第一网格', 'grid', 'c1'),
    unit('s2', '空街道', 'street', 'd1'),
    unit('dep', '住建局', 'department', 'd1'),
  ]

  it('should title each street with its district', () => {
    expect(groupCommunitiesByStreet(units).map((g) => g.title)).toEqual(['碑林区 · 柏树林街道'])
  })
  it('should list only communities under their street', () => {
    const [group] = groupCommunitiesByStreet(units)
    expect(group?.communities.map((c) => c.id).sort()).toEqual(['c1', 'c2'])
  })
  it('should leave out streets without communities', () => {
    expect(groupCommunitiesByStreet(units).some((g) => g.streetId === 's2')).toBe(false)
  })
})
