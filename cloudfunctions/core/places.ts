import type { Db } from '@cloudbase/database'
import type { MyAddress } from '../../types/places'
import type { PlacePost } from '../../types/places-labels'
import type { Role } from '../../types/roles'
import { COLLECTIONS, type UserDoc } from './collections'
import { derivedId } from './ids'
import { unitsByIds } from './org-cache'
import { collection, collectionName, type Where } from './data'

/*
 * The facts about places and people that other functions read (events and notices build
 * their audiences from them; docs/places.md): a resident's address on their user document,
 * the 党员 fact, and the posts on 小区 and 楼栋. Only the `places` function writes them.
 */

/** `party_members`: a 在职党员's 双报到 report to the community they live in. */
export interface PartyMemberDoc {
  _id: string
  communityId: string
  workUnit: string
  partyOrg: string
  skills: string[]
  status: 'pending' | 'verified' | 'rejected'
  reportedAt: string
  verifiedAt: string | null
  verifiedBy: string | null
  reason: string | null
}

/**
 * `place_posts`: one person or contact on one post at one unit. `_id` is derived from the
 * unit, the post and the openid (or the contact's phone), so assigning the same person twice
 * is a no-op; it is hashed because staff get it, and an openid must not reach them.
 * `unitIds` is the unit and everything above it, for "posts within this community".
 */
export interface PlacePostDoc {
  _id: string
  unitId: string
  unitIds: string[]
  post: PlacePost
  openid: string | null
  name: string
  phone: string
  phoneHidden: boolean
  createdAt: string
  createdBy: string
}

/** The places function's collections, each with its document type. */
export const PLACE_COLLECTIONS = {
  /** `_id` = openid: one 双报到 report per person. */
  partyMembers: collectionName<PartyMemberDoc>('party_members'),
  /** Posts on places (楼栋长, 服务长, 社区民警…). */
  placePosts: collectionName<PlacePostDoc>('place_posts'),
} as const

export function placePostId(unitId: string, post: PlacePost, who: string): string {
  return derivedId('place-post', unitId, post, who)
}

/** Whether the person is a verified 党员 (a verified 双报到 report). */
export async function isPartyMember(db: Db, openid: string): Promise<boolean> {
  const user = await collection(db, COLLECTIONS.users).doc(openid).get()
  return user?.partyMember === true
}

/**
 * The openids of residents whose declared address is at or below `unitId` (a community,
 * grid, 小区 or 楼栋). `confirmedOnly` leaves out addresses staff have not confirmed yet.
 * Pages through the whole set: a 小区 can have thousands of households.
 */
export async function residentsAt(
  db: Db,
  unitId: string,
  options: { confirmedOnly?: boolean; partyOnly?: boolean } = {},
): Promise<string[]> {
  const query: Where<UserDoc> = { 'address.unitIds': unitId }
  if (options.confirmedOnly) query['address.status'] = 'confirmed'
  if (options.partyOnly) query.partyMember = true
  const out: string[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = await collection(db, COLLECTIONS.users).where(query).field({ _id: true }).skip(skip).limit(1000).get()
    out.push(...page.map((u) => u._id))
    if (page.length < 1000) return out
  }
}

/** The caller's own address with the names of its units, or null when none is declared. */
export async function myAddressView(db: Db, user: UserDoc): Promise<MyAddress | null> {
  const a = user.address
  if (!a) return null
  const ids = [a.communityId, a.estateId, a.buildingId]
  const byId = await unitsByIds(db, ids)
  return {
    communityId: a.communityId,
    communityName: byId.get(a.communityId)?.name ?? '',
    gridId: a.gridId,
    estateId: a.estateId,
    estateName: byId.get(a.estateId)?.name ?? '（已撤销的小区）',
    buildingId: a.buildingId,
    buildingLabel: byId.get(a.buildingId)?.name ?? '（已撤销的楼栋）',
    room: a.room,
    status: a.status,
    declaredAt: a.declaredAt,
    confirmedAt: a.confirmedAt,
  }
}

/**
 * Whether the person appears in residents' 为我服务 — a 网格员, or someone on a post on a
 * place (楼栋长…) — and so has a phone there to publish or hide: their choice, or null.
 */
export function servingOf(
  user: UserDoc,
  roles: readonly { role: Role }[],
): { phoneHidden: boolean; workPhone: string | null } | null {
  const serves = roles.some((r) => r.role === 'grid_worker') || (user.placePostIds ?? []).length > 0
  return serves ? { phoneHidden: user.phoneHidden === true, workPhone: user.workPhone ?? null } : null
}

/** The number residents see for a person in 为我服务 (unless hidden): their work number, else their phone. */
export function servicePhone(user: Pick<UserDoc, 'phone' | 'workPhone'>): string | null {
  return user.workPhone ?? user.phone
}
