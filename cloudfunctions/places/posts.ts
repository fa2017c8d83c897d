import type { PostView } from '../../types/places'
import { CONTACT_POSTS, PLACE_POST_LABELS, POST_UNIT_KINDS, type PlacePost } from '../../types/places-labels'
import { AppError } from '../core/app-error'
import { COLLECTIONS, type UnitDoc } from '../core/collections'
import { collection } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { notify } from '../core/outbox'
import { PLACE_COLLECTIONS, placePostId, servicePhone, type PlacePostDoc } from '../core/places'
import { communityOf, transact, unitNames, type Tx } from './units'

/*
 * Posts on places: 楼栋长/红色管家/党员中心户 on a 楼栋, 服务长/联系长/物业 on a 小区, 社区民警
 * and 法律顾问 on a 小区, grid or community. Set by community staff at the unit or above.
 */

const KIND_NAMES: Record<string, string> = { community: '社区', grid: '网格', estate: '小区', building: '楼栋' }

function toView(doc: PlacePostDoc, unitName: string): PostView {
  return {
    id: doc._id,
    post: doc.post,
    unitId: doc.unitId,
    unitName,
    name: doc.name,
    phone: doc.phone,
    phoneHidden: doc.phoneHidden,
    hasAccount: doc.openid !== null,
  }
}

export async function posts(ctx: ActionContext, communityId: string): Promise<PostView[]> {
  await ctx.requireCapabilityAt('places.manage', communityId)
  const docs = await collection(ctx.rt.db, PLACE_COLLECTIONS.placePosts)
    .where({ unitIds: communityId })
    .limit(1000)
    .get()
  const names = await unitNames(
    ctx.rt.db,
    docs.map((d) => d.unitId),
  )
  return docs.map((d) => toView(d, names.get(d.unitId) ?? ''))
}

/** The holder's own list of their posts (UserDoc.placePostIds), changed with the post. */
async function keepPostIds(tx: Tx, openid: string, change: (ids: Set<string>) => void): Promise<void> {
  const user = await tx.collection(COLLECTIONS.users).doc(openid).get()
  const ids = new Set(user?.placePostIds ?? [])
  change(ids)
  await tx
    .collection(COLLECTIONS.users)
    .doc(openid)
    .update({ placePostIds: [...ids] })
}

function bad(path: string, message: string): AppError {
  return new AppError('BAD_REQUEST', message, { issues: [{ path: [path], message }] })
}

/** The person on a post: a resident of this community (with an account), or a contact. */
async function holder(
  ctx: ActionContext,
  unit: UnitDoc,
  input: { post: PlacePost; ref?: string; name?: string; phone?: string },
) {
  const contact = CONTACT_POSTS.includes(input.post)
  if (contact || !input.ref) {
    if (!contact && input.post === 'party_household') throw bad('ref', '党员中心户须从已核实的在职党员中选择')
    return { openid: null, name: input.name!, phone: input.phone! }
  }
  const [user] = await collection(ctx.rt.db, COLLECTIONS.users).where({ ref: input.ref }).limit(1).get()
  const community = await communityOf(ctx.rt.db, unit)
  if (!user || !community || user.address?.communityId !== community._id)
    throw bad('ref', '只能从本社区登记了住址的居民中选择')
  if (input.post === 'party_household' && user.partyMember !== true)
    throw bad('ref', '党员中心户须是社区核实过的在职党员')
  if (!user.name || !user.phone) throw bad('ref', '该居民还没有填写姓名和手机号')
  return { openid: user._id, name: user.name, phone: servicePhone(user) ?? user.phone }
}

export async function assignPost(
  ctx: ActionContext,
  input: { unitId: string; post: PlacePost; ref?: string; name?: string; phone?: string; phoneHidden: boolean },
): Promise<PostView> {
  const unit = await ctx.requireCapabilityAt('places.manage', input.unitId)
  const kinds = POST_UNIT_KINDS[input.post]
  if (!kinds.some((k) => k === unit.kind)) {
    throw bad('unitId', `「${PLACE_POST_LABELS[input.post]}」只能设在${kinds.map((k) => KIND_NAMES[k]).join('或')}上`)
  }
  const who = await holder(ctx, unit, input)
  const now = ctx.now()
  const doc: PlacePostDoc = {
    _id: placePostId(unit._id, input.post, who.openid ?? who.phone),
    unitId: unit._id,
    unitIds: [...unit.ancestors, unit._id],
    post: input.post,
    ...who,
    phoneHidden: input.phoneHidden,
    createdAt: now.toISOString(),
    createdBy: ctx.requireUser()._id,
  }
  await transact(ctx.rt.db, async (tx) => {
    const { _id, ...rest } = doc
    await tx.collection(PLACE_COLLECTIONS.placePosts).doc(_id).set(rest)
    if (who.openid) {
      await keepPostIds(tx, who.openid, (ids) => ids.add(_id))
      const label = PLACE_POST_LABELS[input.post]
      await notify(
        tx,
        {
          dedupeKey: `post:${_id}:${doc.createdAt}`,
          openid: who.openid,
          title: `您已担任${label}`,
          body: `社区请您担任${unit.name}的${label}，居民可在“为我服务”里找到您。`,
          link: '/pages/places/servers',
        },
        now,
      )
    }
  })
  return toView(doc, unit.name)
}

export async function removePost(ctx: ActionContext, postId: string): Promise<{ removed: number }> {
  const doc = await collection(ctx.rt.db, PLACE_COLLECTIONS.placePosts).doc(postId).get()
  if (!doc) throw new AppError('NOT_FOUND', '找不到该岗位')
  const unit = await ctx.requireCapabilityAt('places.manage', doc.unitId)
  const now = ctx.now()
  await transact(ctx.rt.db, async (tx) => {
    await tx.collection(PLACE_COLLECTIONS.placePosts).doc(doc._id).remove()
    if (doc.openid) {
      await keepPostIds(tx, doc.openid, (ids) => ids.delete(doc._id))
      const label = PLACE_POST_LABELS[doc.post]
      await notify(
        tx,
        {
          dedupeKey: `post:${doc._id}:${doc.createdAt}:removed`,
          openid: doc.openid,
          title: `${label}岗位已调整`,
          body: `您不再担任${unit.name}的${label}，感谢您的服务。`,
          link: '/pages/me/index',
        },
        now,
      )
    }
  })
  return { removed: 1 }
}
