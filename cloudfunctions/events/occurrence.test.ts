import { draft, errorOf, eventsHarness, expectOk, RESIDENT, SECRETARY, type EventsHarness } from './test-helpers'

/*
 * One occurrence of a series handled on its own, as the staff pages do it: moved to another
 * day with `update` (its people told old → new, the other weeks untouched), or skipped with
 * `cancelEvent` (本期暂停: its people told, the rest of the series still listed).
 */

let h: EventsHarness
beforeEach(async () => {
  h = await eventsHarness()
})
afterEach(async () => {
  await h.env.close()
})

type Item = { id: string; startAt: string; status: string }

async function weeklySeries(): Promise<Item[]> {
  const res = expectOk(
    await h.as<{ items: Item[] }>(SECRETARY, 'createSeries', {
      ...draft(),
      title: '周一课堂',
      kind: 'monday_class',
      rule: { kind: 'weekly', weekday: 1 },
      from: '2026-12-01',
      count: 3,
      opensDaysBefore: 0,
      publishNow: true,
    }),
  )
  return res.items
}

const listed = async () => expectOk(await h.as<{ items: Item[] }>(RESIDENT, 'list')).items.map((e) => e.id)

describe('events series occurrences', () => {
  it('should move one occurrence to another day and tell only its people', async () => {
    const [first, second, third] = await weeklySeries()
    expectOk(await h.signUp(RESIDENT, second!.id))
    const stored = expectOk(
      await h.as<{ draft: Record<string, unknown> }>(SECRETARY, 'get', { eventId: second!.id }),
    ).draft
    const moved = expectOk(
      await h.as<Item & { notified: number }>(SECRETARY, 'update', {
        eventId: second!.id,
        draft: { ...stored, date: '2026-12-16' },
      }),
    )
    expect(moved).toMatchObject({ startAt: '2026-12-16T06:30:00.000Z', notified: 1 })
    expect((await h.notices()).filter(([, title]) => title === '活动时间地点有变')).toEqual([
      [RESIDENT, '活动时间地点有变'],
    ])
    const after = await h.env.docs<{ _id: string; startAt: string }>('events')
    expect(after.find((e) => e._id === first!.id)!.startAt).toBe(first!.startAt)
    expect(after.find((e) => e._id === third!.id)!.startAt).toBe(third!.startAt)
  })

  it('should skip one occurrence and keep the rest of the series listed', async () => {
    const [first, second, third] = await weeklySeries()
    expectOk(await h.signUp(RESIDENT, second!.id))
    const skipped = expectOk(
      await h.as<Item & { notified: number }>(SECRETARY, 'cancelEvent', {
        eventId: second!.id,
        reason: '本期暂停，系列中的其他各期照常举行',
      }),
    )
    expect(skipped).toMatchObject({ status: 'cancelled', notified: 1 })
    expect(await listed()).toEqual([first!.id, third!.id])
  })

  it('should refuse moving an occurrence into the past and a move by a resident', async () => {
    const [, second] = await weeklySeries()
    const stored = expectOk(
      await h.as<{ draft: Record<string, unknown> }>(SECRETARY, 'get', { eventId: second!.id }),
    ).draft
    expect(
      errorOf(await h.as(SECRETARY, 'update', { eventId: second!.id, draft: { ...stored, date: '2026-11-20' } })).code,
    ).toBe('BAD_REQUEST')
    expect(
      errorOf(await h.as(RESIDENT, 'update', { eventId: second!.id, draft: { ...stored, date: '2026-12-16' } })).code,
    ).toBe('FORBIDDEN')
  })
})
