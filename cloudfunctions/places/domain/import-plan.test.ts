import { buildingIdFor, estateIdFor, normaliseBuildingLabel, planImport, type ExistingPlaces } from './import-plan'
import type { SheetRow } from './sheet'

const grids = [
  { id: 'g1', name: '东县门社区第一网格' },
  { id: 'g2', name: '东县门社区第二网格' },
]
const eA = estateIdFor('c1', '东县门小区')
const existing: ExistingPlaces = {
  communityId: 'c1',
  grids,
  estates: [{ id: eA, name: '东县门小区', gridId: 'g1', center: null }],
  buildings: [{ id: buildingIdFor(eA, '1号楼'), estateId: eA, name: '1号楼', unitCount: 2, households: 24 }],
}
let n = 1
const row = (cells: SheetRow['cells']): SheetRow => ({ row: ++n, cells })
const plan = (...cells: SheetRow['cells'][]) => {
  n = 1
  return planImport(cells.map(row), existing)
}

describe('normaliseBuildingLabel', () => {
  it.each([
    ['3', '3号楼'],
    ['03号', '3号楼'],
    ['3号楼', '3号楼'],
    ['A座', 'A座'],
  ])('should read %s as %s', (input, label) => {
    expect(normaliseBuildingLabel(input)).toBe(label)
  })
})

describe('planImport', () => {
  it('should create new 小区 and 楼栋 and leave known ones alone', () => {
    const p = plan(
      { estate: '东县门小区', building: '1', grid: '第一网格' },
      { estate: '东县门小区', building: '2号楼', grid: '第一网格', unitCount: '3', households: '36' },
      { estate: '柏树林家属院', building: '1号楼', grid: '东县门社区第二网格' },
    )
    expect(p.counts).toEqual({ estatesCreated: 1, buildingsCreated: 2, changed: 0, unchanged: 1, rejected: 0 })
    expect(p.createEstates).toEqual([
      { id: estateIdFor('c1', '柏树林家属院'), name: '柏树林家属院', gridId: 'g2', center: null },
    ])
    expect(p.createBuildings.map((b) => [b.name, b.unitCount, b.households])).toEqual([
      ['2号楼', 3, 36],
      ['1号楼', null, null],
    ])
    expect(p.rows.map((r) => r.outcome)).toEqual(['unchanged', 'create', 'create'])
  })

  it('should report a changed unit count or household count with both values', () => {
    const p = plan({ estate: '东县门小区', building: '1号楼', grid: '第一网格', unitCount: '3' })
    expect(p.changeBuildings).toEqual([{ id: buildingIdFor(eA, '1号楼'), unitCount: 3, households: 24 }])
    expect(p.rows[0]).toMatchObject({ outcome: 'change', reasons: ['单元数 2 → 3'] })
  })

  it.each<[string, SheetRow['cells'], string]>([
    ['a missing 小区', { building: '1', grid: '第一网格' }, '「小区」列没有填写'],
    ['a missing 楼栋', { estate: '新小区', grid: '第一网格' }, '「楼栋」列没有填写'],
    [
      'an unknown grid',
      { estate: '新小区', building: '1', grid: '第九网格' },
      '「所属网格」列：本社区没有“第九网格”（可填 东县门社区第一网格、东县门社区第二网格）',
    ],
    [
      'a unit count that is not a number',
      { estate: '新小区', building: '1', grid: '第一网格', unitCount: '三' },
      '「单元数」列应为 1–50 的整数（填的是“三”）',
    ],
    [
      'too many households',
      { estate: '新小区', building: '1', grid: '第一网格', households: '9999' },
      '「户数」列应为 0–2000 的整数（填的是“9999”）',
    ],
    [
      'a longitude without latitude',
      { estate: '新小区', building: '1', grid: '第一网格', lng: '108.95' },
      '「经度」列和「纬度」列应一起填写，且是国内的经纬度（如 108.9593、34.2581）',
    ],
    [
      'a 小区 in another grid than it is',
      { estate: '东县门小区', building: '9', grid: '第二网格' },
      '小区“东县门小区”属于“东县门社区第一网格”，这里写的是“东县门社区第二网格”：同一小区只能属于一个网格',
    ],
  ])('should reject %s with the reason', (_what, cells, reason) => {
    const p = plan(cells)
    expect(p.rows[0]).toMatchObject({ row: 2, outcome: 'reject' })
    expect(p.rows[0]!.reasons).toContain(reason)
    expect(p.createEstates.length + p.createBuildings.length).toBe(0)
  })

  it('should reject a repeated 楼栋 naming the first row', () => {
    const p = plan(
      { estate: '新小区', building: '1', grid: '第一网格' },
      { estate: '新小区', building: '1号楼', grid: '第一网格' },
    )
    expect(p.rows[1]).toEqual({
      row: 3,
      estate: '新小区',
      building: '1号楼',
      outcome: 'reject',
      reasons: ['与第 2 行重复（同一小区的同一栋楼）'],
    })
    expect(p.createBuildings).toHaveLength(1)
  })

  it('should plan nothing when the plan it made is imported again', () => {
    const first = plan({ estate: '新小区', building: '1', grid: '第一网格', households: '20' })
    const after: ExistingPlaces = {
      ...existing,
      estates: [...existing.estates, ...first.createEstates],
      buildings: [...existing.buildings, ...first.createBuildings],
    }
    n = 1
    const again = planImport([row({ estate: '新小区', building: '1', grid: '第一网格', households: '20' })], after)
    expect(again.counts).toEqual({ estatesCreated: 0, buildingsCreated: 0, changed: 0, unchanged: 1, rejected: 0 })
    expect(again.digest).not.toBe(first.digest)
  })

  it('should give the same plan the same digest and a different plan another', () => {
    const a = plan({ estate: '新小区', building: '1', grid: '第一网格' })
    const b = plan({ estate: '新小区', building: '1', grid: '第一网格' })
    const c = plan({ estate: '新小区', building: '2', grid: '第一网格' })
    expect(a.digest).toBe(b.digest)
    expect(c.digest).not.toBe(a.digest)
  })
})
