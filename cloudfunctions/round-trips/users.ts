import type { UsersContract } from '../../types/users'
import type { SchedulerContract } from '../scheduler'
import { ADMIN, COMMUNITY, RESIDENT, SECRETARY, type KindsOf, type Script } from './script'

const USERS_KINDS: KindsOf<typeof UsersContract> = {
  me: 'read',
  bindCommunity: 'write',
  updateProfile: 'write',
  orgTree: 'read',
  applyVolunteer: 'write',
  listVolunteerApplications: 'read',
  reviewVolunteer: 'write',
  workload: 'read',
  // Writes the first time a person is handed out: their opaque ref is stored (core/person-ref.ts).
  findPeople: 'write',
  roleHolders: 'write',
  assignRole: 'write',
  revokeRole: 'write',
  recordSubscription: 'write',
  reminders: 'read',
  inbox: 'read',
  markRead: 'write',
}

/** Accounts, roles, volunteers and messages: the resident's first screens, then staff. */
export const usersScript: Script = {
  fn: 'users',
  kinds: USERS_KINDS,
  async play(call) {
    // The caller's user document already exists (the demo), as on any later visit.
    await call(RESIDENT, 'users', { action: 'me' })
    await call(RESIDENT, 'users', { action: 'inbox' })
    await call(null, 'users', { action: 'orgTree', kinds: ['community'] })
    await call(RESIDENT, 'users', { action: 'recordSubscription', results: { 'demo-caseAccepted': 'accept' } })
    await call(RESIDENT, 'users', { action: 'reminders' })
    await call(RESIDENT, 'users', { action: 'markRead', all: true })
    await call('rt-new-resident', 'users', { action: 'bindCommunity', communityId: COMMUNITY })
    await call('rt-new-resident', 'users', { action: 'updateProfile', name: '李建华', phone: '13700001111' })
    await call('rt-new-resident', 'users', { action: 'applyVolunteer', skills: ['理发'], note: '周末有空' })
    await call(SECRETARY, 'users', { action: 'workload' })
    const pending = await call<{ items: { id: string; applicantPhone: string }[] }>(SECRETARY, 'users', {
      action: 'listVolunteerApplications',
      communityId: COMMUNITY,
      status: 'pending',
    })
    const applicationId = pending.items.find((a) => a.applicantPhone === '13700001111')?.id
    await call(SECRETARY, 'users', { action: 'reviewVolunteer', applicationId, decision: 'approve' })
    const found = await call<{ items: { ref: string }[] }>(ADMIN, 'users', { action: 'findPeople', query: '李建国' })
    const grant = { ref: found.items[0]?.ref, role: 'grid_worker', unitId: 'g-dongxianmen-2' }
    await call(ADMIN, 'users', { action: 'assignRole', ...grant })
    await call(ADMIN, 'users', { action: 'roleHolders', unitId: 'g-dongxianmen-2' })
    await call(ADMIN, 'users', { action: 'revokeRole', ...grant })
  },
}

const SCHEDULER_KINDS: KindsOf<typeof SchedulerContract> = { runSweeps: 'write' }

/** The sweeps, run by hand as an administrator may (the timer trigger runs them every minute). */
export const schedulerScript: Script = {
  fn: 'scheduler',
  kinds: SCHEDULER_KINDS,
  async play(call) {
    await call(ADMIN, 'scheduler', { action: 'runSweeps' })
  },
}
