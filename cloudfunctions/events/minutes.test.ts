import { seedCases } from '../../demo/cases'
import type { CaseDetail } from '../../types/cases'
import type { Envelope } from '../../types/envelope'
import type { Minutes } from '../../types/events-minutes'
import { COLLECTIONS } from '../core/collections'
import type { OutboxDoc } from '../core/outbox'
import { CASE_COLLECTIONS, type CaseDoc } from '../cases/collections'
import { cases } from '../cases'
import { errorOf, eventsHarness, expectOk, RESIDENT, SECRETARY, VOLUNTEER, type EventsHarness } from './test-helpers'

/*
 * 活动纪要 and issues that become 诉求 (issue 12). The 板凳会 runs 2026-12-05 14:30–16:00
 * Shanghai at 东县门社区's activity room.
 */

const DURING = '2026-12-05T06:40:00.000Z'

let h: EventsHarness
beforeEach(async () => {
  h = await eventsHarness()
  await seedCases(h.env.rt)
})
afterEach(async () => {
  await h.env.close()
})

/** The cases function on the same runtime (the harness serves only events). */
const asCases = async <T>(openid: string, event: Record<string, unknown>) =>
  (await cases.invoke(event, { openid }, h.env.rt)) as Envelope<T>

const issue = (eventId: string, over: Record<string, unknown> = {}) => ({
  eventId,
  clientRequestId: 'minutes-issue-0001',
  categoryCode: 'environment.litter',
  description: '2号楼后面的垃圾站夏天味道很大，希望增加清运次数',
  petitioner: { name: '赵大妈', phone: '13991239999' },
  ...over,
})

describe('events.saveMinutes and minutes', () => {
  it('should keep the summary and fill the attendee count from the check-ins, guests included', async () => {
    const id = await h.published({ capacity: 10, guestsMax: 2 })
    expectOk(await h.signUp(RESIDENT, id, { guests: 1 }))
    const { code } = expectOk(await h.as<{ code: string }>(RESIDENT, 'myCode', { eventId: id }))
    h.env.clock.set(DURING)
    expectOk(await h.as(SECRETARY, 'checkIn', { eventId: id, code }))
    expectOk(await h.as(SECRETARY, 'walkIn', { eventId: id, name: '李大爷' }))
    const saved = expectOk(
      await h.as<Minutes>(SECRETARY, 'saveMinutes', { eventId: id, summary: '大家商量了楼院停车的办法。' }),
    )
    expect(saved).toMatchObject({
      summary: '大家商量了楼院停车的办法。',
      attendeeCount: 3,
      raisesCases: 'forum',
      issues: [],
      updatedAt: DURING,
    })
    expect(expectOk(await h.as<Minutes>(SECRETARY, 'minutes', { eventId: id })).summary).toBe(
      '大家商量了楼院停车的办法。',
    )
  })

  it('should refuse minutes before the start, photos the caller did not upload, and a resident', async () => {
    const id = await h.published()
    expect(errorOf(await h.as(SECRETARY, 'saveMinutes', { eventId: id, summary: '提前写' })).message).toBe(
      '活动开始后才能记录纪要',
    )
    h.env.clock.set(DURING)
    expect(
      errorOf(await h.as(SECRETARY, 'saveMinutes', { eventId: id, summary: '纪要', photos: ['local:not-mine'] })).code,
    ).toBe('BAD_REQUEST')
    expect(errorOf(await h.as(RESIDENT, 'minutes', { eventId: id })).code).toBe('FORBIDDEN')
  })
})

describe('events.raiseCase', () => {
  it('should turn an issue into a 座谈征 case routed by the venue, with the event on its timeline, once', async () => {
    const id = await h.published()
    h.env.clock.set(DURING)
    const first = expectOk(await h.as(SECRETARY, 'raiseCase', issue(id)))
    expect(first).toMatchObject({ created: true, issue: { petitionerName: '赵大妈', number: expect.any(String) } })
    const again = expectOk(await h.as(SECRETARY, 'raiseCase', issue(id)))
    expect(again).toMatchObject({ created: false, issue: { caseId: first.issue.caseId } })
    const cases = await h.env.docs<CaseDoc>(CASE_COLLECTIONS.cases)
    expect(cases).toHaveLength(1)
    expect(cases[0]).toMatchObject({
      channel: 'forum',
      origin: { kind: 'event', eventId: id },
      contact: { name: '赵大妈' },
      submittedBy: SECRETARY,
    })
    expect(cases[0]!.timeline[0]!.text).toContain('来自活动「板凳会：楼院停车怎么管」的纪要')
    expect(expectOk(await h.as<Minutes>(SECRETARY, 'minutes', { eventId: id })).issues.map((i) => i.caseId)).toEqual([
      first.issue.caseId,
    ])
    const outbox = await h.env.docs<OutboxDoc>(COLLECTIONS.outbox)
    expect(outbox.some((o) => o._id.startsWith('case:'))).toBe(true)
  })

  it('should list each further issue under minutes already written, keeping their summary', async () => {
    const id = await h.published()
    h.env.clock.set(DURING)
    expectOk(await h.as(SECRETARY, 'saveMinutes', { eventId: id, summary: '大家谈了楼院停车。', photos: [] }))
    const a = expectOk(await h.as(SECRETARY, 'raiseCase', issue(id)))
    const second = issue(id, {
      clientRequestId: 'minutes-issue-0002',
      description: '3号楼门口的路灯坏了，晚上出门看不清路',
    })
    const b = expectOk(await h.as(SECRETARY, 'raiseCase', second))
    const m = expectOk(await h.as<Minutes>(SECRETARY, 'minutes', { eventId: id }))
    expect(m.summary).toBe('大家谈了楼院停车。')
    expect(m.issues.map((i) => i.caseId)).toEqual([a.issue.caseId, b.issue.caseId])
  })

  it('should give the case to the resident when they checked in with that phone, both sides seeing the event it came from', async () => {
    const id = await h.published()
    expectOk(await h.signUp(RESIDENT, id))
    const { code } = expectOk(await h.as<{ code: string }>(RESIDENT, 'myCode', { eventId: id }))
    h.env.clock.set(DURING)
    expectOk(await h.as(SECRETARY, 'checkIn', { eventId: id, code }))
    const [me] = await h.env.docs<{ name: string; phone: string }>(COLLECTIONS.users, { _id: RESIDENT })
    const raised = expectOk(
      await h.as(SECRETARY, 'raiseCase', issue(id, { petitioner: { name: me!.name, phone: me!.phone } })),
    )
    const origin = { kind: 'event', eventId: id, title: '板凳会：楼院停车怎么管' }
    for (const reader of [RESIDENT, SECRETARY]) {
      const detail = expectOk(await asCases<CaseDetail>(reader, { action: 'get', caseId: raised.issue.caseId }))
      expect([reader, detail.channel, detail.origin]).toEqual([reader, 'forum', origin])
    }
    const mine = expectOk(await asCases<{ items: { id: string }[] }>(RESIDENT, { action: 'myCases' }))
    expect(mine.items.map((c) => c.id)).toContain(raised.issue.caseId)
  })

  it('should use 代表提 at a 党代表接待日', async () => {
    const id = await h.published({ kind: 'deputy_reception', title: '党代表接待日' })
    h.env.clock.set(DURING)
    expectOk(await h.as(SECRETARY, 'raiseCase', issue(id)))
    expect((await h.env.docs<CaseDoc>(CASE_COLLECTIONS.cases))[0]?.channel).toBe('deputy')
  })

  it.each([
    [
      'an event kind that raises no cases',
      { kind: 'clinic' },
      {},
      '只有板凳会、议事协商会和党代表接待日上提出的问题可以转为诉求',
    ],
    ['a too short issue', {}, { description: '太吵' }, '请至少写 5 个字'],
    ['no petitioner phone', {}, { petitioner: { name: '赵大妈', phone: '' } }, '请填写提出人的联系电话'],
  ])('should refuse %s and create no case', async (_what, eventOver, issueOver, message) => {
    const id = await h.published(eventOver as never)
    h.env.clock.set(DURING)
    const res = await h.as(SECRETARY, 'raiseCase', issue(id, issueOver))
    expect(errorOf(res).code).toBe('BAD_REQUEST')
    expect(JSON.stringify(res)).toContain(message)
    expect(await h.env.docs(CASE_COLLECTIONS.cases)).toEqual([])
  })

  it('should refuse a volunteer', async () => {
    const id = await h.published()
    h.env.clock.set(DURING)
    expect(errorOf(await h.as(VOLUNTEER, 'raiseCase', issue(id))).code).toBe('FORBIDDEN')
    expect(await h.env.docs(CASE_COLLECTIONS.cases)).toEqual([])
  })
})
