import { COLLECTIONS, type OutboxDoc } from '../core/collections'
import { createTestEnv, type TestEnv } from '../core/testing'

/* Volunteer applications that wait for a reviewer: the reviewer is told, and counts them. */

describe('users volunteer applications waiting for review', () => {
  let env: TestEnv
  beforeEach(async () => {
    env = await createTestEnv({ seed: 'base' })
  })
  afterEach(() => env.close())

  const users = (openid: string | null, event: Record<string, unknown>) =>
    env.call<Record<string, unknown>>(openid, 'users', event)
  const apply = () => users('demo-resident-1', { action: 'applyVolunteer', skills: ['理发'], note: '周末有空' })

  it('should tell the community secretary by a 待办提醒 push, and nobody outside the community', async () => {
    await apply()
    const notices = await env.docs<OutboxDoc>(COLLECTIONS.outbox)
    const applied = notices.filter((d) => d.title === '新的志愿者申请待审核')
    expect(applied.map((d) => [d.openid, d.body, d.template?.kind])).toEqual([
      ['demo-secretary-1', '王秀兰申请成为东县门社区的志愿者，请审核', 'staffTodo'],
    ])
  })

  it('should tell the reviewer again when a rejected person applies anew', async () => {
    const first = await apply()
    const id = first.ok ? (first.data as { id: string }).id : ''
    await users('demo-secretary-1', {
      action: 'reviewVolunteer',
      applicationId: id,
      decision: 'reject',
      reason: '材料不全',
    })
    env.clock.advance(60_000)
    await apply()
    const applied = (await env.docs<OutboxDoc>(COLLECTIONS.outbox, { openid: 'demo-secretary-1' })).filter(
      (d) => d.title === '新的志愿者申请待审核',
    )
    expect(applied).toHaveLength(2)
  })

  describe('workload', () => {
    it('should count pending applications for the secretary, and none as an admin’s own work', async () => {
      await apply()
      await users('demo-resident-2', { action: 'applyVolunteer', note: '' })
      expect(await users('demo-secretary-1', { action: 'workload' })).toEqual({
        ok: true,
        data: { volunteerApplications: 2 },
      })
      expect(await users('demo-admin', { action: 'workload' })).toEqual({
        ok: true,
        data: { volunteerApplications: 0 },
      })
    })

    it('should refuse a resident and a grid worker with FORBIDDEN', async () => {
      expect(await users('demo-resident-1', { action: 'workload' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
      expect(await users('demo-grid-1', { action: 'workload' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    })
  })
})
