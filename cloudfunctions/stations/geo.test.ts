import { haversine, EARTH_RADIUS_M } from './geo'

describe('haversine', () => {
  it('should be zero for the same point', () => {
    expect(haversine({ lng: 108.94, lat: 34.26 }, { lng: 108.94, lat: 34.26 })).toBe(0)
  })

  it('should give one degree of latitude as R·π/180 metres', () => {
    // Along a meridian the great-circle distance is exactly R·Δφ.
    const expected = (EARTH_RADIUS_M * Math.PI) / 180 // 111 195.08 m
    expect(haversine({ lng: 109, lat: 34 }, { lng: 109, lat: 35 })).toBeCloseTo(expected, 3)
    expect(expected).toBeCloseTo(111_195.08, 1)
  })

  it('should shrink a degree of longitude by cos(latitude) at short range', () => {
    // Xi'an, lat 34.26°: 0.01° of longitude ≈ R·cos(34.26°)·0.01·π/180 = 0.826527 × 1111.951 = 919.04 m.
    const d = haversine({ lng: 108.94, lat: 34.26 }, { lng: 108.95, lat: 34.26 })
    expect(d).toBeGreaterThan(918.9)
    expect(d).toBeLessThan(919.1)
  })

  it('should match the hand-computed distance from 钟楼 to 高陵区政府', () => {
    // 钟楼 (108.9402, 34.2611) to 高陵 (109.0883, 34.5347):
    // By hand: sin²(Δφ/2) = 0.0023876² = 5.7006e-6; sin²(Δλ/2) = 0.0012924² = 1.6703e-6;
    // cos φ1·cos φ2 = 0.82650 × 0.82381 = 0.68088; h = 6.8379e-6; d = 2R·asin(√h) = 33 319 m.
    const d = haversine({ lng: 108.9402, lat: 34.2611 }, { lng: 109.0883, lat: 34.5347 })
    expect(Math.abs(d - 33_319)).toBeLessThan(5)
  })

  it('should be symmetric', () => {
    const a = { lng: 109.21, lat: 34.37 }
    const b = { lng: 108.91, lat: 34.15 }
    expect(haversine(a, b)).toBeCloseTo(haversine(b, a), 9)
  })
})
