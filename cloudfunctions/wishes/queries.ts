import type { Db } from '@cloudbase/database'
import { maskName } from '../../types/mask'
import type { LedgerEntry, StationResult, WishCard, WishCategory, WishStatus } from '../../types/wishes'
import { COLLECTIONS, type UnitDoc } from '../core/collections'
import type { Storage } from '../core/runtime'
import { WISH_COLLECTIONS as W, type LedgerDoc, type WishDoc } from './collections'
import { toCard } from './views'

async function communityNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const res = await db.collection(COLLECTIONS.units).where({ _id: db.command.in(unique) }).limit(1000).get()
  return new Map((res.data as UnitDoc[]).map((u) => [u._id, u.name]))
}

export async function toCards(db: Db, storage: Storage, wishes: WishDoc[], viewer: string | null): Promise<WishCard[]> {
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

/**
 * One page of the wall's documents, newest first or soonest-needed first, and whether
 * another page follows (one more document is read to know). There is deliberately no
 * count: it would read every matching wish. Each filter combination has an index in
 * core/indexes.ts whose equality prefix and sort match the query, so a page reads about
 * `pageSize` documents however large the wall grows. Only the fields the card needs are
 * read, so a wall query never carries a phone number.
 */
export async function wallPage(db: Db, q: WallQuery): Promise<{ docs: WishDoc[]; hasMore: boolean }> {
  const where: Record<string, unknown> = q.stationId ? { stationId: q.stationId } : { communityId: q.communityId }
  where.status = q.status
  if (q.category) where.category = q.category
  const res = await db
    .collection(W.wishes)
    .where(where)
    .orderBy(q.sort === 'soonest' ? 'neededBy' : 'createdAt', q.sort === 'soonest' ? 'asc' : 'desc')
    .skip((q.page - 1) * q.pageSize)
    .limit(q.pageSize + 1)
    .field(CARD_FIELDS)
    .get()
  const docs = res.data as WishDoc[]
  return { docs: docs.slice(0, q.pageSize), hasMore: docs.length > q.pageSize }
}

/** The wall of a community or a station as cards (names masked, no contact). */
export async function wall(db: Db, storage: Storage, q: WallQuery, viewer: string | null) {
  const { docs, hasMore } = await wallPage(db, q)
  return { items: await toCards(db, storage, docs, viewer), hasMore, page: q.page, pageSize: q.pageSize }
}

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
}

/** The caller's own wishes, or the wishes they have claimed, newest first. */
export async function mine(db: Db, storage: Storage, openid: string, as: 'wisher' | 'claimer', page: number, pageSize: number) {
  const where = as === 'wisher' ? { wisherId: openid } : { claimerId: openid }
  const coll = db.collection(W.wishes)
  const [{ total }, res] = await Promise.all([
    coll.where(where).count() as Promise<{ total: number }>,
    coll
      .where(where)
      .orderBy('createdAt', 'desc')
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .get(),
  ])
  return { items: await toCards(db, storage, res.data as WishDoc[], openid), total, page, pageSize }
}

/** A station's recent confirmed wishes with what was done and the thanks ("处理结果在驿站反馈"). */
export async function stationResults(db: Db, stationId: string, limit: number): Promise<StationResult[]> {
  const res = await db.collection(W.wishes).where({ stationId, status: 'confirmed' }).orderBy('confirmedAt', 'desc').limit(limit).get()
  return (res.data as WishDoc[]).map((w) => ({
    id: w._id,
    wisherName: maskName(w.wisherName),
    text: w.text,
    category: w.category,
    fulfilNote: w.fulfilNote,
    thanks: w.thanks,
    confirmedAt: w.confirmedAt ?? w.updatedAt,
  }))
}

/** A volunteer's credited service from wishes, newest first, with the totals. */
export async function ledger(db: Db, openid: string): Promise<{ items: LedgerEntry[]; totalHours: number; totalPoints: number }> {
  const res = await db.collection(W.ledger).where({ openid, source: 'wish' }).orderBy('creditedAt', 'desc').limit(1000).get()
  const docs = res.data as LedgerDoc[]
  return {
    items: docs.map((d) => ({ id: d._id, wishId: d.sourceId, wishText: d.title, hours: d.hours, points: d.points, creditedAt: d.creditedAt })),
    totalHours: docs.reduce((s, d) => s + d.hours, 0),
    totalPoints: docs.reduce((s, d) => s + d.points, 0),
  }
}
