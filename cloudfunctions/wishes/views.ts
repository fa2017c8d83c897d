import { maskName } from '../../types/mask'
import { WALL_STATUSES, type WishCard, type WishDetail } from '../../types/wishes'
import type { Storage } from '../core/runtime'
import type { WishDoc } from './collections'
import { allowedActions, type WishActor } from './domain/state-machine'

/** What a card is made of: the wall reads only these fields. */
export type CardFields = Pick<WishDoc, '_id' | 'communityId' | 'stationId' | 'wisherId' | 'wisherName' | 'text' | 'category' | 'photos' | 'neededBy' | 'status' | 'thanks' | 'createdAt'>

async function photos(storage: Storage, ids: readonly string[]) {
  return Promise.all(ids.map(async (fileId) => ({ fileId, url: await storage.url(fileId) })))
}

/**
 * A wish for the wall. Built field by field (never by spreading the document) so the
 * wisher's phone and the claimer's id cannot leak into a wall response; the name is masked
 * unless the caller is the wisher.
 */
export async function toCard(wish: CardFields, viewer: string | null, communityName: string | null, storage: Storage): Promise<WishCard> {
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

/** The full wish as this caller may see it: contact only for the wisher and the claimer. */
export async function toDetail(
  wish: WishDoc,
  viewer: string,
  actors: readonly WishActor[],
  communityName: string | null,
  storage: Storage,
): Promise<WishDetail> {
  const seesContact = actors.includes('wisher') || actors.includes('claimer')
  const seesReasons = actors.includes('wisher') || actors.includes('staff')
  return {
    ...(await toCard(wish, viewer, communityName, storage)),
    contact: seesContact ? { name: wish.wisherName, phone: wish.wisherPhone } : null,
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
