import type { CaseChannel } from '../../../types/cases'
import type { RoutingRule } from '../../../types/cases-routing'
import type { LngLat } from '../../../types/org'
import { buildOrgIndex, locate, polygonContains, route } from './routing'
import { CAT, IN_GRID_1, IN_GRID_2, IN_GRID_2_HOLE, IN_JINGWEI, NOWHERE, TEST_UNITS } from './test-org'

const index = buildOrgIndex(TEST_UNITS)

const rule = (over: Partial<RoutingRule> & Pick<RoutingRule, 'id' | 'target'>): RoutingRule => ({
  name: over.id,
  priority: 100,
  active: true,
  match: {},
  ...over,
})

type Row = {
  name: string
  category: (typeof CAT)[keyof typeof CAT]
  location: LngLat | null
  home?: string | null
  channel?: CaseChannel
  rules?: RoutingRule[]
  unit: string
  ruleId?: string
  stepIncludes?: string
}

const rows: Row[] = [
  {
    name: 'a grid matter inside grid 1 stays in grid 1',
    category: CAT.litter,
    location: IN_GRID_1,
    unit: 'dxm-grid-1',
    ruleId: 'category:environment.litter',
  },
  { name: 'a grid matter inside grid 2 goes to grid 2', category: CAT.litter, location: IN_GRID_2, unit: 'dxm-grid-2' },
  {
    name: 'a point in a hole of grid 2 is in no grid and falls back to the home community default grid',
    category: CAT.litter,
    location: IN_GRID_2_HOLE,
    home: 'dongxianmen',
    unit: 'dxm-grid-2',
    stepIncludes: '默认网格',
  },
  {
    name: 'a point outside every grid with a home grid uses the home grid',
    category: CAT.litter,
    location: NOWHERE,
    home: 'dxm-grid-1',
    unit: 'dxm-grid-1',
    stepIncludes: '位置不在任何网格',
  },
  {
    name: 'no location and a home community without grids goes to that community',
    category: CAT.litter,
    location: null,
    home: 'kaitong',
    unit: 'kaitong',
    stepIncludes: '未定位到网格',
  },
  {
    name: 'a community matter goes to the community above the grid',
    category: CAT.noise,
    location: IN_GRID_1,
    unit: 'dongxianmen',
  },
  {
    name: 'a property matter goes to the community 三方办',
    category: CAT.elevator,
    location: IN_GRID_2,
    unit: 'dxm-joint',
  },
  {
    name: 'a property matter in a community without 三方办 goes to the community',
    category: CAT.elevator,
    location: null,
    home: 'kaitong',
    unit: 'kaitong',
    stepIncludes: '未设三方办',
  },
  {
    name: 'a one-department matter goes to that department of the case district',
    category: CAT.oldEstate,
    location: IN_GRID_1,
    unit: 'bl-housing',
  },
  {
    name: 'the same matter in 高陵 goes to the 高陵 department',
    category: CAT.oldEstate,
    location: IN_JINGWEI,
    unit: 'gl-housing',
  },
  {
    name: 'a several-department matter goes to the street 三方办',
    category: CAT.roadDig,
    location: IN_GRID_1,
    unit: 'baishulin-joint',
    stepIncludes: '涉及2个部门',
  },
  {
    name: 'a several-department matter where the street has no 三方办 goes to the street',
    category: CAT.roadDig,
    location: IN_JINGWEI,
    unit: 'luyuan',
    stepIncludes: '未设三方办',
  },
  {
    name: 'a department nobody answers for goes to the street',
    category: CAT.gas,
    location: IN_GRID_1,
    unit: 'baishulin',
    stepIncludes: '未找到负责「gas」',
  },
  {
    name: 'a department the case district lacks goes to its street, never to another district',
    category: { code: 'urban.litter', name: '占道', routingLevel: 'department', departmentKeys: ['urban'] },
    location: IN_JINGWEI,
    unit: 'luyuan',
    stepIncludes: '未找到负责「urban」',
  },
  {
    name: 'a rule for one district applies there',
    category: CAT.litter,
    location: IN_GRID_1,
    rules: [
      rule({ id: 'beilin-street', match: { districtIds: ['beilin'] }, target: { kind: 'level', level: 'street' } }),
    ],
    unit: 'baishulin',
    ruleId: 'beilin-street',
  },
  {
    name: 'a rule for one district leaves the other district alone',
    category: CAT.noise,
    location: IN_JINGWEI,
    rules: [
      rule({ id: 'beilin-street', match: { districtIds: ['beilin'] }, target: { kind: 'level', level: 'street' } }),
    ],
    unit: 'jingwei',
    ruleId: 'category:neighbour.noise',
  },
  { name: 'a street matter goes to the street', category: CAT.security, location: IN_GRID_2, unit: 'baishulin' },
  {
    name: 'nothing located sends a grid matter to the fallback district',
    category: CAT.litter,
    location: null,
    unit: 'beilin',
    stepIncludes: '由区里分派',
  },
  {
    name: 'a rule for hotline cases sends them to the street',
    category: CAT.litter,
    location: IN_GRID_1,
    channel: 'hotline',
    rules: [
      rule({ id: 'hotline-street', match: { channels: ['hotline'] }, target: { kind: 'level', level: 'street' } }),
    ],
    unit: 'baishulin',
    ruleId: 'hotline-street',
  },
  {
    name: 'a hotline rule does not touch miniprogram cases',
    category: CAT.litter,
    location: IN_GRID_1,
    rules: [
      rule({ id: 'hotline-street', match: { channels: ['hotline'] }, target: { kind: 'level', level: 'street' } }),
    ],
    unit: 'dxm-grid-1',
    ruleId: 'category:environment.litter',
  },
  {
    name: 'a category prefix rule covers every leaf of the group',
    category: CAT.elevator,
    location: IN_GRID_1,
    rules: [
      rule({
        id: 'property-housing',
        match: { categoryPrefixes: ['property'] },
        target: { kind: 'level', level: 'department', departmentKey: 'housing' },
      }),
    ],
    unit: 'bl-housing',
    ruleId: 'property-housing',
  },
  {
    name: 'a prefix rule does not match a code that only starts with the same letters',
    category: CAT.elevator,
    location: IN_GRID_1,
    rules: [rule({ id: 'prop', match: { categoryPrefixes: ['prop'] }, target: { kind: 'level', level: 'street' } })],
    unit: 'dxm-joint',
  },
  {
    name: 'a street-scoped rule applies only inside that street',
    category: CAT.oldEstate,
    location: IN_JINGWEI,
    rules: [rule({ id: 'bsl-only', match: { streetIds: ['baishulin'] }, target: { kind: 'level', level: 'street' } })],
    unit: 'gl-housing',
  },
  {
    name: 'the lowest priority number wins and inactive rules are skipped',
    category: CAT.litter,
    location: IN_GRID_1,
    rules: [
      rule({ id: 'later', priority: 20, target: { kind: 'level', level: 'street' } }),
      rule({ id: 'off', priority: 1, active: false, target: { kind: 'unit', unitId: 'bl-urban' } }),
      rule({ id: 'first', priority: 10, target: { kind: 'level', level: 'community' } }),
    ],
    unit: 'dongxianmen',
    ruleId: 'first',
  },
  {
    name: 'a rule naming a fixed unit sends the case there',
    category: CAT.litter,
    location: IN_GRID_1,
    rules: [rule({ id: 'fixed', target: { kind: 'unit', unitId: 'bl-urban' } })],
    unit: 'bl-urban',
  },
  {
    name: 'a rule naming a deleted unit falls back to the category level',
    category: CAT.litter,
    location: IN_GRID_1,
    rules: [rule({ id: 'gone', target: { kind: 'unit', unitId: 'no-such-unit' } })],
    unit: 'dxm-grid-1',
    ruleId: 'gone',
    stepIncludes: '已不存在',
  },
]

describe('routing', () => {
  it.each(rows)('should route: $name', (r) => {
    const d = route(index, r.rules ?? [], {
      category: r.category,
      location: r.location,
      homeUnitId: r.home ?? null,
      channel: r.channel ?? 'miniprogram',
      fallbackUnitId: 'beilin',
    })
    expect(d.unitId).toBe(r.unit)
    expect(d.unitName).toBe(TEST_UNITS.find((u) => u.id === r.unit)!.name)
    if (r.ruleId) expect(d.ruleId).toBe(r.ruleId)
    if (r.stepIncludes) expect(d.steps.join('|')).toContain(r.stepIncludes)
    expect(d.reason).toContain(`交由「${d.unitName}」办理`)
  })

  it('should explain the rule that chose the unit in the reason', () => {
    const d = route(
      index,
      [
        rule({
          id: 'r1',
          name: '热线件交街道',
          match: { channels: ['hotline'] },
          target: { kind: 'level', level: 'street' },
        }),
      ],
      {
        category: CAT.litter,
        location: IN_GRID_1,
        homeUnitId: null,
        channel: 'hotline',
        fallbackUnitId: 'beilin',
      },
    )
    expect(d.reason).toBe('位置在「东县门第一网格」范围内；适用规则「热线件交街道」，交由「柏树林街道」办理')
    expect(d.steps[0]).toBe('位置在「东县门第一网格」范围内')
  })

  it('should throw when the fallback unit is missing from the tree', () => {
    expect(() =>
      route(index, [], {
        category: CAT.litter,
        location: null,
        homeUnitId: null,
        channel: 'miniprogram',
        fallbackUnitId: 'nope',
      }),
    ).toThrow(/fallback/)
  })
})

describe('locate', () => {
  it('should give the whole chain grid → community → street → district', () => {
    const where = locate(index, IN_GRID_1, null, 'beilin')
    expect([where.grid?.id, where.community?.id, where.street?.id, where.district?.id]).toEqual([
      'dxm-grid-1',
      'dongxianmen',
      'baishulin',
      'beilin',
    ])
  })

  it('should prefer the point over the home unit', () => {
    expect(locate(index, IN_JINGWEI, 'dxm-grid-1', 'beilin').grid?.id).toBe('jw-grid-1')
  })
})

describe('polygonContains', () => {
  const square: Array<[number, number]> = [
    [0, 0],
    [2, 0],
    [2, 2],
    [0, 2],
  ]
  it.each([
    [{ lng: 1, lat: 1 }, true],
    [{ lng: 3, lat: 1 }, false],
    [{ lng: 1, lat: -0.1 }, false],
  ])('should tell whether %o is inside an open ring (%s)', (p, inside) => {
    expect(polygonContains([square], p)).toBe(inside)
  })
  it('should treat a point in a hole as outside', () => {
    const hole: Array<[number, number]> = [
      [0.5, 0.5],
      [1.5, 0.5],
      [1.5, 1.5],
      [0.5, 1.5],
    ]
    expect(polygonContains([square, hole], { lng: 1, lat: 1 })).toBe(false)
    expect(polygonContains([square, hole], { lng: 0.2, lat: 1 })).toBe(true)
  })
})
