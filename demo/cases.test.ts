import { createTestEnv, type TestEnv } from '../cloudfunctions/core/testing'
import { cases } from '../cloudfunctions/cases'
import { CASE_SWEEPS } from '../cloudfunctions/cases/sweeps'
import { seedDemoCases } from './cases'

describe('seedDemoCases', () => {
  let env: TestEnv
  beforeEach(async () => {
    env = await createTestEnv({ now: '2026-11-22T02:00:00Z', functions: { cases } })
  })
  afterEach(() => env.close())

  it('should leave one case in each state, with the late one in the 住建局 overdue box', async () => {
    const numbers = await seedDemoCases(env.rt)
    const docs = await env.docs<{ number: string; status: string }>('cases')
    const byNumber = new Map(docs.map((d) => [d.number, d.status]))
    expect(Object.entries(numbers).map(([state, n]) => [state, byNumber.get(n)])).toEqual([
      ['pending_sign', 'pending_sign'],
      ['processing', 'processing'],
      ['resolved', 'resolved'],
      ['closed', 'closed'],
      ['overdue', 'processing'],
    ])
    const box = await env.call<{ counts: { overdue: number } }>('demo-dept-1', 'cases', {
      action: 'inbox',
      unitId: 'dept-beilin-zhujian',
      box: 'overdue',
    })
    expect(box.ok && box.data.counts.overdue).toBe(1)
    expect(await CASE_SWEEPS.find((s) => s.name === 'cases-overdue')!.run(env.rt)).toBe(1)
  })

  it('should be harmless to run twice, answering the same numbers', async () => {
    const first = await seedDemoCases(env.rt)
    expect(await seedDemoCases(env.rt)).toEqual(first)
    expect(await env.docs('cases')).toHaveLength(5)
  })
})
