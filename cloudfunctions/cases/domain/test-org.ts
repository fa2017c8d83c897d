import type { Category } from '../../../types/cases-routing'
import type { RoutingUnit } from './routing'

/*
 * A small org tree for the domain tests: 碑林区 with one street and two communities (one
 * with grids and a 三方办, one with neither), the street's 三方办, three departments, and
 * 高陵区 with its own 住建局 to show departments are picked within the case's district.
 */

const box = (w: number, s: number, e: number, n: number): Array<[number, number]> => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
]

export const TEST_UNITS: RoutingUnit[] = [
  { id: 'beilin', name: '碑林区', kind: 'district', parentId: null },
  { id: 'baishulin', name: '柏树林街道', kind: 'street', parentId: 'beilin' },
  { id: 'baishulin-joint', name: '柏树林街道三方办', kind: 'joint_office', parentId: 'baishulin' },
  { id: 'dongxianmen', name: '东县门社区', kind: 'community', parentId: 'baishulin', defaultGridId: 'dxm-grid-2' },
  { id: 'dxm-joint', name: '东县门社区三方办', kind: 'joint_office', parentId: 'dongxianmen' },
  {
    id: 'dxm-grid-1',
    name: '东县门第一网格',
    kind: 'grid',
    parentId: 'dongxianmen',
    boundary: [box(108.95, 34.25, 108.955, 34.255)],
    sort: 1,
  },
  {
    id: 'dxm-grid-2',
    name: '东县门第二网格',
    kind: 'grid',
    parentId: 'dongxianmen',
    // The hole is a walled compound outside the grid (e.g. a unit's own courtyard).
    boundary: [box(108.955, 34.25, 108.96, 34.255), box(108.957, 34.252, 108.958, 34.253)],
    sort: 2,
  },
  { id: 'kaitong', name: '开通巷社区', kind: 'community', parentId: 'baishulin' },
  { id: 'bl-housing', name: '碑林区住建局', kind: 'department', parentId: 'beilin', departmentKey: 'housing' },
  { id: 'bl-urban', name: '碑林区城管局', kind: 'department', parentId: 'beilin', departmentKey: 'urban' },
  { id: 'bl-water', name: '碑林区供水公司', kind: 'department', parentId: 'beilin', departmentKey: 'water' },
  { id: 'gaoling', name: '高陵区', kind: 'district', parentId: null },
  { id: 'luyuan', name: '鹿苑街道', kind: 'street', parentId: 'gaoling' },
  { id: 'jingwei', name: '泾渭社区', kind: 'community', parentId: 'luyuan' },
  {
    id: 'jw-grid-1',
    name: '泾渭第一网格',
    kind: 'grid',
    parentId: 'jingwei',
    boundary: [box(109.08, 34.53, 109.09, 34.54)],
  },
  { id: 'gl-housing', name: '高陵区住建局', kind: 'department', parentId: 'gaoling', departmentKey: 'housing' },
]

export const IN_GRID_1 = { lng: 108.952, lat: 34.252 }
export const IN_GRID_2 = { lng: 108.9565, lat: 34.2515 }
export const IN_GRID_2_HOLE = { lng: 108.9575, lat: 34.2525 }
export const IN_JINGWEI = { lng: 109.085, lat: 34.535 }
export const NOWHERE = { lng: 108.8, lat: 34.1 }

type C = Pick<Category, 'code' | 'name' | 'routingLevel' | 'departmentKeys'>
export const CAT = {
  litter: { code: 'environment.litter', name: '垃圾堆放', routingLevel: 'grid', departmentKeys: [] },
  noise: { code: 'neighbour.noise', name: '邻里噪音', routingLevel: 'community', departmentKeys: [] },
  elevator: { code: 'property.elevator', name: '电梯故障', routingLevel: 'community_joint', departmentKeys: [] },
  oldEstate: {
    code: 'housing.old_estate',
    name: '老旧小区改造',
    routingLevel: 'department',
    departmentKeys: ['housing'],
  },
  roadDig: { code: 'urban.road_dig', name: '道路开挖', routingLevel: 'department', departmentKeys: ['urban', 'water'] },
  gas: { code: 'utility.gas', name: '燃气', routingLevel: 'department', departmentKeys: ['gas'] },
  security: { code: 'safety.security', name: '治安隐患', routingLevel: 'street', departmentKeys: [] },
} satisfies Record<string, C>
