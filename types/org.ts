import { z } from 'zod'
import { UnitKindSchema } from './roles'

/** A point as the app sends and shows it (GCJ-02 as WeChat's getLocation returns it). */
export const LngLatSchema = z.object({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
})
export type LngLat = z.infer<typeof LngLatSchema>

/**
 * One org unit as the app sees it. `ancestors` lists the unit ids above it, root first:
 * authorisation is "this role at this unit or one above it", so a unit's ancestors decide
 * who may act on it.
 */
export const UnitViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: UnitKindSchema,
  parentId: z.string().nullable(),
  ancestors: z.array(z.string()),
  center: LngLatSchema.nullable(),
  address: z.string().nullable(),
})
export type UnitView = z.infer<typeof UnitViewSchema>

/** A community with the names of the street and district above it, for display. */
export const CommunityRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  streetId: z.string().nullable(),
  streetName: z.string().nullable(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
})
export type CommunityRef = z.infer<typeof CommunityRefSchema>
