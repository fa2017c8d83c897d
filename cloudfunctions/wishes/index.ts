import { WishesContract } from '../../types/wishes'
import { defineFunction } from '../core/define-function'
import { claimWish } from './claims'
import { exportDigest, listDigests, markSent } from './digest'
import { getWish, ledger, mine, reviewQueue, stationResults, wall, workload } from './queries'
import { getSettings, updateSettings } from './settings'
import {
  confirmWish,
  disputeWish,
  fulfilWish,
  hideWish,
  releaseWish,
  reviewWish,
  thankWish,
  withdrawWish,
} from './steps'
import { postWish } from './submission'

export { WISH_SWEEPS } from './sweeps'

/*
 * The `wishes` function (issue 5): the 微心愿墙 from posting to thanks, and its digests.
 * `access` here is only the coarse gate (does the caller hold the capability anywhere);
 * whether they may act on *this* wish or community is decided below, by the state machine
 * and `requireStaff` (`wishes.review` at the wish's community or above).
 */

export const wishes = defineFunction('wishes', WishesContract, {
  post: { access: 'signed-in', limit: 'submission', handler: (input, ctx) => postWish(ctx, input) },
  wall: { access: 'signed-in', handler: (input, ctx) => wall(ctx, input) },
  get: { access: 'signed-in', handler: (input, ctx) => getWish(ctx, input) },
  mine: { access: 'signed-in', handler: (input, ctx) => mine(ctx, input) },
  withdraw: { access: 'signed-in', handler: (input, ctx) => withdrawWish(ctx, input) },
  confirm: { access: 'signed-in', handler: (input, ctx) => confirmWish(ctx, input) },
  dispute: { access: 'signed-in', handler: (input, ctx) => disputeWish(ctx, input) },
  thank: { access: 'signed-in', handler: (input, ctx) => thankWish(ctx, input) },
  stationResults: { access: 'public', handler: (input, ctx) => stationResults(ctx, input) },

  claim: { access: 'wishes.claim', handler: (input, ctx) => claimWish(ctx, input) },
  release: { access: 'wishes.claim', handler: (input, ctx) => releaseWish(ctx, input) },
  fulfil: { access: 'wishes.claim', handler: (input, ctx) => fulfilWish(ctx, input) },
  ledger: { access: 'wishes.claim', handler: (_input, ctx) => ledger(ctx) },

  reviewQueue: { access: 'wishes.review', handler: (input, ctx) => reviewQueue(ctx, input) },
  workload: { access: 'wishes.review', handler: (_input, ctx) => workload(ctx) },
  review: { access: 'wishes.review', handler: (input, ctx) => reviewWish(ctx, input) },
  hide: { access: 'wishes.review', handler: (input, ctx) => hideWish(ctx, input) },
  settings: { access: 'wishes.review', handler: (input, ctx) => getSettings(ctx, input) },
  updateSettings: { access: 'wishes.review', handler: (input, ctx) => updateSettings(ctx, input) },
  digests: { access: 'wishes.review', handler: (input, ctx) => listDigests(ctx, input) },
  exportDigest: { access: 'wishes.review', handler: (input, ctx) => exportDigest(ctx, input) },
  sendDigest: { access: 'wishes.review', handler: (input, ctx) => markSent(ctx, input) },
})

export const main = wishes.main
