import type { CaseDetail } from '../../types/cases'
import { CASE_COLLECTIONS, type CaseCounterDoc } from './collections'
import { casesHarness, closeChecked, type CasesHarness } from './test-helpers'

/*
 * Case numbers are taken from the day's counter in one atomic request before the case's
 * transaction (numbering.ts): many submissions at once must still get one number each.
 */

let h: CasesHarness
beforeEach(async () => {
  h = await casesHarness()
})
afterEach(() => closeChecked(h))

const RESIDENTS = ['demo-resident-1', 'demo-resident-2']
const day = (n: number) => `BL-20261122-${String(n).padStart(4, '0')}`

describe('case numbering', () => {
  it('should give sixty submissions at once sixty distinct numbers, 1 to 60, the first of the day among them', async () => {
    const cases = await Promise.all(Array.from({ length: 60 }, (_, i) => h.submitAs(RESIDENTS[i % 2]!)))
    expect(cases.map((c) => c.number).sort()).toEqual(Array.from({ length: 60 }, (_, i) => day(i + 1)))
    const counters = await h.env.docs<CaseCounterDoc>(CASE_COLLECTIONS.counters)
    expect(counters.map((c) => [c._id, c.seq])).toEqual([['case-number:BL:20261122', 60]])
  })

  it('should take no number for a submission it refuses', async () => {
    await h.submitAs('demo-resident-1')
    const refused = await h.env.call('demo-resident-1', 'cases', h.submitEvent({ categoryCode: 'no.such' }))
    expect(refused.ok || refused.error.code).toBe('BAD_REQUEST')
    expect((await h.submitAs('demo-resident-2')).number).toBe(day(2))
  })

  it('should answer a repeated request with its first number, and give the next case a number of its own', async () => {
    const event = h.submitEvent()
    const answers = await Promise.all(
      [event, event, h.submitEvent()].map((e) =>
        h.env.call<{ case: CaseDetail; created: boolean }>('demo-resident-1', 'cases', e),
      ),
    )
    const [first, repeat, other] = answers.map((a) => (a.ok ? a.data : null))
    expect(repeat?.case.number).toBe(first?.case.number)
    expect([first?.created, repeat?.created].sort()).toEqual([false, true])
    expect(other?.case.number).not.toBe(first?.case.number)
    // The repeat took a number before it found its case stored: that one stays unused.
    expect(await h.env.docs(CASE_COLLECTIONS.cases)).toHaveLength(2)
  })
})
