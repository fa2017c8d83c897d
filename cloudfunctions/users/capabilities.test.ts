import { CAPABILITIES, POLICY, type Capability, type CapabilityGrant } from '../../types/policy'
import { OPEN_CASE_STATUSES } from '../../types/cases'
import type { Envelope } from '../../types/envelope'
import { DEMO_ACCOUNTS, UNIT_IDS } from '../../demo'
import { seedDemoCases } from '../../demo/cases'
import { createTestEnv, type TestEnv } from '../core/testing'

/*
 * The one role policy, end to end: for every demo account and every capability, what
 * `users.me` claims is exactly what the server then allows — no more (the app would show a
 * button that fails) and no less (the app would hide work the person may do).
 */

type Call = (fnName: string, event: unknown) => Promise<Envelope<any>>

/** Units to try each capability at: every kind of unit, inside and outside 碑林区. */
const UNITS = [
  UNIT_IDS.beilin,
  UNIT_IDS.baishulin,
  UNIT_IDS.dongxianmen,
  UNIT_IDS.dongxianmenGrid1,
  UNIT_IDS.dongxianmenGrid2,
  UNIT_IDS.beilinHousing,
  'c-xiamaling',
  's-nanyuanmen',
  'c-wuweishizi',
  'd-gaoling',
  's-luyuan',
  'c-dongfeng',
]

const refused = (res: Envelope<unknown>) => !res.ok && res.error.code === 'FORBIDDEN'

/** An action that needs the capability at a unit; it changes nothing that a later probe reads. */
const AT_UNIT: Partial<Record<Capability, (call: Call, unitId: string) => Promise<Envelope<unknown>>>> = {
  'volunteers.review': (call, unitId) => call('users', { action: 'listVolunteerApplications', communityId: unitId }),
  'roles.manage': (call, unitId) => call('users', { action: 'roleHolders', unitId }),
  'wishes.review': (call, unitId) => call('wishes', { action: 'reviewQueue', communityId: unitId }),
  'cases.handle': (call, unitId) => call('cases', { action: 'inbox', unitId }),
  'notices.publish': (call, unitId) => call('notices', { action: 'countRecipients', unitId, unitIds: [unitId] }),
  'places.manage': (call, unitId) => call('places', { action: 'posts', communityId: unitId }),
  'residents.view': (call, unitId) => call('places', { action: 'residents', unitId }),
  'partyMembers.verify': (call, unitId) => call('places', { action: 'partyReports', communityId: unitId }),
  'events.manage': (call, unitId) => call('events', { action: 'manage', unitId }),
}

/** An action that needs the capability held anywhere (it names no unit). */
const ANYWHERE: Partial<Record<Capability, (call: Call) => Promise<Envelope<unknown>>>> = {
  'stations.configure': (call) =>
    call('stations', { action: 'saveAmenity', key: 'tea', label: '便民茶水', icon: '🍵' }),
  'cases.configure': (call) => call('cases', { action: 'routingRules' }),
  'cases.previewRoute': (call) => call('cases', { action: 'previewRoute', categoryCode: 'nope' }),
  // Without the petitioner's name the submission is refused after the capability check.
  'cases.proxyGrid': (call) =>
    call('cases', {
      action: 'submit',
      channel: 'grid_proxy',
      clientRequestId: 'probe-grid',
      categoryCode: 'nope',
      description: '代为登记的测试诉求',
    }),
  'cases.proxyDesk': (call) =>
    call('cases', {
      action: 'submit',
      channel: 'hotline',
      clientRequestId: 'probe-desk',
      categoryCode: 'nope',
      description: '热线登记的测试诉求',
    }),
  'sweeps.run': (call) => call('scheduler', { action: 'runSweeps' }),
  // No such notice: a holder is told NOT_FOUND, anyone else FORBIDDEN at the gate.
  'notices.approve': (call) => call('notices', { action: 'approve', noticeId: 'probe-none' }),
}

/** Whether `users.me` claims the capability for a unit with this scope (ids above it, then its own). */
function claims(grants: CapabilityGrant[], capability: Capability, scope: readonly string[]): boolean {
  const unitIds = grants.find((g) => g.capability === capability)?.unitIds ?? []
  const personal = 'personal' in POLICY[capability]
  return personal ? unitIds.includes(scope[scope.length - 1]!) : unitIds.some((id) => scope.includes(id))
}

describe('the role policy as users.me tells it', () => {
  let env: TestEnv
  beforeAll(async () => {
    env = await createTestEnv()
    await seedDemoCases(env.rt)
  })
  afterAll(async () => {
    await env.close()
  })

  async function scopeOf(unitId: string): Promise<string[]> {
    const [unit] = await env.docs<{ ancestors: string[] }>('units', { _id: unitId })
    return [...unit!.ancestors, unitId]
  }

  it('should have a probe for every capability', () => {
    const probed = new Set([
      ...Object.keys(AT_UNIT),
      ...Object.keys(ANYWHERE),
      'stations.edit',
      'wishes.claim',
      'cases.supervise',
      'events.sensitive',
    ])
    expect(CAPABILITIES.filter((c) => !probed.has(c))).toEqual([])
  })

  describe.each(DEMO_ACCOUNTS.map((a) => a.openid))('%s', (openid) => {
    let call: Call
    let grants: CapabilityGrant[]
    beforeAll(async () => {
      call = env.loginAs(openid)
      const me = await call('users', { action: 'me' })
      if (!me.ok) throw new Error(me.error.message)
      grants = me.data.capabilities
    })

    it.each(Object.keys(AT_UNIT) as Capability[])(
      'should be allowed %s exactly at the units me claims',
      async (capability) => {
        const mismatches: string[] = []
        for (const unitId of UNITS) {
          const allowed = !refused(await AT_UNIT[capability]!(call, unitId))
          if (allowed !== claims(grants, capability, await scopeOf(unitId)))
            mismatches.push(`${unitId}: server ${allowed ? 'allows' : 'refuses'}`)
        }
        expect(mismatches).toEqual([])
      },
    )

    it.each(Object.keys(ANYWHERE) as Capability[])(
      'should be allowed %s exactly when me claims it',
      async (capability) => {
        const allowed = !refused(await ANYWHERE[capability]!(call))
        expect(allowed).toBe(grants.some((g) => g.capability === capability))
      },
    )

    it('should see 修改 on exactly the stations me claims stations.edit for', async () => {
      const stations = await env.docs<{ _id: string; unitId: string; ancestors: string[] }>('stations')
      expect(stations.length).toBeGreaterThan(0)
      for (const s of stations) {
        const res = await call('stations', { action: 'get', id: s._id })
        if (!res.ok) throw new Error(res.error.message)
        expect([s._id, res.data.canEdit]).toEqual([s._id, claims(grants, 'stations.edit', [...s.ancestors, s.unitId])])
      }
    })

    it('should be offered 认领 on exactly the open wishes of the communities me claims wishes.claim for', async () => {
      const open = await env.docs<{ _id: string; communityId: string }>('wishes', { status: 'open' })
      expect(open.length).toBeGreaterThan(0)
      for (const w of open) {
        const res = await call('wishes', { action: 'get', wishId: w._id })
        if (!res.ok) throw new Error(res.error.message)
        expect([w._id, res.data.can.includes('claim')]).toEqual([
          w._id,
          claims(grants, 'wishes.claim', [w.communityId]),
        ])
      }
    })

    it('should read sensitive sign-up answers unmasked on exactly the events me claims events.sensitive for', async () => {
      const events = (
        await env.docs<{ _id: string; unitScope: string[]; questions: { sensitive: boolean }[] }>('events')
      ).filter((e) => e.questions.some((q) => q.sensitive))
      expect(events.length).toBeGreaterThan(0)
      for (const e of events) {
        const res = await call('events', { action: 'roster', eventId: e._id })
        if (!res.ok) continue // no roster without events.manage, probed above
        const answers = res.data.items.flatMap((r: { answers: { value: string }[] }) => r.answers.map((a) => a.value))
        expect(answers.length).toBeGreaterThan(0)
        const unmasked = !answers.includes('***')
        expect([e._id, unmasked]).toEqual([e._id, claims(grants, 'events.sensitive', e.unitScope)])
      }
    })

    it('should be offered 督办 on exactly the open cases below the units me claims cases.supervise for', async () => {
      const cases = (await env.docs<{ _id: string; status: string; unitScope: string[] }>('cases')).filter((c) =>
        OPEN_CASE_STATUSES.includes(c.status as never),
      )
      expect(cases.length).toBeGreaterThan(0)
      for (const c of cases) {
        const res = await call('cases', { action: 'get', caseId: c._id })
        const offered = res.ok && res.data.can.includes('supervise')
        expect([c._id, offered]).toEqual([c._id, claims(grants, 'cases.supervise', c.unitScope.slice(0, -1))])
      }
    })
  })
})
