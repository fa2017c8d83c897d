import type { InputOf, OutputOf } from '../../types/contract'
import type { UsersContract } from '../../types/users'
import { client } from './transport/client'

type C = typeof UsersContract
const users = client<C>('users')

export type Profile = OutputOf<C, 'me'>
export type RoleAtUnit = Profile['roles'][number]
export type VolunteerApplication = OutputOf<C, 'listVolunteerApplications'>['items'][number]
export type BindCommunityInput = InputOf<C, 'bindCommunity'>
export type ReminderSetting = OutputOf<C, 'reminders'>['items'][number]

/**
 * The `users` function as the pages see it: who I am, my community, volunteering, roles and
 * the inbox. Every call rejects with a CallError whose message can be shown as is.
 */
export const usersService = {
  me: () => users('me', {}),
  updateProfile: (input: InputOf<C, 'updateProfile'>) => users('updateProfile', input),
  bindCommunity: (input: BindCommunityInput) => users('bindCommunity', input),
  orgTree: (input: InputOf<C, 'orgTree'> = {}) => users('orgTree', input),
  applyVolunteer: (input: InputOf<C, 'applyVolunteer'>) => users('applyVolunteer', input),
  listVolunteerApplications: (input: InputOf<C, 'listVolunteerApplications'>) =>
    users('listVolunteerApplications', input),
  reviewVolunteer: (input: InputOf<C, 'reviewVolunteer'>) => users('reviewVolunteer', input),
  workload: () => users('workload', {}),
  findPeople: (query: string) => users('findPeople', { query }),
  roleHolders: (unitId: string) => users('roleHolders', { unitId }),
  assignRole: (input: InputOf<C, 'assignRole'>) => users('assignRole', input),
  revokeRole: (input: InputOf<C, 'revokeRole'>) => users('revokeRole', input),
  recordSubscription: (input: InputOf<C, 'recordSubscription'>) => users('recordSubscription', input),
  reminders: (input: InputOf<C, 'reminders'> = {}) => users('reminders', input),
  inbox: (input: InputOf<C, 'inbox'> = {}) => users('inbox', input),
  markRead: (input: InputOf<C, 'markRead'>) => users('markRead', input),
}
