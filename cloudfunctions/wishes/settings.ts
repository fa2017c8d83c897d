import type { Db } from '@cloudbase/database'
import { DEFAULT_WISH_SETTINGS, type WishSettings } from '../../types/wishes'
import { AppError } from '../core/app-error'
import { collection } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { runtimeCache } from '../core/runtime-cache'
import { requireStaff } from './actors'
import { WISH_COLLECTIONS as W } from './collections'

/** A community's wish rules: what it saved over the defaults, field by field. */
async function readSettings(db: Db, communityId: string): Promise<WishSettings> {
  const got = await collection(db, W.settings).doc(communityId).get()
  if (!got) return DEFAULT_WISH_SETTINGS
  return {
    reviewRequired: got.reviewRequired ?? DEFAULT_WISH_SETTINGS.reviewRequired,
    claimLimit: got.claimLimit ?? DEFAULT_WISH_SETTINGS.claimLimit,
    claimDays: got.claimDays ?? DEFAULT_WISH_SETTINGS.claimDays,
    autoConfirmDays: got.autoConfirmDays ?? DEFAULT_WISH_SETTINGS.autoConfirmDays,
    digestAfterDays: got.digestAfterDays ?? DEFAULT_WISH_SETTINGS.digestAfterDays,
    hoursPerWish: got.hoursPerWish ?? DEFAULT_WISH_SETTINGS.hoursPerWish,
    pointsPerWish: got.pointsPerWish ?? DEFAULT_WISH_SETTINGS.pointsPerWish,
  }
}

const cache = runtimeCache(readSettings)

/**
 * The rules an action applies (claim limit and days, review, confirmation…), read at most once
 * a minute per runtime (core/runtime-cache.ts); `updateSettings` invalidates them, so this
 * runtime applies a change at once and others within the TTL. Shared: do not change it.
 */
export function loadSettings(db: Db, communityId: string): Promise<WishSettings> {
  return cache.get(db, communityId)
}

/** The settings page reads what is stored now. */
export async function getSettings(ctx: ActionContext, input: { communityId: string }): Promise<WishSettings> {
  await requireStaff(ctx, input.communityId)
  return readSettings(ctx.rt.db, input.communityId)
}

export async function updateSettings(
  ctx: ActionContext,
  input: { communityId: string; settings: Partial<WishSettings> },
): Promise<WishSettings> {
  const community = await requireStaff(ctx, input.communityId)
  if (community.kind !== 'community') throw new AppError('BAD_REQUEST', '只能为社区设置心愿规则')
  const next = { ...(await readSettings(ctx.rt.db, input.communityId)), ...input.settings }
  await collection(ctx.rt.db, W.settings)
    .doc(input.communityId)
    .set({ ...next, updatedAt: ctx.now().toISOString(), updatedBy: ctx.requireCaller().openid })
  cache.invalidate(ctx.rt.db, input.communityId)
  return next
}
