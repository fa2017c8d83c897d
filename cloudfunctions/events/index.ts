import { EventsContract } from '../../types/events'
import { defineFunction } from '../core/define-function'
import { attendance } from './attendance'
import { checkIn, checkInPerson, myCode, selfCheckIn, venueCode, venueEvent, walkIn } from './checkin'
import { exportRoster } from './export'
import { eventFigures, exportFigures } from './figures'
import { eventRatings, myRating, ratable, rate } from './rating'
import { minutes, raiseCase, saveMinutes } from './minutes'
import { getEvent, listEvents, manageEvents, myEvents, roster } from './service-read'
import { acceptOffer, cancelMine, decide, proxySignUp, signUp } from './service-signup'
import { checkOut, myService, reverseHours } from './service-hours'
import { openQuiz, quizRanking, quizStatus, submitQuiz } from './quiz'
import { quizSetup, quizStandings, saveQuiz } from './quiz-staff'
import {
  cancelEvent,
  copyEvent,
  createEvent,
  createSeries,
  publishEvent,
  skipOccurrence,
  updateEvent,
} from './service-staff'

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
  skip: { access: 'events.manage', handler: (input, ctx) => skipOccurrence(ctx, input.eventId) },
  createSeries: { access: 'events.manage', handler: (input, ctx) => createSeries(ctx, input) },
  manage: { access: 'events.manage', handler: (input, ctx) => manageEvents(ctx, input) },
  roster: { access: 'events.manage', handler: (input, ctx) => roster(ctx, input.eventId, input.status) },
  proxySignUp: { access: 'events.manage', handler: (input, ctx) => proxySignUp(ctx, input) },
  decide: {
    access: 'events.manage',
    handler: (input, ctx) => decide(ctx, input.eventId, input.registrationId, input.approve),
  },
  exportRoster: { access: 'events.manage', handler: (input, ctx) => exportRoster(ctx, input.eventId) },

  // check-in, attendance and service hours (issue 12)
  myCode: { access: 'signed-in', handler: (input, ctx) => myCode(ctx, input.eventId) },
  selfCheckIn: { access: 'signed-in', handler: (input, ctx) => selfCheckIn(ctx, input) },
  venueEvent: { access: 'signed-in', handler: (input, ctx) => venueEvent(ctx, input.venueCode) },
  myService: { access: 'signed-in', handler: (_input, ctx) => myService(ctx) },
  checkIn: { access: 'events.manage', handler: (input, ctx) => checkIn(ctx, input) },
  checkInPerson: { access: 'events.manage', handler: (input, ctx) => checkInPerson(ctx, input) },
  walkIn: { access: 'events.manage', handler: (input, ctx) => walkIn(ctx, input) },
  checkOut: { access: 'events.manage', handler: (input, ctx) => checkOut(ctx, input) },
  venueCode: { access: 'events.manage', handler: (input, ctx) => venueCode(ctx, input.eventId) },
  attendance: { access: 'events.manage', handler: (input, ctx) => attendance(ctx, input) },
  reverseHours: { access: 'events.manage', handler: (input, ctx) => reverseHours(ctx, input) },
  minutes: { access: 'events.manage', handler: (input, ctx) => minutes(ctx, input.eventId) },
  saveMinutes: { access: 'events.manage', handler: (input, ctx) => saveMinutes(ctx, input) },
  raiseCase: { access: 'events.manage', limit: 'submission', handler: (input, ctx) => raiseCase(ctx, input) },

  // 党史知识竞赛 (issue 12)
  quiz: { access: 'signed-in', handler: (input, ctx) => quizStatus(ctx, input.eventId) },
  openQuiz: { access: 'signed-in', handler: (input, ctx) => openQuiz(ctx, input.eventId) },
  submitQuiz: { access: 'signed-in', handler: (input, ctx) => submitQuiz(ctx, input) },
  quizRanking: { access: 'signed-in', handler: (input, ctx) => quizRanking(ctx, input.eventId) },
  quizSetup: { access: 'events.manage', handler: (input, ctx) => quizSetup(ctx, input.eventId) },
  saveQuiz: { access: 'events.manage', handler: (input, ctx) => saveQuiz(ctx, input) },
  quizStandings: { access: 'events.manage', handler: (input, ctx) => quizStandings(ctx, input.eventId) },
  // 活动统计 per community per month (issue 12)
  figures: { access: 'events.manage', handler: (input, ctx) => eventFigures(ctx, input) },
  exportFigures: { access: 'events.manage', handler: (input, ctx) => exportFigures(ctx, input) },

  // the 1-tap rating after attending (issue 12)
  myRating: { access: 'signed-in', handler: (input, ctx) => myRating(ctx, input.eventId) },
  ratable: { access: 'signed-in', handler: (input, ctx) => ratable(ctx, input.eventIds) },
  rate: { access: 'signed-in', limit: 'submission', handler: (input, ctx) => rate(ctx, input) },
  ratings: { access: 'events.manage', handler: (input, ctx) => eventRatings(ctx, input.eventId) },
})

export const main = events.main
