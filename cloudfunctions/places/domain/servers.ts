import type { ServerView } from '../../../types/places'
import { SERVER_KINDS, type PlacePost } from '../../../types/places-labels'

/*
 * 为我服务: who serves a resident's 小区 and 楼栋, in the order the page lists them (网格员
 * first, then the posts as PLACE_POSTS orders them), the nearest unit first within a kind.
 * A phone its owner hid is never sent.
 */

export interface ServingPost {
  post: PlacePost
  unitId: string
  name: string
  phone: string
  phoneHidden: boolean
}

export interface GridWorker {
  unitId: string
  name: string | null
  phone: string | null
  phoneHidden: boolean
}

/** `chain` is the resident's units from the building up (building, estate, grid, community). */
export function servingList(
  chain: readonly string[],
  gridId: string,
  workers: readonly GridWorker[],
  posts: readonly ServingPost[],
  names: ReadonlyMap<string, string>,
): ServerView[] {
  const depth = (unitId: string) => {
    const i = chain.indexOf(unitId)
    return i === -1 ? chain.length : i
  }
  const rows: ServerView[] = [
    ...workers
      .filter((w) => w.name)
      .map((w): ServerView => ({
        kind: 'grid_worker',
        name: w.name!,
        phone: w.phoneHidden ? null : w.phone,
        unitId: w.unitId,
        unitName: names.get(w.unitId) ?? '',
        gridId,
      })),
    ...posts
      .filter((p) => chain.includes(p.unitId))
      .map((p): ServerView => ({
        kind: p.post,
        name: p.name,
        phone: p.phoneHidden ? null : p.phone,
        unitId: p.unitId,
        unitName: names.get(p.unitId) ?? '',
        gridId,
      })),
  ]
  const order = (s: ServerView) => SERVER_KINDS.indexOf(s.kind) * 100 + depth(s.unitId)
  return rows.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name, 'zh-CN'))
}
