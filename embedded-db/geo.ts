import { isPlainObject, type Value } from './codec'
import { invalid, notSupported } from './errors'

/** The radius MongoDB uses for `$nearSphere` metres and `$centerSphere` radians. */
export const EARTH_RADIUS_M = 6378100

export type LngLat = readonly [number, number]
export interface Box {
  minLng: number
  maxLng: number
  minLat: number
  maxLat: number
}

const rad = (d: number): number => (d * Math.PI) / 180
const deg = (r: number): number => (r * 180) / Math.PI

/** Great-circle distance in metres (haversine): correct on a sphere at any scale. */
export function haversine(a: LngLat, b: LngLat): number {
  const dLat = rad(b[1] - a[1])
  const dLng = rad(b[0] - a[0])
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** A lng/lat box that contains every point within `metres` of `center` on the sphere. */
export function capBox(center: LngLat, metres: number): Box {
  const angular = metres / EARTH_RADIUS_M
  if (angular >= Math.PI / 2) return { minLng: -180, maxLng: 180, minLat: -90, maxLat: 90 }
  const [lng, lat] = center
  const minLat = lat - deg(angular)
  const maxLat = lat + deg(angular)
  if (minLat <= -90 || maxLat >= 90)
    return { minLng: -180, maxLng: 180, minLat: Math.max(minLat, -90), maxLat: Math.min(maxLat, 90) }
  const dLng = deg(Math.asin(Math.min(1, Math.sin(angular) / Math.cos(rad(lat)))))
  if (lng - dLng < -180 || lng + dLng > 180) return { minLng: -180, maxLng: 180, minLat, maxLat }
  return { minLng: lng - dLng, maxLng: lng + dLng, minLat, maxLat }
}

function isPosition(v: unknown): v is [number, number] {
  return (
    Array.isArray(v) &&
    v.length >= 2 &&
    typeof v[0] === 'number' &&
    typeof v[1] === 'number' &&
    Math.abs(v[0]) <= 180 &&
    Math.abs(v[1]) <= 90
  )
}

export type Geometry =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'Polygon'; coordinates: [number, number][][] }
  | { type: 'MultiPolygon'; coordinates: [number, number][][][] }
  | { type: 'LineString' | 'MultiPoint'; coordinates: [number, number][] }
  | { type: 'MultiLineString'; coordinates: [number, number][][] }

/** Validates a GeoJSON value as stored by `db.Geo.*`; null when `v` is not GeoJSON at all. */
export function asGeometry(v: Value | undefined): Geometry | null {
  if (!isPlainObject(v) || typeof v.type !== 'string' || !Array.isArray(v.coordinates)) return null
  const c = v.coordinates as unknown[]
  const ring = (r: unknown): boolean => Array.isArray(r) && r.length >= 4 && r.every(isPosition)
  switch (v.type) {
    case 'Point':
      return isPosition(c) ? (v as unknown as Geometry) : null
    case 'LineString':
    case 'MultiPoint':
      return c.every(isPosition) ? (v as unknown as Geometry) : null
    case 'MultiLineString':
      return c.every((l) => Array.isArray(l) && l.every(isPosition)) ? (v as unknown as Geometry) : null
    case 'Polygon':
      return c.length > 0 && c.every(ring) ? (v as unknown as Geometry) : null
    case 'MultiPolygon':
      return c.length > 0 && c.every((p) => Array.isArray(p) && p.length > 0 && p.every(ring))
        ? (v as unknown as Geometry)
        : null
    default:
      return null
  }
}

function positions(g: Geometry): [number, number][] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates]
    case 'LineString':
    case 'MultiPoint':
      return g.coordinates
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat()
    case 'MultiPolygon':
      return g.coordinates.flat(2)
  }
}

/** Bounding box of a geometry in lng/lat (for the R*Tree). */
export function geometryBox(g: Geometry): Box {
  const ps = positions(g)
  const box = { minLng: 180, maxLng: -180, minLat: 90, maxLat: -90 }
  for (const [lng, lat] of ps) {
    box.minLng = Math.min(box.minLng, lng)
    box.maxLng = Math.max(box.maxLng, lng)
    box.minLat = Math.min(box.minLat, lat)
    box.maxLat = Math.max(box.maxLat, lat)
  }
  return box
}

/**
 * Whether point p lies inside a polygon whose edges are great-circle arcs (GeoJSON on a
 * sphere, as MongoDB's 2dsphere reads it). A gnomonic projection centred on p maps
 * great circles to straight lines, so a planar ray test in that projection is exact.
 */
export function pointInPolygon(p: LngLat, rings: readonly (readonly LngLat[])[]): boolean {
  const [outer, ...holes] = rings
  if (!outer || !inRing(p, outer)) return false
  return !holes.some((h) => inRing(p, h))
}

function inRing(p: LngLat, ring: readonly LngLat[]): boolean {
  const lat0 = rad(p[1])
  const lng0 = rad(p[0])
  const proj = ring.map(([lngD, latD]) => {
    const lat = rad(latD)
    const dl = rad(lngD) - lng0
    const cosC = Math.sin(lat0) * Math.sin(lat) + Math.cos(lat0) * Math.cos(lat) * Math.cos(dl)
    if (cosC <= 1e-12) throw notSupported('$geoWithin polygon wider than a hemisphere around the tested point')
    return [
      (Math.cos(lat) * Math.sin(dl)) / cosC,
      (Math.cos(lat0) * Math.sin(lat) - Math.sin(lat0) * Math.cos(lat) * Math.cos(dl)) / cosC,
    ] as const
  })
  let inside = false
  for (let i = 0, j = proj.length - 1; i < proj.length; j = i++) {
    const [xi, yi] = proj[i] as readonly [number, number]
    const [xj, yj] = proj[j] as readonly [number, number]
    if (yi > 0 !== yj > 0 && 0 < ((xj - xi) * (0 - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** A query's `$geometry` for `$geoWithin`: Polygon or MultiPolygon, as rings of positions. */
export function withinPolygons(v: Value | undefined): LngLat[][][] {
  const g = asGeometry(v)
  if (!g) throw invalid('$geoWithin.$geometry must be a GeoJSON Polygon or MultiPolygon')
  if (g.type === 'Polygon') return [g.coordinates]
  if (g.type === 'MultiPolygon') return g.coordinates
  throw notSupported(`$geoWithin with a ${g.type}`)
}

/** The point a stored geometry stands for in distance queries (only Points have one). */
export function pointOf(v: Value | undefined): LngLat | null {
  const g = asGeometry(v)
  if (!g) return null
  if (g.type !== 'Point') throw notSupported(`distance to a stored ${g.type} (only Point is supported)`)
  return g.coordinates
}

export function boxOfPolygons(polys: LngLat[][][]): Box {
  return geometryBox({ type: 'MultiPolygon', coordinates: polys as [number, number][][][] })
}
