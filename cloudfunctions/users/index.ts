import { UsersContract } from '../../types/users'
import { defineFunction } from '../core/define-function'
import { inbox, markRead, recordSubscription, reminderSettings } from './messages'
import * as roles from './roles'
import * as service from './service'
import { applyVolunteer, listVolunteerApplications, reviewVolunteer, workload } from './volunteers'

/** The `users` function: identity, profile, community, org tree, volunteers, roles, inbox. */
export const users = defineFunction('users', UsersContract, {
  me: {
    access: 'signed-in',
    handler: async (_input, ctx) => service.buildMe(ctx.rt.db, ctx.requireUser(), ctx.assignments),
  },
  updateProfile: {
    access: 'signed-in',
    handler: async (input, ctx) => service.buildMe(ctx.rt.db, await service.updateProfile(ctx, input), ctx.assignments),
  },
  bindCommunity: { access: 'signed-in', handler: (input, ctx) => service.bindCommunity(ctx, input) },
  orgTree: { access: 'public', handler: async (input, ctx) => ({ units: await service.orgTree(ctx.rt.db, input) }) },
  applyVolunteer: { access: 'signed-in', limit: 'submission', handler: (input, ctx) => applyVolunteer(ctx, input) },
  listVolunteerApplications: {
    access: 'volunteers.review',
    handler: async (input, ctx) => ({ items: await listVolunteerApplications(ctx, input) }),
  },
  reviewVolunteer: { access: 'volunteers.review', handler: (input, ctx) => reviewVolunteer(ctx, input) },
  workload: { access: 'volunteers.review', handler: (_input, ctx) => workload(ctx) },
  findPeople: { access: 'roles.manage', handler: (input, ctx) => roles.findPeople(ctx, input.query) },
  roleHolders: { access: 'roles.manage', handler: (input, ctx) => roles.roleHolders(ctx, input.unitId) },
  assignRole: { access: 'roles.manage', handler: (input, ctx) => roles.assignRole(ctx, input) },
  revokeRole: { access: 'roles.manage', handler: (input, ctx) => roles.revokeRole(ctx, input) },
  recordSubscription: {
    access: 'signed-in',
    handler: async (input, ctx) => ({ grants: await recordSubscription(ctx, input.results) }),
  },
  reminders: { access: 'signed-in', handler: async (_input, ctx) => ({ items: await reminderSettings(ctx) }) },
  inbox: { access: 'signed-in', handler: (input, ctx) => inbox(ctx, input) },
  markRead: { access: 'signed-in', handler: (input, ctx) => markRead(ctx, input) },
})

export const main = users.main
