import type { InputOf, OutputOf } from '../../types/contract'
import type { EventsContract } from '../../types/events'
import { client } from './transport/client'

type C = typeof EventsContract
const events = client<C>('events')

export type EventSummary = OutputOf<C, 'list'>['items'][number]
export type EventDetail = OutputOf<C, 'get'>
export type MyRegistration = NonNullable<EventDetail['myRegistration']>
export type EventDraftInput = InputOf<C, 'create'>
export type SeriesInput = InputOf<C, 'createSeries'>
export type Roster = OutputOf<C, 'roster'>
export type RosterEntry = Roster['items'][number]
export type ManageBox = NonNullable<InputOf<C, 'manage'>['box']>
export type SignUpInput = InputOf<C, 'signUp'>

/**
 * The `events` function as the pages see it: residents list, read, sign up, answer an
 * offer, cancel and see their own; organisers create, edit, copy, publish, cancel, make a
 * series, read the roster, sign up for someone (代报名), decide approvals and export.
 * Every call rejects with a CallError whose message can be shown as is.
 */
export const eventsService = {
  list: (input: InputOf<C, 'list'> = {}) => events('list', input),
  get: (eventId: string) => events('get', { eventId }),
  signUp: (input: SignUpInput) => events('signUp', input),
  acceptOffer: (eventId: string) => events('acceptOffer', { eventId }),
  cancel: (eventId: string) => events('cancel', { eventId }),
  mine: (past = false) => events('mine', { past }),
  create: (draft: EventDraftInput) => events('create', draft),
  update: (eventId: string, draft: EventDraftInput) => events('update', { eventId, draft }),
  copy: (eventId: string) => events('copy', { eventId }),
  publish: (eventId: string, at: string | null = null) => events('publish', { eventId, at }),
  cancelEvent: (eventId: string, reason: string) => events('cancelEvent', { eventId, reason }),
  skip: (eventId: string) => events('skip', { eventId }),
  createSeries: (input: SeriesInput) => events('createSeries', input),
  manage: (input: InputOf<C, 'manage'>) => events('manage', input),
  roster: (eventId: string, status?: RosterEntry['status']) => events('roster', { eventId, status }),
  proxySignUp: (input: InputOf<C, 'proxySignUp'>) => events('proxySignUp', input),
  decide: (eventId: string, registrationId: string, approve: boolean) =>
    events('decide', { eventId, registrationId, approve }),
  exportRoster: (eventId: string) => events('exportRoster', { eventId }),
}
