import type { UnitView } from '../../../types/org'
import { handlerUnits, matchUnits } from './units'

const unit = (id: string, name: string, kind: UnitView['kind'], ancestors: string[]): UnitView => ({
  id,
  name,
  kind,
  parentId: ancestors.at(-1) ?? null,
  ancestors,
  center: null,
  address: null,
})
const TREE: UnitView[] = [
  unit('d', '碑林区', 'district', []),
  unit('s', '柏树林街道', 'street', ['d']),
  unit('c', '东县门社区', 'community', ['d', 's']),
  unit('c-sfb', '东县门社区三方办', 'joint_office', ['d', 's', 'c']),
  unit('g1', '东县门社区第一网格', 'grid', ['d', 's', 'c']),
  unit('dept', '区住建局', 'department', ['d']),
]

describe('handlerUnits', () => {
  it('should give a secretary the community first, then its grids and 三方办', () => {
    const me = {
      roles: [
        { role: 'community_secretary' as const, unitId: 'c', unitName: '东县门社区', unitKind: 'community' as const },
      ],
      capabilities: [{ capability: 'cases.handle' as const, unitIds: ['c'] }],
    }
    const units = handlerUnits(me, TREE)
    expect(units.map((u) => u.id)).toEqual(['c', 'g1', 'c-sfb'])
  })

  it('should give nothing to a person without cases.handle', () => {
    const me = {
      roles: [{ role: 'volunteer' as const, unitId: 'c', unitName: '东县门社区', unitKind: 'community' as const }],
      capabilities: [{ capability: 'wishes.claim' as const, unitIds: ['c'] }],
    }
    expect(handlerUnits(me, TREE)).toEqual([])
  })

  it('should list a unit once when two roles cover it', () => {
    const me = {
      roles: [
        { role: 'street_staff' as const, unitId: 's', unitName: '柏树林街道', unitKind: 'street' as const },
        { role: 'grid_worker' as const, unitId: 'g1', unitName: '东县门社区第一网格', unitKind: 'grid' as const },
      ],
      capabilities: [{ capability: 'cases.handle' as const, unitIds: ['s', 'g1'] }],
    }
    const units = handlerUnits(me, TREE)
    expect(units.map((u) => u.id)).toEqual(['s', 'g1', 'c', 'c-sfb'])
  })
})

describe('matchUnits', () => {
  it('should offer only units of the case’s district, and units the person handles elsewhere', () => {
    const twoDistricts = [
      ...TREE,
      unit('d2', '高陵区', 'district', []),
      unit('dept2', '高陵区住建局', 'department', ['d2']),
    ]
    expect(matchUnits(twoDistricts, '住建局', 'g1').map((u) => u.id)).toEqual(['dept'])
    expect(matchUnits(twoDistricts, '住建局', 'g1', 20, ['dept2']).map((u) => u.id)).toEqual(['dept', 'dept2'])
  })

  it('should find transfer targets by name and leave out the current unit', () => {
    expect(matchUnits(TREE, '东县门', 'g1').map((u) => u.id)).toEqual(['c', 'c-sfb'])
    expect(matchUnits(TREE, '', 'g1', 2).map((u) => u.id)).toEqual(['d', 's'])
  })
})
