import type { Db } from '@cloudbase/database'
import { maskName } from '../../types/mask'
import type {
  Contact,
  LedgerEntry,
  StationResult,
  WishCard,
  WishCategory,
  WishDetail,
  WishStatus,
} from '../../types/wishes'
import { AppError } from '../core/app-error'
import { communitiesServed, loadUnit } from '../core/authz'
import { COLLECTIONS } from '../core/collections'
import { collection, countedPage, pageOf, type Where } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { unitsByIds } from '../core/org-cache'
import type { Storage } from '../core/runtime'
import { requireStaff, standings } from './actors'
import { WISH_COLLECTIONS as W, type WishDoc } from './collections'
import { loadWish } from './transitions'
import { canView, toCard, toDetail, type CardFields } from './views'

/*
 * Reading wishes: the wall, one wish for those who may see it, the caller's own, the staff's
 * review queue, a station's results and a volunteer's ledger.
 */

/** The communities' names, from the runtime's cached org tree (core/org-cache.ts). */
async function communityNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const units = await unitsByIds(db, ids)
  return new Map([...units.values()].map((u) => [u._id, u.name]))
}

export async function toCards(
  db: Db,
  storage: Storage,
  wishes: CardFields[],
  viewer: string | null,
): Promise<WishCard[]> {
  const names = await communityNames(
    db,
    wishes.map((w) => w.communityId),
  )
  return Promise.all(wishes.map((w) => toCard(w, viewer, names.get(w.communityId) ?? null, storage)))
}

export interface WallQuery {
  communityId?: string
  stationId?: string
  category?: WishCategory
  status: WishStatus
  sort: 'newest' | 'soonest'
  page: number
  pageSize: number
}

/** The fields a card shows: a wall query reads only these, so it never carries a phone number. */
const CARD_FIELDS = {
  communityId: true,
  stationId: true,
  wisherId: true,
  wisherName: true,
  text: true,
  category: true,
  photos: true,
  neededBy: true,
  status: true,
  thanks: true,
  createdAt: true,
} as const

/**
 * One page of the wall's documents, newest first or soonest-needed first, and whether
 * another page follows. There is deliberately no count: it would read every matching
 * wish. Each filter combination has an index in core/indexes/wishes.ts whose equality prefix and
 * sort match the query, so a page reads about `pageSize` documents however large the wall
 * grows. Only the fields the card needs are read.
 */
export async function wallPage(db: Db, q: WallQuery): Promise<{ docs: CardFields[]; hasMore: boolean }> {
  const where: Where<WishDoc> = q.stationId ? { stationId: q.stationId } : { communityId: q.communityId }
  where.status = q.status
  if (q.category) where.category = q.category
  const query = collection(db, W.wishes)
    .where(where)
    .orderBy(q.sort === 'soonest' ? 'neededBy' : 'createdAt', q.sort === 'soonest' ? 'asc' : 'desc')
    .field(CARD_FIELDS)
  return pageOf(query, q)
}

/** The wall of a community or a station as cards (names masked, no contact). */
export async function wall(ctx: ActionContext, q: WallQuery) {
  const { docs, hasMore } = await wallPage(ctx.rt.db, q)
  return {
    items: await toCards(ctx.rt.db, ctx.rt.storage, docs, ctx.requireCaller().openid),
    hasMore,
    page: q.page,
    pageSize: q.pageSize,
  }
}

/** One wish in full as the caller may see it, with what they may do now (`can`). */
export async function getWish(ctx: ActionContext, input: { wishId: string }): Promise<WishDetail> {
  const wish = await loadWish(ctx.rt.db, input.wishId)
  const community = await loadUnit(ctx.rt.db, wish.communityId)
  if (!community) throw new AppError('NOT_FOUND', '找不到该社区')
  const openid = ctx.requireCaller().openid
  const actors = standings(wish, openid, ctx.assignments, community)
  // An off-wall wish does not exist for strangers.
  if (!canView(wish, actors)) throw new AppError('NOT_FOUND', '找不到这个心愿')
  const claimer = actors.includes('wisher') ? await claimerContact(ctx.rt.db, wish) : null
  return toDetail(wish, openid, actors, community.name, ctx.rt.storage, claimer)
}

/** The volunteer holding the wish's claim as they entered themselves (views.ts masks the name for the wisher). */
async function claimerContact(db: Db, wish: Pick<WishDoc, 'claimerId'>): Promise<Contact | null> {
  if (!wish.claimerId) return null
  const user = await collection(db, COLLECTIONS.users).doc(wish.claimerId).get()
  return user ? { name: user.name ?? '', phone: user.phone ?? '' } : null
}

/** The caller's own wishes, or the wishes they have claimed, newest first. */
export async function mine(ctx: ActionContext, input: { as: 'wisher' | 'claimer'; page: number; pageSize: number }) {
  const { db, storage } = ctx.rt
  const openid = ctx.requireCaller().openid
  const where: Where<WishDoc> = input.as === 'wisher' ? { wisherId: openid } : { claimerId: openid }
  const wishes = collection(db, W.wishes)
  const { docs, hasMore, total } = await countedPage(
    wishes.where(where),
    wishes.where(where).orderBy('createdAt', 'desc'),
    input,
  )
  return { items: await toCards(db, storage, docs, openid), total, hasMore, page: input.page, pageSize: input.pageSize }
}

/** A community's wishes in one status (待审核 by default), oldest first, in full for its staff. */
export async function reviewQueue(
  ctx: ActionContext,
  input: { communityId: string; status: WishStatus; page: number; pageSize: number },
) {
  const community = await requireStaff(ctx, input.communityId)
  const where: Where<WishDoc> = { communityId: input.communityId, status: input.status }
  const wishes = collection(ctx.rt.db, W.wishes)
  const { docs, hasMore, total } = await countedPage(
    wishes.where(where),
    wishes.where(where).orderBy('createdAt', 'asc'),
    input,
  )
  const openid = ctx.requireCaller().openid
  const items = await Promise.all(
    docs.map((w) =>
      toDetail(w, openid, standings(w, openid, ctx.assignments, community), community.name, ctx.rt.storage),
    ),
  )
  return { items, total, hasMore, page: input.page, pageSize: input.pageSize }
}

/** 待审核心愿 across the communities the caller reviews for, those below a street included. */
export async function workload(ctx: ActionContext): Promise<{ pendingReview: number }> {
  const { db } = ctx.rt
  const communities = await communitiesServed(db, ctx.assignments, 'wishes.review')
  if (communities.length === 0) return { pendingReview: 0 }
  return {
    pendingReview: await collection(db, W.wishes)
      .where({ communityId: db.command.in(communities), status: 'pending_review' })
      .count(),
  }
}

/** A station's recent confirmed wishes with what was done and the thanks ("处理结果在驿站反馈"). */
export async function stationResults(
  ctx: ActionContext,
  input: { stationId: string; limit: number },
): Promise<{ items: StationResult[] }> {
  const docs = await collection(ctx.rt.db, W.wishes)
    .where({ stationId: input.stationId, status: 'confirmed' })
    .orderBy('confirmedAt', 'desc')
    .limit(input.limit)
    .get()
  return {
    items: docs.map((w) => ({
      id: w._id,
      wisherName: maskName(w.wisherName),
      text: w.text,
      category: w.category,
      fulfilNote: w.fulfilNote,
      thanks: w.thanks,
      confirmedAt: w.confirmedAt ?? w.updatedAt,
    })),
  }
}

/** A volunteer's credited service from wishes, newest first, with the totals. */
export async function ledger(
  ctx: ActionContext,
): Promise<{ items: LedgerEntry[]; totalHours: number; totalPoints: number }> {
  const openid = ctx.requireCaller().openid
  const docs = await collection(ctx.rt.db, W.ledger)
    .where({ openid, source: 'wish' })
    .orderBy('creditedAt', 'desc')
    .limit(1000)
    .get()
  return {
    items: docs.map((d) => ({
      id: d._id,
      wishId: d.sourceId,
      wishText: d.title,
      hours: d.hours,
      points: d.points,
      creditedAt: d.creditedAt,
    })),
    totalHours: docs.reduce((s, d) => s + d.hours, 0),
    totalPoints: docs.reduce((s, d) => s + d.points, 0),
  }
}
