import { randomUUID } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import { WISH_LIMITS, type PostWishInput, type WishStatus } from '../../types/wishes'
import { AppError } from '../core/app-error'
import { loadUnit } from '../core/authz'
import type { UnitDoc, UserDoc } from '../core/collections'
import { collection, transaction } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { notify } from '../core/outbox'
import { checkOwnPhotos } from '../core/photos'
import { STATIONS_COLLECTION } from '../stations/service'
import { requireCommunity } from './actors'
import { WISH_COLLECTIONS as W, type WishDoc } from './collections'
import { DAY_MS, shanghaiDate } from './domain/dates'
import { reviewNotice, staffOf } from './notices'
import { loadSettings } from './settings'
import { historyEntry } from './transitions'

/*
 * 许个微心愿: a resident's wish, checked and stored with its first history entry, onto the
 * review queue (its staff are told) or straight onto the wall.
 */

async function resolveCommunity(
  db: Db,
  input: PostWishInput,
  user: UserDoc,
): Promise<{ community: UnitDoc; stationId: string | null }> {
  let stationUnit: string | null = null
  if (input.stationId) {
    const station = await collection(db, STATIONS_COLLECTION).doc(input.stationId).get()
    if (!station) throw new AppError('NOT_FOUND', '找不到该驿站')
    stationUnit = station.unitId
  }
  // A station run by a community posts to it; a square station under a street posts to
  // the wisher's own community, whose volunteers will do the work.
  const unitOfStation = stationUnit ? await loadUnit(db, stationUnit) : null
  const communityId =
    input.communityId ?? (unitOfStation?.kind === 'community' ? unitOfStation._id : null) ?? user.communityId
  if (!communityId) throw new AppError('BAD_REQUEST', '请先在"我的"里选择所在社区，或在驿站页面发布心愿')
  return { community: await requireCommunity(db, communityId), stationId: input.stationId ?? null }
}

/**
 * Posts a wish: content security first (risky is refused and nothing is stored), then
 * onto the review queue, or straight onto the wall when the text passed and the community
 * has turned review off.
 */
export async function postWish(ctx: ActionContext, input: PostWishInput): Promise<{ id: string; status: WishStatus }> {
  const { db } = ctx.rt
  const user = ctx.requireUser()
  const now = ctx.now()
  await checkOwnPhotos(db, user._id, input.photos ?? [])
  if (!user.phone) throw new AppError('BAD_REQUEST', '请先在「我的 → 编辑资料」里填写手机号，志愿者认领后要联系您')
  const today = shanghaiDate(now)
  const latest = shanghaiDate(new Date(now.getTime() + WISH_LIMITS.neededByMaxDays * DAY_MS))
  if (input.neededBy < today || input.neededBy > latest) {
    throw new AppError('BAD_REQUEST', `需要日期应在今天到 ${WISH_LIMITS.neededByMaxDays} 天之内`, {
      issues: [{ path: ['neededBy'], message: `请选择今天到 ${latest} 之间的日期` }],
    })
  }
  const { community, stationId } = await resolveCommunity(db, input, user)
  const verdict = await ctx.rt.contentCheck.check(input.text, user._id)
  if (verdict === 'risky') {
    throw new AppError('BAD_REQUEST', '心愿内容含有不适宜公开的信息，无法发布，请修改后再试', {
      issues: [{ path: ['text'], message: '内容未通过安全检查' }],
    })
  }
  const settings = await loadSettings(db, community._id)
  const status: WishStatus = verdict === 'review' || settings.reviewRequired ? 'pending_review' : 'open'
  const at = now.toISOString()
  const id = `w-${randomUUID()}`
  const wish: WishDoc = {
    _id: id,
    communityId: community._id,
    stationId,
    wisherId: user._id,
    wisherName: user.name ?? '居民',
    wisherPhone: user.phone,
    text: input.text,
    category: input.category,
    photos: input.photos ?? [],
    neededBy: input.neededBy,
    status,
    contentVerdict: verdict,
    claimerId: null,
    claimedAt: null,
    claimDeadline: null,
    claimNoticeDueAt: null,
    fulfilNote: null,
    fulfilPhotos: [],
    fulfilledAt: null,
    autoConfirmAt: null,
    confirmedAt: null,
    disputeReason: null,
    rejectReason: null,
    hideReason: null,
    thanks: null,
    openedAt: status === 'open' ? at : null,
    digestId: null,
    history: [historyEntry('post', 'wisher', status, verdict === 'review' ? '内容需人工复核' : null, at)],
    version: 1,
    createdAt: at,
    updatedAt: at,
  }
  const staff = status === 'pending_review' ? await staffOf(db, community._id) : []
  await transaction(db, async (tx) => {
    const { _id, ...rest } = wish
    await tx.collection(W.wishes).doc(_id).set(rest)
    for (const openid of staff) {
      await notify(tx, reviewNotice(wish, community.name, openid), now)
    }
  })
  return { id, status }
}
