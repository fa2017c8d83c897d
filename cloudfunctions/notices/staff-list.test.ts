import type { NoticeStaffView } from '../../types/notices'
import { C, draft, G1, G2, noticesHarness, type NoticesHarness } from './test-helpers'

describe('notices.staffList and notices.staffGet', () => {
  let h: NoticesHarness
  beforeEach(async () => {
    h = await noticesHarness()
  })
  afterEach(() => h.env.close())

  /** The ids of the notices listed, or the refusal's code. */
  const list = async (openid: string, input: Record<string, unknown>) => {
    const res = await h.act<{ items: NoticeStaffView[] }>(openid, 'staffList', input)
    return res.ok ? res.data.items.map((n) => n.id) : res.error.code
  }

  it("should show the secretary the community's notices with drafts, and the grid worker only those sent to the grid", async () => {
    const toG1 = await h.publish('demo-secretary-1')
    const toG2 = await h.publish('demo-secretary-1', { audience: { unitIds: [G2] } })
    const created = await h.env.call<NoticeStaffView>('demo-secretary-1', 'notices', draft())
    const draftId = created.ok ? created.data.id : ''
    expect(new Set(await list('demo-secretary-1', { unitId: C }))).toEqual(new Set([toG1.id, toG2.id, draftId]))
    expect(await list('demo-grid-1', { unitId: G1 })).toEqual([toG1.id])
  })

  it('should open a notice for the grid worker of a grid it went to, and refuse one sent elsewhere', async () => {
    const toG1 = await h.publish('demo-secretary-1')
    const toG2 = await h.publish('demo-secretary-1', { audience: { unitIds: [G2] } })
    const mine = await h.act('demo-grid-1', 'staffGet', { noticeId: toG1.id })
    expect(mine.ok && mine.data).toMatchObject({ id: toG1.id, createdByMe: false })
    const other = await h.act('demo-grid-1', 'staffGet', { noticeId: toG2.id })
    expect(other.ok || other.error.code).toBe('FORBIDDEN')
  })

  it('should refuse a resident, a grid worker asking for the community, and bad input', async () => {
    const n = await h.publish('demo-secretary-1')
    expect(await list('demo-resident-1', { unitId: G1 })).toBe('FORBIDDEN')
    const resident = await h.act('demo-resident-1', 'staffGet', { noticeId: n.id })
    expect(resident.ok || resident.error.code).toBe('FORBIDDEN')
    expect(await list('demo-grid-1', { unitId: C })).toBe('FORBIDDEN')
    expect(await list('demo-secretary-1', { unitId: C, limit: 0 })).toBe('BAD_REQUEST')
    const missing = await h.act('demo-secretary-1', 'staffGet', { noticeId: 'n-nope' })
    expect(missing.ok || missing.error.code).toBe('NOT_FOUND')
  })
})
