import type { CaseDoc } from './collections'
import { CASE_SWEEPS } from './sweeps'
import { casesHarness, closeChecked, type CasesHarness } from './test-helpers'

/* The case sweeps with a set clock, on the demo data. */

let h: CasesHarness
beforeEach(async () => {
  h = await casesHarness()
})
afterEach(() => closeChecked(h))

const run = async (name: string) => CASE_SWEEPS.find((s) => s.name === name)!.run(h.env.rt)
const titlesFor = (openid: string) => h.caseNoticeTitles(openid)

describe('case sweeps', () => {
  it('should remind the grid once when a case is not signed in time', async () => {
    await h.submitAs('demo-resident-1')
    h.env.clock.advance(23 * 3_600_000)
    expect(await run('cases-ack-overdue')).toBe(0)
    h.env.clock.advance(2 * 3_600_000)
    expect(await run('cases-ack-overdue')).toBe(1)
    expect(await run('cases-ack-overdue')).toBe(0)
    expect(await titlesFor('demo-grid-1')).toEqual(['新诉求待签收', '诉求超时未签收'])
    const doc = (await h.env.docs<CaseDoc>('cases'))[0]!
    expect(doc.timeline.at(-1)).toMatchObject({ kind: 'supervised', staffOnly: true })
  })

  it('should supervise an overdue case once, telling the grid and the community above', async () => {
    const c = await h.submitAs('demo-resident-1')
    await h.act('demo-grid-1', 'sign', { caseId: c.id })
    h.env.clock.set('2026-11-29T16:00:01Z')
    const [a, b] = await Promise.all([run('cases-overdue'), run('cases-overdue')])
    expect(a + b).toBe(1)
    expect(await titlesFor('demo-grid-1')).toContain('诉求已超期，系统督办')
    expect(await titlesFor('demo-secretary-1')).toEqual(['下级诉求已超期'])
    const mine = await h.act('demo-resident-1', 'get', { caseId: c.id })
    expect(mine.ok && mine.data.timeline.at(-1)?.text).toBe('已超过办理时限（11月30日 00:00），系统自动督办')
  })

  it('should not supervise a case resolved in time', async () => {
    const c = await h.submitAs('demo-resident-1')
    await h.act('demo-grid-1', 'sign', { caseId: c.id })
    await h.act('demo-grid-1', 'resolve', { caseId: c.id, disposition: 'solved', ledger: 'general', reply: '已清运' })
    h.env.clock.set('2026-12-01T00:00:00Z')
    expect(await run('cases-overdue')).toBe(0)
  })

  it('should raise a revisit task two weeks after resolution without a rating, once', async () => {
    const c = await h.submitAs('demo-resident-1')
    await h.act('demo-grid-1', 'sign', { caseId: c.id })
    await h.act('demo-grid-1', 'resolve', {
      caseId: c.id,
      disposition: 'explained',
      ledger: 'general',
      reply: '已解释',
    })
    h.env.clock.advance(14 * 86_400_000 - 1000)
    expect(await run('cases-revisit')).toBe(0)
    h.env.clock.advance(1000)
    expect(await run('cases-revisit')).toBe(1)
    expect(await run('cases-revisit')).toBe(0)
    expect(await titlesFor('demo-grid-1')).toContain('请回访诉求人')
  })
})
