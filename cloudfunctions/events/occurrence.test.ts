import { draft, errorOf, eventsHarness, expectOk, RESIDENT, SECRETARY, type EventsHarness } from './test-helpers'

/*
 * One occurrence of a series handled on its own, as the staff pages do it: moved to another
 * day with `update` (its people told old → new, the other weeks untouched), or skipped with
 * `skip` (本期暂停: its own status, its people told in those words, the rest still listed).
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

  it('should skip one occurrence as 本期暂停, tell its people so, and keep the rest of the series listed', async () => {
    const [first, second, third] = await weeklySeries()
    expectOk(await h.signUp(RESIDENT, second!.id))
    const skipped = expectOk(await h.as<Item & { notified: number }>(SECRETARY, 'skip', { eventId: second!.id }))
    expect(skipped).toMatchObject({ status: 'skipped', signUp: { state: 'skipped' }, notified: 1 })
    expect(await listed()).toEqual([first!.id, third!.id])
    const mine = expectOk(await h.as(RESIDENT, 'get', { eventId: second!.id }))
    expect(mine).toMatchObject({
      status: 'skipped',
      myRegistration: { status: 'cancelled', cancelReason: 'event_skipped' },
    })
    const [told] = (
      await h.env.docs<{ openid: string; title: string; body: string; template: unknown }>('outbox')
    ).filter((d) => d.openid === RESIDENT && d.title === '本期暂停')
    expect(told).toMatchObject({ template: { data: { status: '本期暂停' } } })
    expect(told!.body).toContain('本期暂停，不再举行')
    expect(told!.body).not.toContain('已取消')
    expect(errorOf(await h.signUp(RESIDENT, second!.id))).toMatchObject({
      code: 'CONFLICT',
      message: '本期暂停，请报名系列中的其他各期',
    })
    expect(errorOf(await h.as(SECRETARY, 'skip', { eventId: second!.id }))).toMatchObject({ code: 'CONFLICT' })
    const box = expectOk(
      await h.as<{ items: Item[] }>(SECRETARY, 'manage', { unitId: 'c-dongxianmen', box: 'cancelled' }),
    )
    expect(box.items.map((e) => e.id)).toEqual([second!.id])
  })

  it('should refuse skipping a single event, a skip by a resident and a skip without an event', async () => {
    const [first] = await weeklySeries()
    const single = await h.published()
    expect(errorOf(await h.as(SECRETARY, 'skip', { eventId: single }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '只有系列活动可以本期暂停，单次活动请取消活动',
    })
    expect(errorOf(await h.as(RESIDENT, 'skip', { eventId: first!.id })).code).toBe('FORBIDDEN')
    expect(errorOf(await h.as(SECRETARY, 'skip', {})).code).toBe('BAD_REQUEST')
    expect((await h.env.docs<{ status: string }>('events')).map((e) => e.status)).not.toContain('skipped')
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
