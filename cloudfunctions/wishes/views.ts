import { maskName } from '../../types/mask'
import { transition, WALL_STATUSES, type WishAction, type WishActor, type WishCard, type WishDetail } from '../../types/wishes'
import type { Storage } from '../core/runtime'
import type { WishDoc } from './collections'

/** Actions a person can take from the detail page (the scheduler's are never offered). */
const PERSON_ACTIONS: WishAction[] = ['approve', 'reject', 'withdraw', 'hide', 'claim', 'release', 'fulfil', 'confirm', 'dispute', 'thank']

async function photos(storage: Storage, ids: readonly string[]) {
  return Promise.all(ids.map(async (fileId) => ({ fileId, url: await storage.url(fileId) })))
}

/**
 * A wish for the wall. Built field by field (never by spreading the document) so the
 * wisher's phone and the claimer's id cannot leak into a wall response; the name is masked
 * unless the caller is the wisher.
 */
export async function toCard(wish: WishDoc, viewer: string | null, communityName: string | null, storage: Storage): Promise<WishCard> {
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
export function canView(wish: WishDoc, actors: readonly WishActor[]): boolean {
  if ((WALL_STATUSES as readonly string[]).includes(wish.status)) return true
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
  const can = PERSON_ACTIONS.filter((a) => transition(wish.status, a, actors).ok && !(a === 'thank' && wish.thanks))
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
    can,
  }
}
