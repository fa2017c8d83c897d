import type { Db } from '@cloudbase/database'
import { maskPhone } from '../../types/mask'
import type { AddressStatus, MyAddress, ResidentView, ServerView } from '../../types/places'
import { AppError } from '../core/app-error'
import { loadUnit, staffAssignmentsAt } from '../core/authz'
import { COLLECTIONS, type UserDoc } from '../core/collections'
import { collection, pageOf, type Where } from '../core/data'
import { docWith, join } from '../core/joins'
import type { ActionContext } from '../core/define-function'
import { notify } from '../core/outbox'
import { keepRefs, personRef } from '../core/person-ref'
import { myAddressView, PLACE_COLLECTIONS, servicePhone, type PlacePostDoc } from '../core/places'
import { checkAddress, nextAddress } from './domain/address'
import { servingList } from './domain/servers'
import { transact, unitNames } from './units'

/** My address: 小区 → 楼栋 (→ 单元/室). Binds the community too; waits for staff to confirm. */
export async function setAddress(
  ctx: ActionContext,
  input: { estateId: string; buildingId: string; room: string },
): Promise<MyAddress> {
  const user = ctx.requireUser()
  const { db } = ctx.rt
  const [estate, building] = await Promise.all([loadUnit(db, input.estateId), loadUnit(db, input.buildingId)])
  const check = checkAddress(estate && { id: estate._id, ...estate }, building && { id: building._id, ...building })
  if (!check.ok || !building) {
    throw new AppError('BAD_REQUEST', check.ok ? '找不到所选楼栋' : check.message, {
      issues: [{ path: ['buildingId'], message: check.ok ? '找不到所选楼栋' : check.message }],
    })
  }
  const address = nextAddress(
    user.address,
    {
      communityId: check.communityId,
      gridId: check.gridId,
      estateId: input.estateId,
      building: { id: building._id, ...building },
    },
    input.room,
    ctx.now().toISOString(),
  )
  const next: UserDoc = { ...user, address, communityId: check.communityId }
  await db
    .collection(COLLECTIONS.users)
    .doc(user._id)
    .update({ address, communityId: check.communityId, updatedAt: ctx.now().toISOString() })
  return (await myAddressView(db, next))!
}

/**
 * The residents whose address is at or below a unit the caller holds `residents.view` at:
 * a 网格员 sees their grid's, community staff the community's (rooms shown, phones masked).
 */
export async function residents(
  ctx: ActionContext,
  input: { unitId: string; status?: AddressStatus; page: number; pageSize: number },
): Promise<{ items: ResidentView[]; page: number; pageSize: number; hasMore: boolean; total: number }> {
  await ctx.requireCapabilityAt('residents.view', input.unitId)
  const users = collection(ctx.rt.db, COLLECTIONS.users)
  const query: Where<UserDoc> = { 'address.unitIds': input.unitId }
  if (input.status) query['address.status'] = input.status
  const [total, { docs, hasMore }] = await Promise.all([
    users.where(query).count(),
    pageOf(users.where(query).orderBy('address.declaredAt', 'desc'), input),
  ])
  const housed = docs.flatMap((u) => (u.address ? [{ user: u, address: u.address }] : []))
  await keepRefs(
    ctx.rt.db,
    housed.map((h) => h.user),
  )
  const names = await unitNames(
    ctx.rt.db,
    housed.flatMap(({ address: a }) => [a.estateId, a.buildingId]),
  )
  const items = housed.map(({ user: u, address: a }) => ({
    ref: personRef(u._id),
    name: u.name ?? '（未填姓名）',
    phone: maskPhone(u.phone),
    estateName: names.get(a.estateId) ?? '',
    buildingId: a.buildingId,
    buildingLabel: names.get(a.buildingId) ?? '',
    room: a.room,
    status: a.status,
    declaredAt: a.declaredAt,
    partyMember: u.partyMember === true,
  }))
  return { items, page: input.page, pageSize: input.pageSize, hasMore, total }
}

/**
 * Confirms the listed residents' addresses in one go (refs from `residents`). Only pending
 * addresses in this community change; each confirmed resident is told, in the same transaction.
 */
export async function confirmResidents(
  ctx: ActionContext,
  input: { communityId: string; refs: string[] },
): Promise<{ confirmed: number }> {
  const community = await ctx.requireCapabilityAt('places.manage', input.communityId)
  const staff = ctx.requireUser()
  const now = ctx.now()
  const people = await collection(ctx.rt.db, COLLECTIONS.users)
    .where({ ref: ctx.rt.db.command.in([...new Set(input.refs)]) })
    .limit(1000)
    .get()
  const confirmed = await transact(ctx.rt.db, async (tx) => {
    let n = 0
    for (const { _id: openid } of people) {
      const user = await tx.collection(COLLECTIONS.users).doc(openid).get()
      const a = user?.address
      if (!a || a.communityId !== community._id || a.status !== 'pending') continue
      await tx.collection(COLLECTIONS.users).doc(openid).update({
        'address.status': 'confirmed',
        'address.confirmedAt': now.toISOString(),
        'address.confirmedBy': staff._id,
      })
      await notify(
        tx,
        {
          dedupeKey: `address:${openid}:${a.declaredAt}:confirmed`,
          openid,
          title: '住址已确认',
          body: `${community.name}已确认您登记的住址。`,
          link: '/pages/me/index',
        },
        now,
      )
      n++
    }
    return n
  })
  return { confirmed }
}

/**
 * The workers' names and phones and the posts on the chain's units, as they are now, in one
 * request: joined to the caller's own user document (`docWith`), which is there.
 */
async function serving(
  db: Db,
  openid: string,
  chain: string[],
  workerIds: string[],
): Promise<{ workers: UserDoc[]; posts: PlacePostDoc[] }> {
  const _ = db.command
  const found = await docWith(db, COLLECTIONS.users, openid, {
    workers: join(COLLECTIONS.users, { _id: _.in(workerIds) }, { limit: 20 }),
    posts: join(PLACE_COLLECTIONS.placePosts, { unitId: _.in(chain) }, { limit: 100 }),
  })
  return { workers: found?.workers ?? [], posts: found?.posts ?? [] }
}

/** 为我服务: the grid's 网格员 and the posts on my 楼栋, 小区, grid and community. */
export async function myServers(ctx: ActionContext): Promise<{ address: MyAddress | null; servers: ServerView[] }> {
  const user = ctx.requireUser()
  const { db } = ctx.rt
  const address = await myAddressView(db, user)
  const a = user.address
  if (!a || !address) return { address: null, servers: [] }
  const chain = [a.buildingId, a.estateId, a.gridId, a.communityId]
  const workerIds = (await staffAssignmentsAt(db, a.gridId))
    .filter((r) => r.role === 'grid_worker')
    .slice(0, 20)
    .map((r) => r.openid)
  const { workers, posts } = await serving(db, user._id, chain, workerIds)
  const names = await unitNames(db, chain)
  const servers = servingList(
    chain,
    a.gridId,
    workers.map((w) => ({
      unitId: a.gridId,
      name: w.name,
      phone: servicePhone(w),
      phoneHidden: w.phoneHidden === true,
    })),
    posts,
    names,
  )
  return { address, servers }
}
