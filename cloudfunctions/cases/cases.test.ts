import type { CaseDetail } from '../../types/cases'
import { saveUpload } from '../core/photos'
import type { TestEnv } from '../core/testing'
import { users } from '../users'
import type { CaseDoc } from './collections'
import { addTopLevelAdmin, casesHarness, closeChecked, TOP_ADMIN, type CasesHarness } from './test-helpers'

/*
 * Function tests of `cases` on a fresh embedded database with the demo org tree and
 * accounts (see demo/org.ts, demo/accounts.ts): everyone meets in 东县门社区; demo-grid-1
 * works in its first grid, demo-dept-1 at 碑林区住建局.
 */

let h: CasesHarness
let env: TestEnv
beforeEach(async () => {
  h = await casesHarness()
  env = h.env
})
afterEach(() => closeChecked(h))

const submitEvent = (over: Record<string, unknown> = {}) => h.submitEvent(over)
const submitAs = (openid: string, over: Record<string, unknown> = {}) => h.submitAs(openid, over)
const act = (openid: string, action: string, input: Record<string, unknown>) => h.act(openid, action, input)

describe('cases.submit', () => {
  it('should route a litter case to the grid it lies in, number it and tell the petitioner and the grid', async () => {
    const res = await env.call<{ case: CaseDetail; created: boolean }>('demo-resident-1', 'cases', submitEvent())
    expect(res.ok).toBe(true)
    if (!res.ok) return
    const c = res.data.case
    expect(res.data.created).toBe(true)
    expect(c).toMatchObject({
      number: 'BL-20261122-0001',
      status: 'pending_sign',
      handlingUnitId: 'g-dongxianmen-1',
      handlingUnitName: '东县门社区第一网格',
    })
    expect(c.ackDueAt).toBe('2026-11-23T02:00:00.000Z')
    expect(c.handleDueAt).toBe('2026-11-29T16:00:00.000Z')
    expect(c.timeline.map((e) => e.kind)).toEqual(['submitted', 'routed'])
    // The petitioner reads who has it; the grid reads the routing reason and its deadline, written
    // like the timeline's own times (11月30日 00:00), not 2026-11-30 00:00.
    expect(c.timeline[1]?.text).toBe('已交「东县门社区第一网格」办理')
    const staffView = await env.call<CaseDetail>('demo-grid-1', 'cases', { action: 'get', caseId: c.id })
    expect(staffView.ok && staffView.data.timeline[1]?.text).toMatch(/，请于11月30日 00:00前办结$/)
    expect(c).toMatchObject({ viewer: { isPetitioner: true }, can: ['addNote'] })
    expect(await h.caseNotices()).toEqual([
      ['demo-grid-1', '新诉求待签收'],
      ['demo-resident-1', '诉求已受理'],
    ])
    const [mine] = await env.docs<{ template: { kind: string; data: Record<string, string> } }>('outbox', {
      openid: 'demo-resident-1',
      title: '诉求已受理',
    })
    expect(mine?.template).toEqual({
      kind: 'caseAccepted',
      data: { number: 'BL-20261122-0001', category: '垃圾堆放', status: '已受理' },
      urgent: false,
    })
  })

  it('should find the grid whose boundary holds the point, not just the home grid', async () => {
    const c = await submitAs('demo-resident-1', { location: { lng: 108.9613, lat: 34.2581 } })
    expect(c.handlingUnitId).toBe('g-dongxianmen-2')
    expect(c.route.reason).toMatch(/^位置在「东县门社区第二网格」范围内/)
  })

  it('should answer the first case again for a retried client request id', async () => {
    const event = submitEvent()
    const first = await env.call<{ case: CaseDetail; created: boolean }>('demo-resident-1', 'cases', event)
    const again = await env.call<{ case: CaseDetail; created: boolean }>('demo-resident-1', 'cases', event)
    expect(first.ok && again.ok).toBe(true)
    if (!first.ok || !again.ok) return
    expect(again.data.created).toBe(false)
    expect(again.data.case.id).toBe(first.data.case.id)
    expect(await env.docs('cases')).toHaveLength(1)
    expect(await h.caseNotices()).toHaveLength(2)
  })

  it('should store exactly one case when the same request arrives twice at once', async () => {
    const event = submitEvent()
    const both = await Promise.all([
      env.call('demo-resident-1', 'cases', event),
      env.call('demo-resident-1', 'cases', event),
    ])
    expect(both.every((r) => r.ok)).toBe(true)
    expect(await env.docs('cases')).toHaveLength(1)
  })

  it('should answer the stored case for a retry after its category was withdrawn, and refuse a new one', async () => {
    const event = submitEvent()
    const first = await env.call<{ case: CaseDetail }>('demo-resident-1', 'cases', event)
    await addTopLevelAdmin(h)
    const list = await env.call<{ items: Array<{ code: string }> }>(null, 'cases', { action: 'categories' })
    const litter = list.ok ? list.data.items.find((c) => c.code === 'environment.litter') : undefined
    expect((await act(TOP_ADMIN, 'saveCategory', { ...litter, active: false })).ok).toBe(true)
    const again = await env.call<{ case: CaseDetail; created: boolean }>('demo-resident-1', 'cases', event)
    expect(again.ok && [again.data.created, again.data.case.id]).toEqual([false, first.ok && first.data.case.id])
    const fresh = await env.call('demo-resident-1', 'cases', submitEvent())
    expect(fresh.ok || fresh.error.code).toBe('BAD_REQUEST')
  })

  it('should announce a new case to a grid worker appointed a moment ago', async () => {
    await submitAs('demo-resident-1')
    const admin = { openid: 'demo-admin' }
    const found = await users.invoke({ action: 'findPeople', query: '李建国' }, admin, env.rt)
    const ref = found.ok ? (found.data as { items: { ref: string }[] }).items[0]?.ref : undefined
    const appoint = { action: 'assignRole', ref, role: 'grid_worker', unitId: 'g-dongxianmen-1' }
    expect((await users.invoke(appoint, admin, env.rt)).ok).toBe(true)
    const c = await submitAs('demo-resident-1')
    expect(await h.caseNoticeTitles('demo-resident-2')).toEqual(['新诉求待签收'])
    expect(c.handlingUnitId).toBe('g-dongxianmen-1')
  })

  it('should number the day’s cases in sequence', async () => {
    await submitAs('demo-resident-1')
    const second = await submitAs('demo-resident-2')
    expect(second.number).toBe('BL-20261122-0002')
  })

  it('should send a property matter to the community 三方办 by the demo rule', async () => {
    const c = await submitAs('demo-resident-1', { categoryCode: 'property.elevator' })
    expect([c.handlingUnitId, c.route.ruleId, c.tier]).toEqual(['c-dongxianmen-sfb', 'rule-property-joint', 'urgent'])
  })

  it('should send an old-estate matter to the district 住建局', async () => {
    const c = await submitAs('demo-resident-1', { categoryCode: 'housing.old_estate' })
    expect(c.handlingUnitId).toBe('dept-beilin-zhujian')
  })

  it('should fall back to the home community’s first grid without a location', async () => {
    const c = await submitAs('demo-resident-1', { location: null })
    expect(c.handlingUnitId).toBe('g-dongxianmen-1')
    expect(c.route.reason).toContain('未提供位置')
  })

  it('should refuse a missing description with BAD_REQUEST and write nothing', async () => {
    const res = await env.call('demo-resident-1', 'cases', submitEvent({ description: '  ' }))
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.code).toBe('BAD_REQUEST')
    expect(res.error.issues?.[0]?.path).toEqual(['description'])
    expect(await env.docs('cases')).toHaveLength(0)
    expect(await h.caseNotices()).toHaveLength(0)
  })

  it('should keep the photos the petitioner uploaded, and refuse another user’s with BAD_REQUEST 照片无效, storing nothing', async () => {
    const mine = await saveUpload(env.rt, 'mine.png', Buffer.from('mine'), 'demo-resident-1')
    const theirs = await saveUpload(env.rt, 'theirs.png', Buffer.from('theirs'), 'demo-resident-2')
    const refused = await env.call('demo-resident-1', 'cases', submitEvent({ photos: [mine, theirs] }))
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: '照片无效' } })
    expect([await env.docs('cases'), await h.caseNotices()]).toEqual([[], []])
    const c = await submitAs('demo-resident-1', { photos: [mine] })
    expect(c.photos).toEqual([mine])
  })

  it('should refuse an unknown category with BAD_REQUEST', async () => {
    const res = await env.call('demo-resident-1', 'cases', submitEvent({ categoryCode: 'environment' }))
    expect(!res.ok && res.error.code).toBe('BAD_REQUEST')
  })

  it('should refuse an anonymous caller with UNAUTHORIZED', async () => {
    const res = await env.call(null, 'cases', submitEvent())
    expect(!res.ok && res.error.code).toBe('UNAUTHORIZED')
  })

  it('should refuse a resident who claims the grid proxy channel with FORBIDDEN', async () => {
    const res = await env.call(
      'demo-resident-1',
      'cases',
      submitEvent({ channel: 'grid_proxy', onBehalfOf: { name: '李建国', phone: '13991230002' } }),
    )
    expect(!res.ok && res.error.code).toBe('FORBIDDEN')
  })

  it('should let a grid worker submit for a resident, who then owns the case', async () => {
    const missing = await env.call('demo-grid-1', 'cases', submitEvent({ channel: 'grid_proxy' }))
    expect(!missing.ok && missing.error.code).toBe('BAD_REQUEST')
    const c = await submitAs('demo-grid-1', {
      channel: 'grid_proxy',
      onBehalfOf: { openid: 'demo-resident-2', name: '李建国', phone: '13991230002' },
    })
    expect(c.viewer.isPetitioner).toBe(false)
    const seen = await act('demo-resident-2', 'get', { caseId: c.id })
    expect(seen.ok && seen.data.viewer.isPetitioner).toBe(true)
    expect(seen.ok && seen.data.contact).toEqual({
      name: '李建国',
      phone: '13991230002',
      preference: 'phone',
      showName: false,
    })
  })
  it('should refuse a proxy naming the account of a resident outside their area, and an unknown account', async () => {
    const at = '2026-11-01T00:00:00.000Z'
    await env.rt.db
      .collection('users')
      .doc('resident-xiamaling')
      .set({ name: '赵大妈', phone: '13991230009', communityId: 'c-xiamaling', createdAt: at, updatedAt: at })
    const onBehalfOf = { openid: 'resident-xiamaling', name: '赵大妈', phone: '13991230009' }
    // demo-grid-1 works in 东县门社区; 下马陵社区 is another community of the same street.
    expect(await env.call('demo-grid-1', 'cases', submitEvent({ channel: 'grid_proxy', onBehalfOf }))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '只能为本辖区的居民代为登记诉求' },
    })
    expect(
      await env.call(
        'demo-grid-1',
        'cases',
        submitEvent({ channel: 'grid_proxy', onBehalfOf: { ...onBehalfOf, openid: 'nobody-here' } }),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', issues: [{ path: ['onBehalfOf', 'openid'] }] },
    })
    expect(await env.docs('cases')).toHaveLength(0)
    // The street's 热线 staff may: 下马陵 is below 柏树林街道.
    const c = await submitAs('demo-street-1', { channel: 'hotline', onBehalfOf })
    expect((await act('resident-xiamaling', 'get', { caseId: c.id })).ok).toBe(true)
  })

  it('should keep the proxy as submitter and the resident as contact when the resident has no account', async () => {
    const c = await submitAs('demo-grid-1', {
      channel: 'grid_proxy',
      onBehalfOf: { name: '李建国', phone: '13991230002' },
    })
    const [stored] = await env.docs<CaseDoc>('cases', { _id: c.id })
    expect([stored?.submittedBy, stored?.petitionerOpenid, stored?.contact]).toEqual([
      'demo-grid-1',
      null,
      { name: '李建国', phone: '13991230002' },
    ])
  })

  it('should let the grid worker who entered a case follow it up wherever it went, without handling it', async () => {
    const c = await submitAs('demo-grid-1', {
      categoryCode: 'housing.old_estate',
      channel: 'grid_proxy',
      onBehalfOf: { name: '李建国', phone: '13991230002' },
    })
    expect(c.handlingUnitId).toBe('dept-beilin-zhujian')
    const seen = await act('demo-grid-1', 'get', { caseId: c.id })
    expect(seen.ok && [seen.data.contact?.phone, seen.data.can]).toEqual(['13991230002', ['addNote', 'follow']])
    const note = await act('demo-grid-1', 'addNote', { caseId: c.id, text: '老人腿脚不便，请电话联系' })
    expect(note.ok && note.data.timeline.at(-1)?.text).toBe('代办人补充：老人腿脚不便，请电话联系')
    expect(await act('demo-grid-1', 'sign', { caseId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

describe('cases.get and cases.myCases', () => {
  it('should not let a resident read another resident’s case', async () => {
    const c = await submitAs('demo-resident-1')
    const res = await act('demo-resident-2', 'get', { caseId: c.id })
    expect(!res.ok && res.error.code).toBe('FORBIDDEN')
  })

  it('should show the handling grid worker the contact and the working buttons', async () => {
    const c = await submitAs('demo-resident-1', { contact: { name: '王秀兰', phone: '13991230001' } })
    const res = await act('demo-grid-1', 'get', { caseId: c.id })
    expect(res.ok).toBe(true)
    if (!res.ok) return
    expect(res.data.contact).toEqual({ name: '王秀兰', phone: '13991230001', preference: 'phone', showName: false })
    expect(res.data.can).toContain('sign')
  })

  it('should answer NOT_FOUND for an unknown case', async () => {
    const res = await act('demo-resident-1', 'get', { caseId: 'nope' })
    expect(!res.ok && res.error.code).toBe('NOT_FOUND')
  })

  it('should list only the caller’s own cases, newest first, with a total', async () => {
    const a = await submitAs('demo-resident-1')
    env.clock.advance(60_000)
    const b = await submitAs('demo-resident-1', { categoryCode: 'neighbour.noise' })
    await submitAs('demo-resident-2')
    const res = await env.call<{ items: { id: string }[]; total: number }>('demo-resident-1', 'cases', {
      action: 'myCases',
    })
    expect(res.ok && res.data.items.map((i) => i.id)).toEqual([b.id, a.id])
    expect(res.ok && res.data.total).toBe(2)
    const closed = await env.call<{ total: number }>('demo-resident-1', 'cases', {
      action: 'myCases',
      status: 'closed',
    })
    expect(closed.ok && closed.data.total).toBe(0)
  })

  it('should count my cases past the page, and on a page after the last', async () => {
    for (let i = 0; i < 3; i++) {
      await submitAs('demo-resident-1')
      env.clock.advance(60_000)
    }
    const first = await env.call<{ items: unknown[]; total: number; hasMore: boolean }>('demo-resident-1', 'cases', {
      action: 'myCases',
      pageSize: 2,
    })
    expect(first.ok && [first.data.items.length, first.data.total, first.data.hasMore]).toEqual([2, 3, true])
    const last = await env.call<{ items: unknown[]; total: number; hasMore: boolean }>('demo-resident-1', 'cases', {
      action: 'myCases',
      page: 2,
      pageSize: 2,
    })
    expect(last.ok && [last.data.items.length, last.data.total, last.data.hasMore]).toEqual([1, 3, false])
    const past = await env.call<{ items: unknown[]; total: number }>('demo-resident-1', 'cases', {
      action: 'myCases',
      page: 4,
      pageSize: 2,
    })
    expect(past.ok && [past.data.items.length, past.data.total]).toEqual([0, 3])
  })

  it('should refuse a bad status filter with BAD_REQUEST', async () => {
    const res = await env.call('demo-resident-1', 'cases', { action: 'myCases', status: 'whatever' })
    expect(!res.ok && res.error.code).toBe('BAD_REQUEST')
  })
})

describe('cases.sign', () => {
  it('should let the grid worker sign and tell the petitioner', async () => {
    const c = await submitAs('demo-resident-1')
    const res = await act('demo-grid-1', 'sign', { caseId: c.id })
    expect(res.ok && res.data.status).toBe('processing')
    expect(await h.caseNoticeTitles('demo-resident-1')).toEqual(['诉求已受理', '诉求已签收'])
  })

  it('should let staff above the unit sign (street staff for a grid case)', async () => {
    const c = await submitAs('demo-resident-1')
    expect((await act('demo-street-1', 'sign', { caseId: c.id })).ok).toBe(true)
  })

  it('should refuse a department handler outside the unit with FORBIDDEN', async () => {
    const c = await submitAs('demo-resident-1')
    const res = await act('demo-dept-1', 'sign', { caseId: c.id })
    expect(!res.ok && res.error.code).toBe('FORBIDDEN')
    const doc = (await env.docs<CaseDoc>('cases'))[0]!
    expect(doc.status).toBe('pending_sign')
  })

  it('should refuse a grid worker on a department case with FORBIDDEN', async () => {
    const c = await submitAs('demo-resident-1', { categoryCode: 'housing.old_estate' })
    expect(await act('demo-grid-1', 'sign', { caseId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await act('demo-dept-1', 'sign', { caseId: c.id })).toMatchObject({ ok: true })
  })

  it('should refuse a resident with FORBIDDEN', async () => {
    const c = await submitAs('demo-resident-1')
    expect(await act('demo-resident-1', 'sign', { caseId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('should refuse signing twice with CONFLICT', async () => {
    const c = await submitAs('demo-resident-1')
    await act('demo-grid-1', 'sign', { caseId: c.id })
    expect(await act('demo-grid-1', 'sign', { caseId: c.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('should refuse a missing case id with BAD_REQUEST', async () => {
    expect(await act('demo-grid-1', 'sign', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
  })
})

describe('cases.resolve', () => {
  const resolution = { disposition: 'solved', ledger: 'general', reply: '已联系环卫清运，并增加清运频次' }

  it('should resolve a signed case on time and ask the petitioner to rate', async () => {
    const c = await submitAs('demo-resident-1')
    await act('demo-grid-1', 'sign', { caseId: c.id })
    env.clock.advance(3 * 86_400_000)
    const res = await act('demo-grid-1', 'resolve', { caseId: c.id, ...resolution })
    expect(res.ok).toBe(true)
    if (!res.ok) return
    expect(res.data.status).toBe('resolved')
    expect(res.data.resolution).toMatchObject({ disposition: 'solved', ledger: 'general', onTime: true })
    const mine = await act('demo-resident-1', 'get', { caseId: c.id })
    expect(mine.ok && mine.data.can).toEqual(['addNote', 'rate'])
  })

  it('should mark a resolution after the deadline as late', async () => {
    const c = await submitAs('demo-resident-1')
    await act('demo-grid-1', 'sign', { caseId: c.id })
    env.clock.set('2026-11-29T16:00:01Z')
    const res = await act('demo-grid-1', 'resolve', { caseId: c.id, ...resolution })
    expect(res.ok && res.data.resolution?.onTime).toBe(false)
  })

  it('should refuse resolving an unsigned case with CONFLICT', async () => {
    const c = await submitAs('demo-resident-1')
    expect(await act('demo-grid-1', 'resolve', { caseId: c.id, ...resolution })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
  })

  it('should refuse an unknown ledger with BAD_REQUEST', async () => {
    const c = await submitAs('demo-resident-1')
    await act('demo-grid-1', 'sign', { caseId: c.id })
    expect(await act('demo-grid-1', 'resolve', { caseId: c.id, ...resolution, ledger: 'misc' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    })
  })

  it('should refuse the petitioner with FORBIDDEN', async () => {
    const c = await submitAs('demo-resident-1')
    await act('demo-grid-1', 'sign', { caseId: c.id })
    expect(await act('demo-resident-1', 'resolve', { caseId: c.id, ...resolution })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

describe('cases.rate and cases.recordRevisit', () => {
  async function resolved(): Promise<CaseDetail> {
    const c = await submitAs('demo-resident-1')
    await act('demo-grid-1', 'sign', { caseId: c.id })
    await act('demo-grid-1', 'resolve', {
      caseId: c.id,
      disposition: 'explained',
      ledger: 'general',
      reply: '已解释清运时间安排',
    })
    return c
  }

  it('should close the case on 满意 and refuse a second rating', async () => {
    const c = await resolved()
    const res = await act('demo-resident-1', 'rate', { caseId: c.id, value: 'satisfied', comment: '谢谢网格员' })
    expect(res.ok && [res.data.status, res.data.rating?.value]).toEqual(['closed', 'satisfied'])
    expect(await act('demo-resident-1', 'rate', { caseId: c.id, value: 'dissatisfied' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
  })

  it('should reopen to the same unit on 不满意 with fresh deadlines, and tell its staff', async () => {
    const c = await resolved()
    env.clock.set('2026-11-25T02:00:00Z')
    const res = await act('demo-resident-1', 'rate', { caseId: c.id, value: 'dissatisfied', comment: '垃圾又堆起来了' })
    expect(res.ok).toBe(true)
    if (!res.ok) return
    expect(res.data).toMatchObject({
      status: 'processing',
      reopened: true,
      handlingUnitId: 'g-dongxianmen-1',
      rating: null,
      resolution: null,
    })
    expect(res.data.handleDueAt).toBe('2026-12-02T16:00:00.000Z')
    expect(await h.caseNoticeTitles('demo-grid-1')).toContain('诉求被评为不满意，已重新交办')
  })

  it('should make the second round’s rating final even when 不满意', async () => {
    const c = await resolved()
    await act('demo-resident-1', 'rate', { caseId: c.id, value: 'dissatisfied' })
    await act('demo-grid-1', 'resolve', {
      caseId: c.id,
      disposition: 'solved',
      ledger: 'difficult',
      reply: '已协调物业每日清运',
    })
    const res = await act('demo-resident-1', 'rate', { caseId: c.id, value: 'dissatisfied' })
    expect(res.ok && [res.data.status, res.data.rating?.value]).toEqual(['closed', 'dissatisfied'])
  })

  it('should refuse another resident’s rating with FORBIDDEN', async () => {
    const c = await resolved()
    expect(await act('demo-resident-2', 'rate', { caseId: c.id, value: 'satisfied' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('should refuse an unknown satisfaction value with BAD_REQUEST', async () => {
    const c = await resolved()
    expect(await act('demo-resident-1', 'rate', { caseId: c.id, value: 'great' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    })
  })

  it('should accept a revisit only after two weeks without a rating', async () => {
    const c = await resolved()
    const early = await act('demo-grid-1', 'recordRevisit', {
      caseId: c.id,
      method: 'phone',
      value: 'basically_satisfied',
    })
    expect(!early.ok && early.error.code).toBe('CONFLICT')
    env.clock.advance(14 * 86_400_000)
    const res = await act('demo-grid-1', 'recordRevisit', {
      caseId: c.id,
      method: 'phone',
      value: 'basically_satisfied',
    })
    expect(res.ok && [res.data.status, res.data.rating?.source]).toEqual(['closed', 'revisit'])
    expect(res.ok && res.data.timeline.at(-1)?.text).toBe('电话回访：基本满意')
  })

  it('should refuse a revisit by a resident with FORBIDDEN', async () => {
    const c = await resolved()
    env.clock.advance(15 * 86_400_000)
    expect(
      await act('demo-resident-2', 'recordRevisit', { caseId: c.id, method: 'visit', value: 'satisfied' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
