import type { OutboxDoc } from '../core/outbox'
import { draft, eventsHarness, expectOk, SECRETARY, type EventsHarness } from './test-helpers'

/*
 * The organiser's capacity alerts: once at 80% of the seats, once when full, whatever the
 * retries, further sign-ups or capacity changes.
 */

let h: EventsHarness
beforeEach(async () => {
  h = await eventsHarness()
})
afterEach(async () => {
  await h.env.close()
})

/** [openid, title] of every capacity alert queued, in order. */
async function alerts(): Promise<Array<[string, string]>> {
  const docs = await h.env.docs<OutboxDoc>('outbox')
  return docs
    .filter((d) => d._id.startsWith('event-capacity:'))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id))
    .map((d) => [d.openid, d.title])
}

describe('events capacity alerts', () => {
  it('should tell the organiser once when a sign-up crosses 80%, not on a retry or a further sign-up below full', async () => {
    const id = await h.published({ capacity: 10 })
    const people = await h.residents(9)
    for (const p of people.slice(0, 7)) expectOk(await h.signUp(p, id))
    expect(await alerts()).toEqual([])
    const eighth = { eventId: id, clientRequestId: 'cap-request-8' }
    expectOk(await h.as(people[7]!, 'signUp', eighth))
    expect(await alerts()).toEqual([[SECRETARY, '活动名额将满']])
    expect(expectOk(await h.as(people[7]!, 'signUp', eighth)).created).toBe(false)
    expectOk(await h.signUp(people[8]!, id))
    expect(await alerts()).toEqual([[SECRETARY, '活动名额将满']])
    const [doc] = (await h.env.docs<OutboxDoc>('outbox')).filter((d) => d._id.startsWith('event-capacity:'))
    expect(doc).toMatchObject({
      body: '「板凳会：楼院停车怎么管」已占 8 个名额（共 10 个），即将报满。如需增加名额，可在活动管理中修改。\n时间：12月5日（周六）14:30–16:00；地点：社区活动室（东县门街12号）',
      link: `/staff/events/roster?id=${id}`,
      template: { kind: 'staffTodo', data: { status: '将满' } },
    })
  })

  it('should tell once when the event becomes full, and not again when seats free and fill', async () => {
    const id = await h.published({ capacity: 5 })
    const people = await h.residents(7)
    for (const p of people.slice(0, 6)) expectOk(await h.signUp(p, id))
    expect(await alerts()).toEqual([
      [SECRETARY, '活动名额将满'],
      [SECRETARY, '活动名额已满'],
    ])
    expectOk(await h.as(people[0]!, 'cancel', { eventId: id }))
    expectOk(await h.as(people[5]!, 'acceptOffer', { eventId: id }))
    expectOk(await h.signUp(people[6]!, id))
    expect(await alerts()).toHaveLength(2)
  })

  it('should tell the organiser when 代报名 fills the last seats', async () => {
    const id = await h.published({ capacity: 2, reservedSeats: 1 })
    const [a] = await h.residents(1)
    expectOk(await h.signUp(a!, id))
    expect(await alerts()).toEqual([])
    expectOk(
      await h.as(SECRETARY, 'proxySignUp', {
        eventId: id,
        clientRequestId: 'cap-proxy-1',
        name: '孙大爷',
        phone: '13800001111',
      }),
    )
    expect(await alerts()).toEqual([[SECRETARY, '活动名额已满']])
  })

  it('should tell the organiser when lowering the capacity makes the event nearly full, then full', async () => {
    const id = await h.published({ capacity: 10 })
    const people = await h.residents(4)
    for (const p of people) expectOk(await h.signUp(p, id))
    expectOk(await h.as(SECRETARY, 'update', { eventId: id, draft: draft({ capacity: 5 }) }))
    expect(await alerts()).toEqual([[SECRETARY, '活动名额将满']])
    expectOk(await h.as(SECRETARY, 'update', { eventId: id, draft: draft({ capacity: 4 }) }))
    expectOk(await h.as(SECRETARY, 'update', { eventId: id, draft: draft({ capacity: 4, title: '板凳会：停车' }) }))
    expect(await alerts()).toEqual([
      [SECRETARY, '活动名额将满'],
      [SECRETARY, '活动名额已满'],
    ])
  })

  it('should say nothing for an unlimited event', async () => {
    const id = await h.published({ capacity: 0 })
    for (const p of await h.residents(3)) expectOk(await h.signUp(p, id))
    expect(await alerts()).toEqual([])
  })
})
