import type { UserAddress } from '../../core/collections'
import { checkAddress, nextAddress, type PlaceUnit } from './address'

const estate: PlaceUnit = { id: 'e1', kind: 'estate', parentId: 'g1', ancestors: ['d', 's', 'c1', 'g1'] }
const building: PlaceUnit = { id: 'b1', kind: 'building', parentId: 'e1', ancestors: ['d', 's', 'c1', 'g1', 'e1'] }
const foreign: PlaceUnit = { ...building, id: 'b9', parentId: 'e9' }

describe('checkAddress', () => {
  it('should place a building of the chosen 小区 in its grid and community', () => {
    expect(checkAddress(estate, building)).toEqual({ ok: true, communityId: 'c1', gridId: 'g1' })
  })
  it.each<[string, PlaceUnit | null, PlaceUnit | null, string]>([
    ['an unknown 小区', null, building, '找不到所选小区，请重新选择'],
    ['a grid passed as a 小区', { ...estate, kind: 'grid' }, building, '找不到所选小区，请重新选择'],
    ['an unknown 楼栋', estate, null, '找不到所选楼栋，请重新选择'],
    ['a 楼栋 of another 小区', estate, foreign, '所选楼栋不在这个小区里，请重新选择'],
  ])('should refuse %s', (_what, e, b, message) => {
    expect(checkAddress(e, b)).toEqual({ ok: false, message })
  })
})

describe('nextAddress', () => {
  const place = { communityId: 'c1', gridId: 'g1', estateId: 'e1', building }
  const confirmed: UserAddress = {
    ...nextAddress(null, place, '2单元301', 't0'),
    status: 'confirmed',
    confirmedAt: 't1',
    confirmedBy: 'staff',
  }

  it('should declare a new address as pending with every unit above the building', () => {
    expect(nextAddress(null, place, '2单元301', 't0')).toEqual({
      communityId: 'c1',
      gridId: 'g1',
      estateId: 'e1',
      buildingId: 'b1',
      unitIds: ['d', 's', 'c1', 'g1', 'e1', 'b1'],
      room: '2单元301',
      status: 'pending',
      declaredAt: 't0',
      confirmedAt: null,
      confirmedBy: null,
    })
  })
  it('should keep a confirmation when the same address is declared again', () => {
    expect(nextAddress(confirmed, place, '2单元301', 't2')).toBe(confirmed)
  })
  it('should wait for confirmation again when the room changes', () => {
    expect(nextAddress(confirmed, place, '3单元101', 't2')).toMatchObject({
      status: 'pending',
      declaredAt: 't2',
      room: '3单元101',
    })
  })
})
