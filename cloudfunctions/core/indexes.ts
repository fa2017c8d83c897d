/**
 * Every index of every collection, in one place.
 *
 * - The local host and the test harness pass these to the embedded database (embedded-db/),
 *   which creates exactly these on open, so local queries use them; an equality/range/sort on an indexed field does not scan the collection.
 *   A `$nearSphere`/`geoNear` query needs a '2dsphere' index on its field, as on CloudBase.
 * - In the cloud, create the same indexes in the CloudBase console (数据库 → 集合 → 索引管理):
 *   same collection, same fields in the same order, 升序 for 1, 降序 for -1, 地理位置 for
 *   '2dsphere', and 唯一 when `unique` is true. `_id` is always indexed; never list it.
 *
 * The declarations live in core/indexes/, one file per slice that queries them (shared.ts for
 * the shared collections); INDEXES is their concatenation, in the order they were declared.
 * To add one, append a line to the list of the slice that queries it. Names are unique within
 * a collection.
 */
import type { IndexSpec } from '../../embedded-db/index-spec'
import { CASE_INDEXES } from './indexes/cases'
import { EVENT_INDEXES } from './indexes/events'
import { NOTICE_INDEXES } from './indexes/notices'
import { PLACE_INDEXES } from './indexes/places'
import { SHARED_INDEXES } from './indexes/shared'
import { STATION_INDEXES } from './indexes/stations'
import { WISH_INDEXES } from './indexes/wishes'

export type { IndexOrder, IndexSpec } from '../../embedded-db/index-spec'

export const INDEXES: IndexSpec[] = [
  ...SHARED_INDEXES,
  ...STATION_INDEXES,
  ...WISH_INDEXES,
  ...CASE_INDEXES,
  ...PLACE_INDEXES,
  ...NOTICE_INDEXES,
  ...EVENT_INDEXES,
]
