import type { Db } from '@cloudbase/database'
import type { Amenity } from '../../types/stations'
import { collection, collectionName } from '../core/data'

/**
 * The seven 便民设施 named in the 高陵 reports, present on every install. Admins add more
 * (or relabel these) in `station_amenities`; the UI only ever renders what this list says.
 */
export const BUILTIN_AMENITIES: readonly Amenity[] = [
  { key: 'reading', label: '阅览区', icon: '📖' },
  { key: 'dining_rest', label: '就餐休息区', icon: '🍱' },
  { key: 'tea', label: '便民茶水', icon: '🍵' },
  { key: 'first_aid', label: '医药急救箱', icon: '🩹' },
  { key: 'wifi', label: '红色便民WiFi', icon: '📶' },
  { key: 'charging', label: '充电', icon: '🔌' },
  { key: 'toilet', label: '卫生间', icon: '🚻' },
]

interface AmenityDoc extends Amenity {
  _id: string
  createdAt: string
  updatedAt: string
  updatedBy: string
}

export const AMENITIES_COLLECTION = collectionName<AmenityDoc>('station_amenities')

/** Built-ins first in their usual order (an admin's relabel applied), then admin additions by age. */
export async function listAmenities(db: Db): Promise<Amenity[]> {
  const stored = await collection(db, AMENITIES_COLLECTION).orderBy('createdAt', 'asc').limit(1000).get()
  const byKey = new Map(stored.map((d) => [d.key, d]))
  const builtinKeys = new Set(BUILTIN_AMENITIES.map((a) => a.key))
  const pick = ({ key, label, icon }: Amenity): Amenity => ({ key, label, icon })
  return [
    ...BUILTIN_AMENITIES.map((a) => pick(byKey.get(a.key) ?? a)),
    ...stored.filter((d) => !builtinKeys.has(d.key)).map(pick),
  ]
}

export async function saveAmenity(db: Db, amenity: Amenity, now: Date, by: string): Promise<Amenity> {
  const ref = collection(db, AMENITIES_COLLECTION).doc(amenity.key)
  const existing = await ref.get()
  const at = now.toISOString()
  await ref.set({ ...amenity, createdAt: existing?.createdAt ?? at, updatedAt: at, updatedBy: by })
  return amenity
}
