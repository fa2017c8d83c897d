import { groupByStreet, OTHER, placeUnits, type PickUnit } from './groups'

const unit = (id: string, name: string, kind: PickUnit['kind'], ancestors: string[]): PickUnit => ({
  id,
  name,
  kind,
  ancestors,
})

const TREE: PickUnit[] = [
  unit('d', '碑林区', 'district', []),
  unit('dept', '区住建局', 'department', ['d']),
  unit('s1', '东关南街街道', 'street', ['d']),
  unit('c1', '东县门社区', 'community', ['d', 's1']),
  unit('g1', '东县门社区第一网格', 'grid', ['d', 's1', 'c1']),
  unit('s2', '文艺路街道', 'street', ['d']),
  unit('c2', '建西社区', 'community', ['d', 's2']),
]

const shape = (groups: ReturnType<typeof groupByStreet>) => groups.map((g) => [g.title, g.units.map((u) => u.id)])

describe('groupByStreet', () => {
  it('should put each unit under its street, the street first, and the district’s own units first', () => {
    expect(shape(groupByStreet(TREE))).toEqual([
      ['区级单位', ['d', 'dept']],
      ['东关南街街道', ['s1', 'c1', 'g1']],
      ['文艺路街道', ['s2', 'c2']],
    ])
  })
  it('should keep the units whose name holds the query', () => {
    expect(shape(groupByStreet(TREE, ' 建西 '))).toEqual([['文艺路街道', ['c2']]])
    expect(shape(groupByStreet(TREE, '网格'))).toEqual([['东关南街街道', ['g1']]])
  })
  it('should keep a whole street when the query names the street', () => {
    expect(shape(groupByStreet(TREE, '东关'))).toEqual([['东关南街街道', ['s1', 'c1', 'g1']]])
  })
  it('should answer no group when nothing matches', () => {
    expect(groupByStreet(TREE, '华清')).toEqual([])
  })
  it('should name streets that are not in the list from the names given', () => {
    const communities = TREE.filter((u) => u.kind === 'community')
    const groups = groupByStreet(communities, '', new Map([['s1', '东关南街街道']]))
    expect(groups.map((g) => [g.id, g.title])).toEqual([
      [OTHER, '区级单位'],
      ['s1', '东关南街街道'],
    ])
  })
})

describe('placeUnits', () => {
  it('should give each choice its ancestors from the tree unless it has its own, and name the tree’s streets', () => {
    const { units, names } = placeUnits(
      [
        { id: 'g1', name: '第一网格', kind: 'grid' },
        { id: 'c2', name: '建西社区', kind: 'community', ancestors: ['x'] },
        { id: 'zz', name: '不在树里', kind: null },
      ],
      TREE,
    )
    expect(units.map((u) => [u.id, u.ancestors])).toEqual([
      ['g1', ['d', 's1', 'c1']],
      ['c2', ['x']],
      ['zz', []],
    ])
    expect([...names]).toEqual([
      ['s1', '东关南街街道'],
      ['s2', '文艺路街道'],
    ])
  })
  it('should group a role’s units under their streets once placed in the tree', () => {
    const { units, names } = placeUnits(
      [
        { id: 'c2', name: '建西社区', kind: 'community' },
        { id: 'c1', name: '东县门社区', kind: 'community' },
      ],
      TREE,
    )
    expect(shape(groupByStreet(units, '', names))).toEqual([
      ['文艺路街道', ['c2']],
      ['东关南街街道', ['c1']],
    ])
  })
})
