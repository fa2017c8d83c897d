import type { LngLat } from '../../types/org'
import type { StoredPoint } from './collections'

/** Reads a stored point whether the SDK handed back a `Geo.Point` or plain GeoJSON. */
export function toLngLat(point: StoredPoint | null | undefined): LngLat | null {
  if (!point) return null
  if ('coordinates' in point) return { lng: point.coordinates[0], lat: point.coordinates[1] }
  if ('longitude' in point) return { lng: point.longitude, lat: point.latitude }
  return null
}

const EARTH_RADIUS_M = 6_371_008.8

/**
 * Great-circle distance in metres on the mean Earth radius. `$nearSphere` (MongoDB, CloudBase,
 * the embedded engine) uses 6 378 100 m, so a shown distance is about 0.1% shorter than the
 * one a radius filter compares: it never exceeds the radius the resident chose.
 */
export function distanceMeters(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}
