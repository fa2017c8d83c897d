import { maskName } from '../../types/mask'
import { WALL_STATUSES, type Contact, type WishCard, type WishDetail } from '../../types/wishes'
import type { Storage } from '../core/runtime'
import type { WishDoc } from './collections'
import { allowedActions, type WishActor } from './domain/state-machine'

/** What a card is made of: the wall reads only these fields. */
export type CardFields = Pick<
  WishDoc,
  | '_id'
  | 'communityId'
  | 'stationId'
  | 'wisherId'
  | 'wisherName'
  | 'text'
  | 'category'
  | 'photos'
  | 'neededBy'
  | 'status'
  | 'thanks'
  | 'createdAt'
>

async function photos(storage: Storage, ids: readonly string[]) {
  return Promise.all(ids.map(async (fileId) => ({ fileId, url: await storage.url(fileId) })))
}

/**
 * A wish for the wall. Built field by field (never by spreading the document) so the
 * wisher's phone and the claimer's id cannot leak into a wall response; the name is masked
 * unless the caller is the wisher.
 */
export async function toCard(
  wish: CardFields,
  viewer: string | null,
  communityName: string | null,
  storage: Storage,
): Promise<WishCard> {
  const mine = viewer === wish.wisherId
  return {
    id: wish._id,
    communityId: wish.communityId,
    communityName,
    stationId: wish.stationId,
    wisherName: mine ? wish.wisherName : maskName(wish.wisherName),
    text: wish.text,
    category: wish.category,
    photos: await photos(storage, wish.photos),
    neededBy: wish.neededBy,
    status: wish.status,
    thanks: wish.thanks,
    createdAt: wish.createdAt,
    mine,
  }
}

/** Whether a standing may open a wish at all: off-wall wishes are for the wisher and staff. */
export function canView(wish: Pick<WishDoc, 'status'>, actors: readonly WishActor[]): boolean {
  if (WALL_STATUSES.some((s) => s === wish.status)) return true
  return actors.includes('wisher') || actors.includes('staff') || actors.includes('claimer')
}

/**
 * The other side of a claim, for the two people in it: the claimer reaches the wisher; the
 * wisher learns who claimed their wish and how to reach them (the name masked like any name
 * shown to someone else, the phone in full, as the claimer has the wisher's).
 */
export function contactFor(
  wish: Pick<WishDoc, 'wisherName' | 'wisherPhone'>,
  actors: readonly WishActor[],
  claimer: Contact | null,
): Contact | null {
  if (actors.includes('claimer')) return { name: wish.wisherName, phone: wish.wisherPhone }
  if (actors.includes('wisher') && claimer) return { name: `志愿者${maskName(claimer.name)}`, phone: claimer.phone }
  return null
}

/** The full wish as this caller may see it: the other side's contact only for the wisher and the claimer. */
export async function toDetail(
  wish: WishDoc,
  viewer: string,
  actors: readonly WishActor[],
  communityName: string | null,
  storage: Storage,
  claimer: Contact | null = null,
): Promise<WishDetail> {
  const seesReasons = actors.includes('wisher') || actors.includes('staff')
  return {
    ...(await toCard(wish, viewer, communityName, storage)),
    contact: contactFor(wish, actors, claimer),
    claimDeadline: wish.claimDeadline,
    fulfilNote: wish.fulfilNote,
    fulfilPhotos: await photos(storage, wish.fulfilPhotos),
    autoConfirmAt: wish.autoConfirmAt,
    disputeReason: wish.disputeReason,
    rejectReason: seesReasons ? wish.rejectReason : null,
    hideReason: seesReasons ? wish.hideReason : null,
    contentVerdict: actors.includes('staff') ? wish.contentVerdict : null,
    history: wish.history,
    can: allowedActions(wish, actors),
  }
}
