import type { Db } from '@cloudbase/database'
import { roleGrants } from '../../types/policy'
import type { z } from 'zod'
import type {
  Closure,
  NearbyInputSchema,
  Origin,
  Point,
  StationDetail,
  StationInputSchema,
  StationPage,
  StationSummary,
  WeeklyHours,
} from '../../types/stations'
import { AppError } from '../core/app-error'
import { checkOwnPhotos } from '../core/photos'
import { canAt, loadUnit } from '../core/authz'
import { type RoleAssignmentDoc, type StoredPoint, type UnitDoc, type UserDoc } from '../core/collections'
import { aggregated, collection, collectionName, geoPoint, type Where } from '../core/data'
import { distanceMeters, toLngLat } from '../core/geo'
import { orgUnits, unitsByIds } from '../core/org-cache'
import { listAmenities } from './amenities'
import { openStatus } from './open-status'

/** Stations hang under a community, or a street or district for those in public squares. */
const STATION_UNIT_KINDS = new Set(['community', 'street', 'district'])

/** The stored document. `ancestors` are the unit's ancestors, so the role check needs no unit read. */
export interface StationDoc {
  _id: string
  name: string
  address: string
  location: StoredPoint
  unitId: string
  ancestors: string[]
  amenities: string[]
  hours: WeeklyHours
  closures: Closure[]
  photos: string[]
  contact: { name?: string; phone: string }
  description: string | null
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
}

export const STATIONS_COLLECTION = collectionName<StationDoc>('stations')

export type ListInput = z.output<typeof NearbyInputSchema>
export type StationInput = z.output<typeof StationInputSchema>

/** Batch size when "open now" filters after the query and we must read past what we keep. */
const OPEN_NOW_BATCH = 200
/** Upper bound on documents read for one open-now page, so a night-time query stays cheap. */
const OPEN_NOW_SCAN_LIMIT = 5000

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

type PhotoUrl = (fileId: string) => Promise<string>

export function toSummary(
  doc: StationDoc,
  origin: Point | null,
  now: Date,
  cover: string | null = null,
): StationSummary {
  const location = toLngLat(doc.location)
  if (!location) throw new AppError('INTERNAL', '驿站数据有误', { cause: `station ${doc._id} has no location` })
  return {
    id: doc._id,
    name: doc.name,
    address: doc.address,
    location,
    unitId: doc.unitId,
    amenities: doc.amenities,
    cover,
    distance: origin ? Math.round(distanceMeters(origin, location)) : null,
    openStatus: openStatus(doc.hours, doc.closures, now),
  }
}

/** Where to measure from: the given point, else the caller's bound community's centre. */
export async function resolveOrigin(db: Db, point: Point | undefined, user: UserDoc | null): Promise<Origin | null> {
  if (point) return { point, source: 'point', name: null }
  if (!user?.communityId) return null
  const community = await loadUnit(db, user.communityId)
  const centre = toLngLat(community?.center)
  return community && centre ? { point: centre, source: 'community', name: community.name } : null
}

/**
 * The list behind nearby and search: the geo index orders by distance (`geoNear`, which
 * CloudBase sends as `$nearSphere`), amenities and keyword narrow in the same query, and
 * "open now" filters afterwards because it depends on the clock, not on stored fields.
 */
export async function listStations(
  db: Db,
  input: ListInput,
  origin: Origin | null,
  now: Date,
  url: PhotoUrl,
): Promise<StationPage> {
  const _ = db.command
  const base: Where<StationDoc> = {}
  if (origin) {
    base.location = _.geoNear({
      geometry: new db.Geo.Point(origin.point.lng, origin.point.lat),
      ...(input.radius ? { maxDistance: input.radius } : {}),
    })
  }
  if (input.amenities.length > 0) base.amenities = _.all(input.amenities)
  let query: Where<StationDoc> | ReturnType<typeof _.and> = base
  if (input.keyword) {
    const re = db.RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' })
    query = _.and([base, _.or([{ name: re }, { address: re }])])
  }
  const found = collection(db, STATIONS_COLLECTION).where(query)
  // With a geo condition the engine returns nearest first; otherwise give a stable order.
  const ordered = origin ? found : found.orderBy('name', 'asc').orderBy('_id', 'asc')
  const from = origin?.point ?? null

  const kept: StationDoc[] = []
  const page = async (hasMore: boolean): Promise<StationPage> => {
    const docs = kept.slice(0, input.limit)
    return { items: await withCovers(docs, from, now, url), origin, hasMore, nextOffset: input.offset + docs.length }
  }
  if (!input.openNow) {
    kept.push(
      ...(await ordered
        .skip(input.offset)
        .limit(input.limit + 1)
        .get()),
    )
    return page(kept.length > input.limit)
  }

  let toSkip = input.offset
  let read = 0
  let exhausted = false
  while (kept.length <= input.limit && read < OPEN_NOW_SCAN_LIMIT) {
    const batch = await ordered.skip(read).limit(OPEN_NOW_BATCH).get()
    read += batch.length
    for (const doc of batch) {
      if (!openStatus(doc.hours, doc.closures, now).open) continue
      if (toSkip > 0) toSkip--
      else if (kept.length <= input.limit) kept.push(doc)
    }
    if (batch.length < OPEN_NOW_BATCH) {
      exhausted = true
      break
    }
  }
  return page(kept.length > input.limit || !exhausted)
}

/**
 * The same nearby query answered without the geo index: read every station's location
 * (one aggregate, `_id` and `location` only), compute haversine in memory, sort, then load
 * the nearest `limit`. What a store without a 2dsphere index would have to do. Only the
 * benchmark uses it, for the ratio.
 */
export async function nearbyByFullScan(db: Db, origin: Point, radius: number | undefined, limit: number, now: Date) {
  const located = await aggregated<Pick<StationDoc, '_id' | 'location'>>(
    db.collection(STATIONS_COLLECTION).aggregate().project({ location: 1 }).limit(10_000_000),
  )
  const nearest = located
    .map((d) => ({ id: d._id, distance: distanceMeters(origin, toLngLat(d.location)!) }))
    .filter((d) => radius === undefined || d.distance <= radius)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
  const _ = db.command
  const docs = await collection(db, STATIONS_COLLECTION)
    .where({ _id: _.in(nearest.map((d) => d.id)) })
    .limit(limit)
    .get()
  const byId = new Map(docs.map((d) => [d._id, d]))
  return nearest.map((d) => toSummary(byId.get(d.id)!, origin, now))
}

export async function loadStation(db: Db, id: string): Promise<StationDoc> {
  const doc = await collection(db, STATIONS_COLLECTION).doc(id).get()
  if (!doc) throw new AppError('NOT_FOUND', '找不到这个驿站，可能已被删除')
  return doc
}

export function canEditStation(
  assignments: RoleAssignmentDoc[],
  station: Pick<StationDoc, 'unitId' | 'ancestors'>,
): boolean {
  return canAt(assignments, 'stations.edit', { _id: station.unitId, ancestors: station.ancestors })
}

/** Summaries with their cover photo resolved to a URL the app can show. */
export async function withCovers(
  docs: StationDoc[],
  origin: Point | null,
  now: Date,
  url: PhotoUrl,
): Promise<StationSummary[]> {
  return Promise.all(
    docs.map(async (doc) => toSummary(doc, origin, now, doc.photos[0] ? await url(doc.photos[0]) : null)),
  )
}

export async function toDetail(
  doc: StationDoc,
  origin: Point | null,
  now: Date,
  canEdit: boolean,
  url: PhotoUrl,
): Promise<StationDetail> {
  const photos = await Promise.all(doc.photos.map(async (fileId) => ({ fileId, url: await url(fileId) })))
  return {
    ...toSummary(doc, origin, now, photos[0]?.url ?? null),
    hours: doc.hours,
    closures: doc.closures,
    photos,
    contact: doc.contact,
    description: doc.description,
    canEdit,
    updatedAt: doc.updatedAt,
  }
}

/** Amenity keys must name something in the catalogue, so every icon the UI draws has a label. */
async function assertKnownAmenities(db: Db, keys: string[]): Promise<void> {
  if (keys.length === 0) return
  const known = new Set((await listAmenities(db)).map((a) => a.key))
  const issues = keys
    .map((key, i) => ({ key, i }))
    .filter(({ key }) => !known.has(key))
    .map(({ key, i }) => ({ path: ['amenities', i], message: `没有“${key}”这项便民设施，请先由管理员添加` }))
  if (issues.length > 0) throw new AppError('BAD_REQUEST', '填写的内容有误', { issues })
}

function assertStationUnit(unit: UnitDoc): void {
  if (!STATION_UNIT_KINDS.has(unit.kind)) {
    throw new AppError('BAD_REQUEST', '驿站只能属于社区、街道或区', {
      issues: [{ path: ['unitId'], message: '请选择社区、街道或区作为所属单位' }],
    })
  }
}

/** The stored fields of a station from what staff entered (also used by the demo seed). */
export function stationFields(db: Db, input: StationInput, unit: Pick<UnitDoc, '_id' | 'ancestors'>) {
  return {
    name: input.name,
    address: input.address,
    location: geoPoint(db, input.location.lng, input.location.lat),
    unitId: unit._id,
    ancestors: unit.ancestors,
    amenities: input.amenities,
    hours: input.hours,
    closures: [...input.closures].sort((a, b) => a.from.localeCompare(b.from)),
    photos: input.photos,
    contact: input.contact,
    description: input.description || null,
  }
}

/** `ctx.requireCapabilityAt('stations.edit', unitId)`: the editor's right at the station's unit. */
type RequireEditorAt = (unitId: string) => Promise<UnitDoc>

export async function createStation(
  db: Db,
  input: StationInput,
  by: string,
  now: Date,
  requireEditorAt: RequireEditorAt,
) {
  const unit = await requireEditorAt(input.unitId)
  assertStationUnit(unit)
  await assertKnownAmenities(db, input.amenities)
  await checkOwnPhotos(db, by, input.photos)
  const at = now.toISOString()
  const id = await collection(db, STATIONS_COLLECTION).add({
    ...stationFields(db, input, unit),
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    updatedBy: by,
  })
  return { id }
}

export async function updateStation(
  db: Db,
  id: string,
  input: StationInput,
  by: string,
  now: Date,
  assignments: RoleAssignmentDoc[],
  requireEditorAt: RequireEditorAt,
) {
  const existing = await loadStation(db, id)
  // Editing needs the right at the station's current unit, and moving it at the new one too.
  if (!canEditStation(assignments, existing)) throw new AppError('FORBIDDEN', '只有本单位的工作人员可以修改这个驿站')
  const unit = await requireEditorAt(input.unitId)
  assertStationUnit(unit)
  await assertKnownAmenities(db, input.amenities)
  // Photos already on the station may be a colleague's; only the ones added now must be the editor's own.
  await checkOwnPhotos(
    db,
    by,
    input.photos.filter((p) => !existing.photos.includes(p)),
  )
  await collection(db, STATIONS_COLLECTION)
    .doc(id)
    .set({
      ...stationFields(db, input, unit),
      createdAt: existing.createdAt,
      createdBy: existing.createdBy,
      updatedAt: now.toISOString(),
      updatedBy: by,
    })
  return { id }
}

/** The units a staff member manages stations for: where they hold the role, and below. */
export async function managedUnits(db: Db, assignments: RoleAssignmentDoc[]): Promise<UnitDoc[]> {
  const roots = [...new Set(assignments.filter((a) => roleGrants(a.role, 'stations.edit')).map((a) => a.unitId))]
  if (roots.length === 0) return []
  // From the runtime's cached org tree (core/org-cache.ts); a root it lacks refreshes it first.
  await unitsByIds(db, roots)
  const units = [...(await orgUnits(db)).values()].filter(
    (u) => roots.includes(u._id) || u.ancestors.some((a) => roots.includes(a)),
  )
  return units
    .filter((u) => STATION_UNIT_KINDS.has(u.kind))
    .sort(
      (a, b) =>
        a.ancestors.length - b.ancestors.length || (a.sort ?? 0) - (b.sort ?? 0) || a.name.localeCompare(b.name, 'zh'),
    )
}

export async function stationsOfUnits(db: Db, unitIds: string[], now: Date, url: PhotoUrl): Promise<StationSummary[]> {
  if (unitIds.length === 0) return []
  const _ = db.command
  const docs = await collection(db, STATIONS_COLLECTION)
    .where({ unitId: _.in(unitIds) })
    .orderBy('name', 'asc')
    .limit(1000)
    .get()
  return withCovers(docs, null, now, url)
}
