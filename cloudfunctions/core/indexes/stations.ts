/** The stations function's collections (红色驿站). Part of INDEXES (core/indexes.ts). */
import type { IndexSpec } from '../../../embedded-db/index-spec'

export const STATION_INDEXES: IndexSpec[] = [
  // stations (红色驿站): nearest first needs the geo index; the name order lists without a
  // location; a unit's stations for the staff list; the amenity catalogue in insertion order.
  { collection: 'stations', name: 'location', fields: [{ field: 'location', order: '2dsphere' }] },
  { collection: 'stations', name: 'name', fields: [{ field: 'name', order: 1 }] },
  {
    collection: 'stations',
    name: 'unit_name',
    fields: [
      { field: 'unitId', order: 1 },
      { field: 'name', order: 1 },
    ],
  },
  { collection: 'station_amenities', name: 'createdAt', fields: [{ field: 'createdAt', order: 1 }] },
]
