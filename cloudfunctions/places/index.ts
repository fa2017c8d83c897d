import { PlacesContract } from '../../types/places'
import { defineFunction } from '../core/define-function'
import * as address from './address'
import { importCommit, importPreview } from './import'
import * as party from './party'
import * as posts from './posts'
import { estateViews, loadPlaces, PLACE_MANAGERS, requireCommunity } from './units'

/** The `places` function: 小区/楼栋, my address, 为我服务, import, 双报到, posts on places. */
export const places = defineFunction('places', PlacesContract, {
  places: {
    roles: 'signed-in',
    handler: async (input, ctx) => {
      await requireCommunity(ctx.rt.db, input.communityId)
      return { estates: estateViews(await loadPlaces(ctx.rt.db, input.communityId)) }
    },
  },
  setAddress: { roles: 'signed-in', handler: async (input, ctx) => ({ address: await address.setAddress(ctx, input) }) },
  myServers: { roles: 'signed-in', handler: (_input, ctx) => address.myServers(ctx) },
  residents: { roles: PLACE_MANAGERS, handler: async (input, ctx) => ({ items: await address.residents(ctx, input) }) },
  confirmResidents: { roles: PLACE_MANAGERS, handler: (input, ctx) => address.confirmResidents(ctx, input) },
  importPreview: { roles: PLACE_MANAGERS, handler: (input, ctx) => importPreview(ctx, input) },
  importCommit: { roles: PLACE_MANAGERS, handler: (input, ctx) => importCommit(ctx, input) },
  reportParty: { roles: 'signed-in', handler: async (input, ctx) => ({ report: await party.reportParty(ctx, input) }) },
  myPartyReport: { roles: 'signed-in', handler: async (_input, ctx) => ({ report: await party.myPartyReport(ctx) }) },
  partyReports: { roles: party.PARTY_VERIFIERS, handler: async (input, ctx) => ({ items: await party.partyReports(ctx, input) }) },
  verifyParty: { roles: party.PARTY_VERIFIERS, handler: async (input, ctx) => ({ report: await party.verifyParty(ctx, input) }) },
  posts: { roles: PLACE_MANAGERS, handler: async (input, ctx) => ({ items: await posts.posts(ctx, input.communityId) }) },
  assignPost: { roles: PLACE_MANAGERS, handler: async (input, ctx) => ({ post: await posts.assignPost(ctx, input) }) },
  removePost: { roles: PLACE_MANAGERS, handler: (input, ctx) => posts.removePost(ctx, input.postId) },
  setPhoneHidden: { roles: 'signed-in', handler: (input, ctx) => address.setPhoneHidden(ctx, input.hidden) },
})

export const main = places.main
