import { UsersContract } from '../../types/users'
import { defineFunction } from '../core/define-function'
import * as service from './service'

/** The `users` function: identity, profile, community, org tree, volunteers, roles, inbox. */
export const users = defineFunction('users', UsersContract, {
  me: {
    roles: 'signed-in',
    handler: async (_input, ctx) => service.buildMe(ctx.rt.db, ctx.requireUser(), ctx.assignments),
  },
  updateProfile: {
    roles: 'signed-in',
    handler: async (input, ctx) => service.buildMe(ctx.rt.db, await service.updateProfile(ctx, input), ctx.assignments),
  },
  bindCommunity: { roles: 'signed-in', handler: (input, ctx) => service.bindCommunity(ctx, input) },
  orgTree: { roles: 'public', handler: async (input, ctx) => ({ units: await service.orgTree(ctx.rt.db, input) }) },
  applyVolunteer: { roles: 'signed-in', handler: (input, ctx) => service.applyVolunteer(ctx, input) },
  listVolunteerApplications: {
    roles: service.COMMUNITY_REVIEWERS,
    handler: async (input, ctx) => ({ items: await service.listVolunteerApplications(ctx, input) }),
  },
  reviewVolunteer: { roles: service.COMMUNITY_REVIEWERS, handler: (input, ctx) => service.reviewVolunteer(ctx, input) },
  assignRole: { roles: ['admin'], handler: (input, ctx) => service.assignRole(ctx, input) },
  revokeRole: { roles: ['admin'], handler: (input, ctx) => service.revokeRole(ctx, input) },
  recordSubscription: {
    roles: 'signed-in',
    handler: async (input, ctx) => ({ grants: await service.recordSubscription(ctx, input.results) }),
  },
  inbox: { roles: 'signed-in', handler: (input, ctx) => service.inbox(ctx, input) },
  markRead: { roles: 'signed-in', handler: (input, ctx) => service.markRead(ctx, input) },
})

export const main = users.main
