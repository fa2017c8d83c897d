import { PlacesContract } from '../../types/places'
import { defineFunction } from '../core/define-function'
import * as address from './address'
import { importCommit, importPreview } from './import'
import * as party from './party'
import * as posts from './posts'
import * as serving from './serving'
import { estateViews, loadPlaces, requireCommunity } from './units'

/** The `places` function: 小区/楼栋, my address, 为我服务, import, 双报到, posts on places. */
export const places = defineFunction('places', PlacesContract, {
  places: {
    access: 'signed-in',
    handler: async (input, ctx) => {
      await requireCommunity(ctx.rt.db, input.communityId)
      return { estates: estateViews(await loadPlaces(ctx.rt.db, input.communityId)) }
    },
  },
  setAddress: {
    access: 'signed-in',
    handler: async (input, ctx) => ({ address: await address.setAddress(ctx, input) }),
  },
  myServers: { access: 'signed-in', handler: (_input, ctx) => address.myServers(ctx) },
  residents: { access: 'residents.view', handler: (input, ctx) => address.residents(ctx, input) },
  confirmResidents: { access: 'places.manage', handler: (input, ctx) => address.confirmResidents(ctx, input) },
  importPreview: { access: 'places.manage', handler: (input, ctx) => importPreview(ctx, input) },
  importCommit: { access: 'places.manage', handler: (input, ctx) => importCommit(ctx, input) },
  reportParty: {
    access: 'signed-in',
    handler: async (input, ctx) => ({ report: await party.reportParty(ctx, input) }),
  },
  myPartyReport: { access: 'signed-in', handler: async (_input, ctx) => ({ report: await party.myPartyReport(ctx) }) },
  partyReports: {
    access: 'partyMembers.verify',
    handler: async (input, ctx) => ({ items: await party.partyReports(ctx, input) }),
  },
  verifyParty: {
    access: 'partyMembers.verify',
    handler: async (input, ctx) => ({ report: await party.verifyParty(ctx, input) }),
  },
  posts: {
    access: 'places.manage',
    handler: async (input, ctx) => ({ items: await posts.posts(ctx, input.communityId) }),
  },
  assignPost: {
    access: 'places.manage',
    handler: async (input, ctx) => ({ post: await posts.assignPost(ctx, input) }),
  },
  removePost: { access: 'places.manage', handler: (input, ctx) => posts.removePost(ctx, input.postId) },
  setPhoneHidden: { access: 'signed-in', handler: (input, ctx) => serving.setPhoneHidden(ctx, input.hidden) },
  setWorkPhone: { access: 'signed-in', handler: (input, ctx) => serving.setWorkPhone(ctx, input.workPhone) },
})

export const main = places.main
