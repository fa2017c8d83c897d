import type { InputOf, OutputOf } from '../../types/contract'
import type { WishesContract } from '../../types/wishes'
import { client } from './transport/client'

type C = typeof WishesContract
const wishes = client<C>('wishes')

export type WishCard = OutputOf<C, 'wall'>['items'][number]
export type WishDetail = OutputOf<C, 'get'>
export type WallInput = InputOf<C, 'wall'>
export type PostWishInput = InputOf<C, 'post'>
export type Digest = OutputOf<C, 'digests'>['items'][number]

/**
 * The `wishes` function as the pages see it: the wall, posting, a wish's detail and each
 * step of its life, the volunteer's ledger, and the staff's review queue and digests.
 * Every call rejects with a CallError whose message can be shown as is.
 */
export const wishesService = {
  post: (input: PostWishInput) => wishes('post', input),
  wall: (input: WallInput) => wishes('wall', input),
  get: (id: string) => wishes('get', { id }),
  mine: (input: InputOf<C, 'mine'> = {}) => wishes('mine', input),
  reviewQueue: (input: InputOf<C, 'reviewQueue'>) => wishes('reviewQueue', input),
  review: (input: InputOf<C, 'review'>) => wishes('review', input),
  withdraw: (id: string) => wishes('withdraw', { id }),
  hide: (id: string, reason: string) => wishes('hide', { id, reason }),
  claim: (id: string) => wishes('claim', { id }),
  release: (id: string, reason?: string) => wishes('release', { id, reason }),
  fulfil: (input: InputOf<C, 'fulfil'>) => wishes('fulfil', input),
  confirm: (id: string) => wishes('confirm', { id }),
  dispute: (id: string, reason: string) => wishes('dispute', { id, reason }),
  thank: (id: string, text: string) => wishes('thank', { id, text }),
  ledger: () => wishes('ledger', {}),
  stationResults: (stationId: string, limit = 5) => wishes('stationResults', { stationId, limit }),
  settings: (communityId: string) => wishes('settings', { communityId }),
  updateSettings: (input: InputOf<C, 'updateSettings'>) => wishes('updateSettings', input),
  digests: (communityId: string) => wishes('digests', { communityId }),
  exportDigest: (id: string) => wishes('exportDigest', { id }),
  sendDigest: (id: string, recipients: string[]) => wishes('sendDigest', { id, recipients }),
}
