import { WishesContract } from '../../types/wishes'
import { AppError } from '../core/app-error'
import { loadUnit } from '../core/authz'
import { defineFunction, type ActionContext } from '../core/define-function'
import { checkOwnPhotos } from '../core/photos'
import { WISH_COLLECTIONS as W, type WishSettingsDoc } from './collections'
import { exportDigest, listDigests, loadDigest, markSent } from './digest'
import { ledger, mine, stationResults, wall } from './queries'
import {
  claimWish,
  loadSettings,
  loadWish,
  personTransition,
  postWish,
  specs,
  standings,
  type ActorContext,
} from './service'
import { canView, toDetail } from './views'

export { WISH_SWEEPS } from './sweeps'

function actor(ctx: ActionContext): ActorContext {
  return { db: ctx.rt.db, openid: ctx.requireCaller().openid, assignments: ctx.assignments, now: ctx.now() }
}

async function communityOf(ctx: ActionContext, wishId: string) {
  const wish = await loadWish(ctx.rt.db, wishId)
  const community = await loadUnit(ctx.rt.db, wish.communityId)
  if (!community) throw new AppError('NOT_FOUND', '找不到该社区')
  return { wish, community }
}

/** Staff of the community (or above): every staff-only action goes through this. */
async function requireStaff(ctx: ActionContext, communityId: string) {
  return ctx.requireCapabilityAt('wishes.review', communityId)
}

/** The `wishes` function (issue 5): the 微心愿墙 from posting to thanks, and its digests. */
export const wishes = defineFunction('wishes', WishesContract, {
  post: {
    access: 'signed-in',
    limit: 'submission',
    handler: async (input, ctx) => {
      await checkOwnPhotos(ctx.rt.db, ctx.requireCaller().openid, input.photos ?? [])
      return postWish({ db: ctx.rt.db, user: ctx.requireUser(), now: ctx.now(), check: (text) => ctx.rt.contentCheck.check(text, ctx.requireCaller().openid) }, input)
    },
  },
  wall: {
    access: 'signed-in',
    handler: (input, ctx) => wall(ctx.rt.db, ctx.rt.storage, input, ctx.requireCaller().openid),
  },
  get: {
    access: 'signed-in',
    handler: async ({ id }, ctx) => {
      const { wish, community } = await communityOf(ctx, id)
      const openid = ctx.requireCaller().openid
      const actors = standings(wish, openid, ctx.assignments, community)
      // An off-wall wish does not exist for strangers.
      if (!canView(wish, actors)) throw new AppError('NOT_FOUND', '找不到这个心愿')
      return toDetail(wish, openid, actors, community.name, ctx.rt.storage)
    },
  },
  mine: {
    access: 'signed-in',
    handler: ({ as, page, pageSize }, ctx) => mine(ctx.rt.db, ctx.rt.storage, ctx.requireCaller().openid, as, page, pageSize),
  },
  reviewQueue: {
    access: 'wishes.review',
    handler: async ({ communityId, status, page, pageSize }, ctx) => {
      const community = await requireStaff(ctx, communityId)
      const where = { communityId, status }
      const coll = ctx.rt.db.collection(W.wishes)
      const [{ total }, res] = await Promise.all([
        coll.where(where).count() as Promise<{ total: number }>,
        coll
          .where(where)
          .orderBy('createdAt', 'asc')
          .skip((page - 1) * pageSize)
          .limit(pageSize)
          .get(),
      ])
      const openid = ctx.requireCaller().openid
      const items = await Promise.all(
        (res.data as Parameters<typeof toDetail>[0][]).map((w) => toDetail(w, openid, standings(w, openid, ctx.assignments, community), community.name, ctx.rt.storage)),
      )
      return { items, total }
    },
  },
  review: {
    access: 'wishes.review',
    handler: ({ id, decision, reason }, ctx) => personTransition(actor(ctx), id, decision === 'approve' ? specs.approve() : specs.reject(reason!)),
  },
  withdraw: { access: 'signed-in', handler: ({ id }, ctx) => personTransition(actor(ctx), id, specs.withdraw()) },
  hide: { access: 'wishes.review', handler: ({ id, reason }, ctx) => personTransition(actor(ctx), id, specs.hide(reason)) },
  claim: { access: 'wishes.claim', handler: ({ id }, ctx) => claimWish(actor(ctx), id) },
  release: {
    access: 'wishes.claim',
    handler: ({ id, reason }, ctx) => personTransition(actor(ctx), id, specs.release(ctx.requireCaller().openid, reason)),
  },
  fulfil: {
    access: 'wishes.claim',
    handler: async ({ id, note, photos }, ctx) => {
      await checkOwnPhotos(ctx.rt.db, ctx.requireCaller().openid, photos)
      const wish = await loadWish(ctx.rt.db, id)
      const settings = await loadSettings(ctx.rt.db, wish.communityId)
      return personTransition(actor(ctx), id, specs.fulfil(note, photos, settings.autoConfirmDays))
    },
  },
  confirm: {
    access: 'signed-in',
    handler: async ({ id }, ctx) => {
      const wish = await loadWish(ctx.rt.db, id)
      return personTransition(actor(ctx), id, specs.confirm(await loadSettings(ctx.rt.db, wish.communityId), 'wisher'))
    },
  },
  dispute: {
    access: 'signed-in',
    handler: async ({ id, reason }, ctx) => {
      const wish = await loadWish(ctx.rt.db, id)
      const settings = await loadSettings(ctx.rt.db, wish.communityId)
      return personTransition(actor(ctx), id, specs.dispute(reason, settings.claimDays))
    },
  },
  thank: { access: 'signed-in', handler: ({ id, text }, ctx) => personTransition(actor(ctx), id, specs.thank(text)) },
  ledger: { access: 'wishes.claim', handler: (_input, ctx) => ledger(ctx.rt.db, ctx.requireCaller().openid) },
  stationResults: {
    access: 'public',
    handler: async ({ stationId, limit }, ctx) => ({ items: await stationResults(ctx.rt.db, stationId, limit) }),
  },
  settings: {
    access: 'wishes.review',
    handler: async ({ communityId }, ctx) => {
      await requireStaff(ctx, communityId)
      return loadSettings(ctx.rt.db, communityId)
    },
  },
  updateSettings: {
    access: 'wishes.review',
    handler: async ({ communityId, settings }, ctx) => {
      const community = await requireStaff(ctx, communityId)
      if (community.kind !== 'community') throw new AppError('BAD_REQUEST', '只能为社区设置心愿规则')
      const next = { ...(await loadSettings(ctx.rt.db, communityId)), ...settings }
      const doc: Omit<WishSettingsDoc, '_id'> = { ...next, updatedAt: ctx.now().toISOString(), updatedBy: ctx.requireCaller().openid }
      await ctx.rt.db.collection(W.settings).doc(communityId).set(doc)
      return next
    },
  },
  digests: {
    access: 'wishes.review',
    handler: async ({ communityId }, ctx) => {
      await requireStaff(ctx, communityId)
      return { items: await listDigests(ctx.rt.db, communityId) }
    },
  },
  exportDigest: {
    access: 'wishes.review',
    handler: async ({ id }, ctx) => {
      const digest = await loadDigest(ctx.rt.db, id)
      const community = await requireStaff(ctx, digest.communityId)
      return exportDigest(ctx.rt.db, ctx.rt.storage, digest, community.name)
    },
  },
  sendDigest: {
    access: 'wishes.review',
    handler: async ({ id, recipients }, ctx) => {
      const digest = await loadDigest(ctx.rt.db, id)
      await requireStaff(ctx, digest.communityId)
      return markSent(ctx.rt.db, digest, recipients, ctx.requireCaller().openid, ctx.now())
    },
  },
})

export const main = wishes.main
