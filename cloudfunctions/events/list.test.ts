import { errorOf, eventsHarness, expectOk, RESIDENT, type EventsHarness } from './test-helpers'

/*
 * The resident list as one indexed query (the figures are in bench/events.ts): soonest
 * first, page after page without a repeat or a gap, an event still going on kept and an
 * ended one gone, and the date filter's end honoured on the page read in start order.
 */

let h: EventsHarness
beforeEach(async () => {
  h = await eventsHarness()
})
afterEach(async () => {
  await h.env.close()
})

type Page = { items: { id: string; startAt: string }[]; hasMore: boolean }
const list = async (input: Record<string, unknown> = {}) => expectOk(await h.as<Page>(RESIDENT, 'list', input))

describe('events.list', () => {
  it('should page soonest first without repeats or gaps', async () => {
    const made: string[] = []
    // Created out of date order, on 12 days, two on some days.
    for (const day of [9, 3, 12, 5, 3, 7, 10, 4, 8, 6, 11, 5])
      made.push(await h.published({ date: `2026-12-${String(day).padStart(2, '0')}`, title: `第${made.length + 1}场` }))
    const seen: string[] = []
    let more = true
    for (let skip = 0; more; skip += 5) {
      const page = await list({ skip, limit: 5 })
      seen.push(...page.items.map((e) => e.id))
      more = page.hasMore
    }
    expect(seen).toHaveLength(made.length)
    expect(new Set(seen)).toEqual(new Set(made))
    const starts = (await list({ limit: 50 })).items.map((e) => e.startAt)
    expect([...starts].sort()).toEqual(starts)
  })

  it('should keep an event that is still going on and drop it once it has ended', async () => {
    const id = await h.published({ date: '2026-12-05', startTime: '14:30', endTime: '16:00' })
    h.env.clock.set('2026-12-05T07:30:00.000Z') // 15:30 in Shanghai: started an hour ago
    expect((await list()).items.map((e) => e.id)).toEqual([id])
    h.env.clock.set('2026-12-05T08:00:00.000Z') // 16:00: over
    expect((await list()).items).toEqual([])
  })

  it('should stop at the last day asked for and say there is no more', async () => {
    const first = await h.published({ date: '2026-12-03' })
    const second = await h.published({ date: '2026-12-04' })
    await h.published({ date: '2026-12-05' })
    const page = await list({ to: '2026-12-04', limit: 2 })
    expect(page).toMatchObject({ items: [{ id: first }, { id: second }], hasMore: false })
    expect((await list({ from: '2026-12-04', to: '2026-12-04' })).items.map((e) => e.id)).toEqual([second])
  })

  it('should refuse a page size out of range', async () => {
    expect(errorOf(await h.as(RESIDENT, 'list', { limit: 0 })).code).toBe('BAD_REQUEST')
    expect(errorOf(await h.as(RESIDENT, 'list', { skip: -1 })).code).toBe('BAD_REQUEST')
  })
})
