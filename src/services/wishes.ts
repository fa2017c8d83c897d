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
export type Ledger = OutputOf<C, 'ledger'>

/**
 * The `wishes` function as the pages see it: the wall, posting, a wish's detail and each
 * step of its life, the volunteer's ledger, and the staff's review queue and digests.
 * Every call rejects with a CallError whose message can be shown as is.
 */
export const wishesService = {
  post: (input: PostWishInput) => wishes('post', input),
  wall: (input: WallInput) => wishes('wall', input),
  get: (wishId: string) => wishes('get', { wishId }),
  mine: (input: InputOf<C, 'mine'> = {}) => wishes('mine', input),
  reviewQueue: (input: InputOf<C, 'reviewQueue'>) => wishes('reviewQueue', input),
  workload: () => wishes('workload', {}),
  review: (input: InputOf<C, 'review'>) => wishes('review', input),
  withdraw: (wishId: string) => wishes('withdraw', { wishId }),
  hide: (wishId: string, reason: string) => wishes('hide', { wishId, reason }),
  claim: (wishId: string) => wishes('claim', { wishId }),
  release: (wishId: string, reason?: string) => wishes('release', { wishId, reason }),
  fulfil: (input: InputOf<C, 'fulfil'>) => wishes('fulfil', input),
  confirm: (wishId: string) => wishes('confirm', { wishId }),
  dispute: (wishId: string, reason: string) => wishes('dispute', { wishId, reason }),
  thank: (wishId: string, text: string) => wishes('thank', { wishId, text }),
  ledger: () => wishes('ledger', {}),
  stationResults: (stationId: string, limit = 5) => wishes('stationResults', { stationId, limit }),
  settings: (communityId: string) => wishes('settings', { communityId }),
  updateSettings: (input: InputOf<C, 'updateSettings'>) => wishes('updateSettings', input),
  digests: (communityId: string) => wishes('digests', { communityId }),
  exportDigest: (digestId: string) => wishes('exportDigest', { digestId }),
  sendDigest: (digestId: string, recipients: string[]) => wishes('sendDigest', { digestId, recipients }),
}
