import type { CaseWorkload } from '../../types/cases'
import type { OutboxDoc } from '../core/collections'
import type { CaseDoc } from './collections'
import { casesHarness, closeChecked, signedCase, type CasesHarness } from './test-helpers'

/*
 * Who is waiting on whom: supervisors told of extension requests and 退单 (in the inbox and by
 * a 待办提醒 push), the 延期待审核 box, and the 工作台 counts over a unit and the units below it.
 */

let h: CasesHarness
beforeEach(async () => {
  h = await casesHarness()
})
afterEach(() => closeChecked(h))

const signed = () => signedCase(h)
const COMMUNITY = 'c-dongxianmen'

async function outboxFor(openid: string, caseId: string): Promise<OutboxDoc[]> {
  const docs = await h.env.docs<OutboxDoc>('outbox', { openid })
  return docs.filter((d) => d.dedupeKey.startsWith(`case:${caseId}:`))
}

async function workload(openid: string): Promise<CaseWorkload> {
  const res = await h.act<CaseWorkload>(openid, 'workload')
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data
}

describe('cases.requestExtension notices', () => {
  it('should tell the supervising 社区书记, not the street, with a 待办提醒 push', async () => {
    const c = await signed()
    await h.act('demo-grid-1', 'requestExtension', { caseId: c.id, days: 3, reason: '需协调环卫车辆' })
    const [notice] = (await outboxFor('demo-secretary-1', c.id)).filter((d) => d.title === '有延期申请待审核')
    expect(notice?.body).toContain('延期3天')
    expect(notice?.template).toEqual({
      kind: 'staffTodo',
      data: { task: '延期申请：垃圾堆放', count: '1', status: '待审核' },
      urgent: false,
    })
    expect((await outboxFor('demo-street-1', c.id)).map((d) => d.title)).not.toContain('有延期申请待审核')
  })
})

describe('cases.returnCase notices', () => {
  it('should ask the community to re-dispatch with a 待办提醒 push', async () => {
    const c = await signed()
    await h.act('demo-grid-1', 'returnCase', { caseId: c.id, reason: '不属于网格职责' })
    const [notice] = (await outboxFor('demo-secretary-1', c.id)).filter((d) => d.title === '有诉求被退单，请重新分派')
    expect(notice?.template?.kind).toBe('staffTodo')
    expect(notice?.template?.data.status).toBe('待分派')
  })
})

describe('cases.rate 不满意 notice', () => {
  it('should tell the grid by an urgent 待办提醒 that goes out even in the quiet hours', async () => {
    const c = await signed()
    await h.act('demo-grid-1', 'resolve', { caseId: c.id, disposition: 'solved', ledger: 'common', reply: '已清运' })
    await h.act('demo-resident-1', 'rate', { caseId: c.id, value: 'dissatisfied', comment: '垃圾又堆起来了' })
    const [notice] = (await outboxFor('demo-grid-1', c.id)).filter((d) => d.title === '诉求被评为不满意，已重新交办')
    expect(notice?.template).toMatchObject({ kind: 'staffTodo', data: { status: '重新办理' }, urgent: true })
  })
})

describe('cases.inbox extension box', () => {
  it('should list a grid’s extension request in the community’s 延期待审核 box until it is decided', async () => {
    const c = await signed()
    await h.act('demo-grid-1', 'requestExtension', { caseId: c.id, days: 3, reason: '需协调环卫车辆' })
    const box = await h.act<{ items: { id: string }[]; counts: { extension: number } }>('demo-secretary-1', 'inbox', {
      unitId: 'c-dongxianmen',
      box: 'extension',
    })
    expect(box.ok && [box.data.items.map((i) => i.id), box.data.counts.extension]).toEqual([[c.id], 1])
    await h.act('demo-secretary-1', 'reviewExtension', { caseId: c.id, approve: true })
    const after = await h.act<{ items: unknown[]; counts: { extension: number } }>('demo-secretary-1', 'inbox', {
      unitId: 'c-dongxianmen',
      box: 'extension',
    })
    expect(after.ok && [after.data.items.length, after.data.counts.extension]).toEqual([0, 0])
  })

  it('should not show a unit its own requests (they are reviewed above it)', async () => {
    const c = await signed()
    await h.act('demo-grid-1', 'requestExtension', { caseId: c.id, days: 3, reason: '需协调环卫车辆' })
    const box = await h.act<{ items: unknown[] }>('demo-street-1', 'inbox', {
      unitId: 'g-dongxianmen-1',
      box: 'extension',
    })
    expect(box.ok && box.data.items).toEqual([])
  })

  it('should refuse the box to a grid worker with FORBIDDEN and give them a count of 0', async () => {
    expect(await h.act('demo-grid-1', 'inbox', { unitId: 'g-dongxianmen-1', box: 'extension' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const other = await h.act<{ counts: { extension: number } }>('demo-grid-1', 'inbox', {
      unitId: 'g-dongxianmen-1',
      box: 'to_sign',
    })
    expect(other.ok && other.data.counts.extension).toBe(0)
  })

  it('should refuse an unknown box with BAD_REQUEST', async () => {
    expect(await h.act('demo-secretary-1', 'inbox', { unitId: 'c-dongxianmen', box: 'later' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    })
  })
})

describe('cases.workload', () => {
  it('should count the grids’ cases in the community secretary’s 待签收, 办理中 and 延期待审核', async () => {
    const before = await workload('demo-secretary-1')
    const gridBefore = await workload('demo-grid-1')
    await h.submitAs('demo-resident-2')
    const c = await signed()
    await h.act('demo-grid-1', 'requestExtension', { caseId: c.id, days: 3, reason: '需协调环卫车辆' })
    const after = await workload('demo-secretary-1')
    expect([
      after.to_sign - before.to_sign,
      after.processing - before.processing,
      after.extension - before.extension,
    ]).toEqual([1, 1, 1])
    const grid = await workload('demo-grid-1')
    expect([grid.to_sign - gridBefore.to_sign, grid.processing - gridBefore.processing, grid.extension]).toEqual([
      1, 1, 0,
    ])
  })

  it('should count a case past its deadline as 已超期', async () => {
    const before = await workload('demo-grid-1')
    await signed()
    h.env.clock.set(new Date('2026-12-30T02:00:00.000Z'))
    const after = await workload('demo-grid-1')
    expect(after.overdue - before.overdue).toBe(1)
  })

  it('should match a recount of the cases: one returned past its deadline, one waiting for an extension', async () => {
    await h.submitAs('demo-resident-2')
    const late = await signed()
    await h.act('demo-grid-1', 'returnCase', { caseId: late.id, reason: '不属于网格职责' })
    const asking = await signed()
    await h.act('demo-grid-1', 'requestExtension', { caseId: asking.id, days: 3, reason: '需协调环卫车辆' })
    h.env.clock.set(new Date('2026-12-30T02:00:00.000Z'))
    const at = h.env.clock.now().toISOString()
    const cases = (await h.env.docs<CaseDoc>('cases')).filter((c) => c.unitScope.includes(COMMUNITY))
    const n = (f: (c: CaseDoc) => boolean) => cases.filter(f).length
    expect(await workload('demo-secretary-1')).toEqual({
      to_sign: n((c) => c.status === 'pending_sign'),
      processing: n((c) => c.status === 'processing'),
      overdue: n(
        (c) =>
          (c.status === 'pending_sign' && c.ackDueAt < at) ||
          (['processing', 'returned'].includes(c.status) && c.handleDueAt < at),
      ),
      extension: n(
        (c) => c.status === 'processing' && c.extension?.status === 'requested' && c.handlingUnitId !== COMMUNITY,
      ),
    })
    const { extension, overdue } = await workload('demo-secretary-1')
    expect([extension, overdue >= 2]).toEqual([1, true])
  })

  it('should refuse a resident with FORBIDDEN', async () => {
    expect(await h.act('demo-resident-1', 'workload')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
