import type { Point } from '../../types/stations'

/**
 * Mean Earth radius (IUGG). The distances we show are great-circle distances on this
 * sphere; at city scale the difference from the ellipsoid is well under 0.5%.
 */
export const EARTH_RADIUS_M = 6_371_008.8

const rad = (deg: number) => (deg * Math.PI) / 180

/** Great-circle distance in metres by the haversine formula (stable for short distances). */
export function haversine(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}
