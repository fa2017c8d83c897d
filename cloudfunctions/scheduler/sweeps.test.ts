import { COLLECTIONS } from '../core/collections'
import { notify } from '../core/outbox'
import { createTestEnv, type TestEnv } from '../core/testing'
import { runSweeps, type Sweep } from './sweeps'

describe('runSweeps', () => {
  let env: TestEnv
  beforeEach(async () => {
    env = await createTestEnv({ seed: 'base' })
  })
  afterEach(() => env.close())

  it('should run feature sweeps, then deliver what they queued', async () => {
    const reminder: Sweep = {
      name: 'reminders',
      run: (rt) =>
        notify(
          rt.db,
          {
            dedupeKey: 'event:1:reminder:demo-resident-1',
            openid: 'demo-resident-1',
            title: '活动提醒',
            body: '明天上午九点板凳会',
          },
          rt.clock.now(),
        ),
    }
    const results = await runSweeps(env.rt, [reminder])
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['reminders', true],
      ['outbox', true],
    ])
    expect(await env.docs(COLLECTIONS.inbox, { openid: 'demo-resident-1' })).toHaveLength(1)
  })

  it('should keep going when one sweep fails, and log it', async () => {
    const broken: Sweep = {
      name: 'broken',
      run: async () => {
        throw new Error('bug in claim expiry')
      },
    }
    await notify(env.rt.db, { dedupeKey: 'k', openid: 'demo-resident-2', title: 't', body: 'b' }, env.clock.now())
    const results = await runSweeps(env.rt, [broken])
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['broken', false],
      ['outbox', true],
    ])
    expect(await env.docs(COLLECTIONS.inbox)).toHaveLength(1)
    expect(JSON.stringify(env.rt.log.lines)).toContain('bug in claim expiry')
  })

  it('should let an admin run the sweeps through the function and refuse a resident', async () => {
    expect((await env.call('demo-admin', 'scheduler', { action: 'runSweeps' })).ok).toBe(true)
    const res = await env.call('demo-resident-1', 'scheduler', { action: 'runSweeps' })
    expect(res.ok || res.error.code).toBe('FORBIDDEN')
    expect((await env.call('demo-admin', 'scheduler', { action: 'runSweeps', extra: { $where: 1 } })).ok).toBe(true)
    expect((await env.call('demo-admin', 'scheduler', { action: 'run' })).ok).toBe(false)
  })
})
