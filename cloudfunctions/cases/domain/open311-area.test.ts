import { serviceAreaPoints, withinServiceArea } from './open311-area'

const BEILIN = { lng: 108.9345, lat: 34.2316 }
const units = [
  { center: BEILIN },
  {
    center: null,
    boundary: [
      [
        [108.95, 34.25],
        [108.96, 34.25],
        [108.96, 34.26],
        [108.95, 34.25],
      ],
    ] as Array<Array<[number, number]>>,
  },
]

describe('open311 service area', () => {
  it('should take unit centres and grid corners as the area', () => {
    expect(serviceAreaPoints(units)).toHaveLength(5)
  })

  it.each([
    ['东县门 (a grid)', { lng: 108.9573, lat: 34.2581 }, true],
    ['10 km from 碑林区 centre', { lng: 108.9345, lat: 34.3216 }, true],
    ['天安门, Beijing', { lng: 116.3975, lat: 39.9087 }, false],
    ['35 km from every unit', { lng: 108.9345, lat: 34.55 }, false],
  ])('should answer %s: %s', (_label, point, inside) => {
    expect(withinServiceArea(serviceAreaPoints(units), point)).toBe(inside)
  })

  it('should refuse nothing when the org tree has no points', () => {
    expect(withinServiceArea([], { lng: 116.3975, lat: 39.9087 })).toBe(true)
  })
})
