import type { LngLat } from '../../../types/org'
import { distanceMeters } from '../../core/geo'

/*
 * Where Open311 may report. The org tree's districts carry no boundary (only centres, and
 * grids their small squares), so the deployment's area is the union of discs of
 * SERVICE_RADIUS_KM around every known point of a district, street, community or grid —
 * wide enough for a district's edge (长安区 reaches ~30 km from its centre, hence a disc
 * around each street and community too), and nowhere near another city. A point outside is
 * refused instead of being routed to the fallback unit of a district it is not in.
 */

export const SERVICE_RADIUS_KM = 20

/** The unit points the area is drawn around: centres and grid boundary corners. */
export function serviceAreaPoints(
  units: ReadonlyArray<{
    center: LngLat | null
    boundary?: ReadonlyArray<ReadonlyArray<readonly [number, number]>> | null
  }>,
): LngLat[] {
  const points: LngLat[] = []
  for (const u of units) {
    if (u.center) points.push(u.center)
    for (const [lng, lat] of u.boundary?.[0] ?? []) points.push({ lng, lat })
  }
  return points
}

/** Whether `p` lies within SERVICE_RADIUS_KM of one of `points`; with no points nothing is refused. */
export function withinServiceArea(points: readonly LngLat[], p: LngLat, radiusKm = SERVICE_RADIUS_KM): boolean {
  if (points.length === 0) return true
  return points.some((q) => distanceMeters(q, p) <= radiusKm * 1000)
}
