import type { Db } from '@cloudbase/database'
import { capabilitiesOf } from '../../types/policy'
import type { CommunityRef, LngLat, UnitView } from '../../types/org'
import { PLACE_KINDS, type UnitKind } from '../../types/roles'
import type { Me } from '../../types/users'
import { AppError } from '../core/app-error'
import { loadUnit } from '../core/authz'
import { unitsByIds } from '../core/org-cache'
import { COLLECTIONS, type RoleAssignmentDoc, type UnitDoc, type UserDoc } from '../core/collections'
import { collection, type Where } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { distanceMeters, toLngLat } from '../core/geo'
import { myAddressView, servingOf } from '../core/places'

export type { VolunteerApplicationDoc } from '../core/collections'

export { ROLE_UNIT_KINDS } from '../../types/roles-labels'

export const loadUnits = unitsByIds

export function toUnitView(unit: UnitDoc): UnitView {
  return {
    id: unit._id,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    ancestors: unit.ancestors,
    center: toLngLat(unit.center),
    address: unit.address ?? null,
  }
}

export async function communityRef(db: Db, community: UnitDoc): Promise<CommunityRef> {
  const above = await loadUnits(db, community.ancestors)
  const street = community.ancestors.map((id) => above.get(id)).find((u) => u?.kind === 'street') ?? null
  const district = community.ancestors.map((id) => above.get(id)).find((u) => u?.kind === 'district') ?? null
  return {
    id: community._id,
    name: community.name,
    streetId: street?._id ?? null,
    streetName: street?.name ?? null,
    districtId: district?._id ?? null,
    districtName: district?.name ?? null,
  }
}

export async function buildMe(db: Db, user: UserDoc, assignments: RoleAssignmentDoc[]): Promise<Me> {
  const units = await loadUnits(db, [
    ...assignments.map((a) => a.unitId),
    ...(user.communityId ? [user.communityId] : []),
  ])
  const community = user.communityId ? units.get(user.communityId) : undefined
  const roles: Me['roles'] = assignments.map((a) => ({
    role: a.role,
    unitId: a.unitId,
    unitName: units.get(a.unitId)?.name ?? '（已撤销的单位）',
    unitKind: units.get(a.unitId)?.kind ?? null,
  }))
  // Everyone with an account is a resident of the community they bound.
  if (community && !roles.some((r) => r.role === 'resident')) {
    roles.unshift({ role: 'resident', unitId: community._id, unitName: community.name, unitKind: community.kind })
  }
  return {
    openid: user._id,
    name: user.name,
    phone: user.phone,
    community: community ? await communityRef(db, community) : null,
    roles,
    capabilities: capabilitiesOf(assignments),
    createdAt: user.createdAt,
    address: await myAddressView(db, user),
    partyMember: user.partyMember === true,
    serving: servingOf(user, assignments),
    volunteerPending: (user.volunteerPendingIn ?? []).length > 0,
  }
}

export async function updateProfile(ctx: ActionContext, patch: { name?: string; phone?: string }): Promise<UserDoc> {
  const user = ctx.requireUser()
  const changes = { ...patch, updatedAt: ctx.now().toISOString() }
  await collection(ctx.rt.db, COLLECTIONS.users).doc(user._id).update(changes)
  return { ...user, ...changes }
}

export async function requireCommunity(db: Db, id: string): Promise<UnitDoc> {
  const unit = await loadUnit(db, id)
  if (!unit || unit.kind !== 'community') throw new AppError('NOT_FOUND', '找不到该社区')
  return unit
}

/** The community whose centre is nearest to a point (communities are few: a scan is enough). */
export async function nearestCommunity(db: Db, point: LngLat): Promise<{ unit: UnitDoc; distance: number }> {
  const communities = await collection(db, COLLECTIONS.units).where({ kind: 'community' }).limit(1000).get()
  let best: { unit: UnitDoc; distance: number } | null = null
  for (const unit of communities) {
    const center = toLngLat(unit.center)
    if (!center) continue
    const distance = distanceMeters(point, center)
    if (!best || distance < best.distance) best = { unit, distance }
  }
  if (!best) throw new AppError('NOT_FOUND', '附近没有可选择的社区')
  return best
}

export async function bindCommunity(
  ctx: ActionContext,
  input: { communityId: string } | { locate: LngLat },
): Promise<{ community: CommunityRef; distanceMeters: number | null }> {
  const user = ctx.requireUser()
  const { db } = ctx.rt
  const found =
    'communityId' in input
      ? { unit: await requireCommunity(db, input.communityId), distance: null }
      : await nearestCommunity(db, input.locate)
  // An address in the community left behind no longer holds.
  const moved = user.address && user.address.communityId !== found.unit._id ? { address: null } : {}
  await collection(db, COLLECTIONS.users)
    .doc(user._id)
    .update({ communityId: found.unit._id, ...moved, updatedAt: ctx.now().toISOString() })
  return {
    community: await communityRef(db, found.unit),
    distanceMeters: found.distance === null ? null : Math.round(found.distance),
  }
}

/**
 * Units below a parent, of some kinds. Without kinds it answers the administrative tree:
 * 小区 and 楼栋 (thousands in a street) only when asked for by kind (places.places lists them).
 */
export async function orgTree(db: Db, input: { parentId?: string; kinds?: UnitKind[] }): Promise<UnitView[]> {
  const _ = db.command
  const query: Where<UnitDoc> = {}
  if (input.parentId) query.ancestors = input.parentId
  query.kind = input.kinds?.length ? _.in(input.kinds) : _.nin([...PLACE_KINDS])
  const units = await collection(db, COLLECTIONS.units).where(query).orderBy('sort', 'asc').limit(1000).get()
  return units.map(toUnitView)
}
