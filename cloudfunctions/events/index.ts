import { EventsContract } from '../../types/events'
import { defineFunction } from '../core/define-function'
import { exportRoster } from './export'
import { getEvent, listEvents, manageEvents, myEvents, roster } from './service-read'
import { acceptOffer, cancelMine, decide, proxySignUp, signUp } from './service-signup'
import { cancelEvent, copyEvent, createEvent, createSeries, publishEvent, updateEvent } from './service-staff'

/*
 * The `events` function (issue 11): 活动报名. `access` is the coarse gate; whether the caller
 * may organise at *this* unit or manage *this* event is checked below with the org tree.
 */

export const events = defineFunction('events', EventsContract, {
  list: { access: 'signed-in', handler: (input, ctx) => listEvents(ctx, input) },
  get: { access: 'signed-in', handler: (input, ctx) => getEvent(ctx, input.eventId) },
  signUp: { access: 'signed-in', limit: 'submission', handler: (input, ctx) => signUp(ctx, input) },
  acceptOffer: { access: 'signed-in', handler: (input, ctx) => acceptOffer(ctx, input.eventId) },
  cancel: { access: 'signed-in', handler: (input, ctx) => cancelMine(ctx, input.eventId) },
  mine: { access: 'signed-in', handler: (input, ctx) => myEvents(ctx, input.past) },

  create: { access: 'events.manage', handler: (input, ctx) => createEvent(ctx, input) },
  update: { access: 'events.manage', handler: (input, ctx) => updateEvent(ctx, input.eventId, input.draft) },
  copy: { access: 'events.manage', handler: (input, ctx) => copyEvent(ctx, input.eventId) },
  publish: { access: 'events.manage', handler: (input, ctx) => publishEvent(ctx, input.eventId, input.at) },
  cancelEvent: { access: 'events.manage', handler: (input, ctx) => cancelEvent(ctx, input.eventId, input.reason) },
  createSeries: { access: 'events.manage', handler: (input, ctx) => createSeries(ctx, input) },
  manage: { access: 'events.manage', handler: (input, ctx) => manageEvents(ctx, input) },
  roster: { access: 'events.manage', handler: (input, ctx) => roster(ctx, input.eventId, input.status) },
  proxySignUp: { access: 'events.manage', handler: (input, ctx) => proxySignUp(ctx, input) },
  decide: { access: 'events.manage', handler: (input, ctx) => decide(ctx, input.eventId, input.registrationId, input.approve) },
  exportRoster: { access: 'events.manage', handler: (input, ctx) => exportRoster(ctx, input.eventId) },
})

export const main = events.main
