import { DEMO_PLACES } from '../../demo/places'
import { saveUpload } from '../core/photos'
import { NOTICE_COLLECTIONS } from './collections'
import { C, draft, G1, G2, noticesHarness, STREET, type NoticesHarness } from './test-helpers'

describe('notices.create', () => {
  let h: NoticesHarness
  beforeEach(async () => {
    h = await noticesHarness()
  })
  afterEach(() => h.env.close())

  it('should let the community secretary save a draft to one grid, with nothing sent yet', async () => {
    const res = await h.env.call(
      'demo-secretary-1',
      'notices',
      draft({ ackRequired: true, ackDeadline: '2026-11-24T18:00:00+08:00' }),
    )
    expect(res.ok && res.data).toMatchObject({
      status: 'draft',
      unitName: '东县门社区',
      audience: { unitIds: [G1], unitNames: ['东县门社区第一网格'] },
      can: ['edit', 'publish'],
    })
    expect(await h.env.docs(NOTICE_COLLECTIONS.receipts)).toHaveLength(0)
  })

  it('should let a grid worker write to their own grid and refuse the neighbouring grid', async () => {
    expect((await h.env.call('demo-grid-1', 'notices', draft({ unitId: G1, audience: { unitIds: [G1] } }))).ok).toBe(
      true,
    )
    const res = await h.env.call('demo-grid-1', 'notices', draft({ unitId: G1, audience: { unitIds: [G2] } }))
    expect(res.ok || res.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('第二网格') })
    const asCommunity = await h.env.call('demo-grid-1', 'notices', draft({ unitId: C }))
    expect(asCommunity.ok || asCommunity.error.code).toBe('FORBIDDEN')
  })

  it('should refuse residents and department handlers', async () => {
    for (const openid of ['demo-resident-1', 'demo-dept-1']) {
      const res = await h.env.call(openid, 'notices', draft())
      expect(res.ok || res.error.code).toBe('FORBIDDEN')
    }
    expect(await h.env.docs(NOTICE_COLLECTIONS.notices)).toHaveLength(0)
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['a summary over 20 characters', { summary: '因管网维修二十五日全天停水请大家提前做好储水准备' }, 'summary'],
    ['a schedule in the past', { publishAt: '2026-11-21T08:00:00+08:00' }, 'publishAt'],
    [
      'an expiry before publication',
      { publishAt: '2026-11-25T08:00:00+08:00', expiresAt: '2026-11-24T08:00:00+08:00' },
      'expiresAt',
    ],
    [
      'a 30 MB attachment',
      { attachments: [{ fileId: 'local:x.pdf', name: '停水范围.pdf', sizeBytes: 30 * 1024 * 1024 }] },
      'attachments',
    ],
    [
      'an attachment that is not a PDF',
      { attachments: [{ fileId: 'local:x.doc', name: '停水范围.doc', sizeBytes: 1000 }] },
      'attachments',
    ],
    ['an unknown unit', { audience: { unitIds: ['g-nowhere'] } }, 'audience'],
    ['an unknown category', { category: 'gossip' }, 'category'],
    ['content that fails the check', { body: '扫码参与六合彩，稳赚不赔' }, 'body'],
    ['a link to an event that does not exist', { eventId: 'e-nope' }, 'eventId'],
  ])('should refuse %s with a Chinese message and write nothing', async (_name, over, field) => {
    const res = await h.env.call('demo-secretary-1', 'notices', draft(over))
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.code).toBe('BAD_REQUEST')
    expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(JSON.stringify(res.error.issues ?? [])).toContain(field)
    expect(await h.env.docs(NOTICE_COLLECTIONS.notices)).toHaveLength(0)
  })

  it('should accept a link to an existing event', async () => {
    await h.env.rt.db.collection('events').doc('e-bandeng').set({ title: '板凳会', status: 'published' })
    const res = await h.env.call('demo-secretary-1', 'notices', draft({ eventId: 'e-bandeng', category: 'activity' }))
    expect(res.ok && res.data.eventId).toBe('e-bandeng')
  })

  it('should refuse a link to a cancelled event', async () => {
    await h.env.rt.db.collection('events').doc('e-bandeng').set({ title: '板凳会', status: 'cancelled' })
    const res = await h.env.call('demo-secretary-1', 'notices', draft({ eventId: 'e-bandeng', category: 'activity' }))
    expect(res.ok || res.error).toMatchObject({ code: 'BAD_REQUEST', message: '活动“板凳会”已取消，不能关联' })
    expect(await h.env.docs(NOTICE_COLLECTIONS.notices)).toHaveLength(0)
  })

  it('should keep a schedule, expiry, pin, acknowledgement deadline and a PDF the secretary uploaded', async () => {
    const fileId = await saveUpload(h.env.rt, 'range.pdf', Buffer.from('%PDF-1.7\n'), 'demo-secretary-1')
    const times = {
      publishAt: '2026-11-23T08:00:00+08:00',
      expiresAt: '2026-11-26T18:00:00+08:00',
      pinnedUntil: '2026-11-25T18:00:00+08:00',
      ackRequired: true,
      ackDeadline: '2026-11-24T20:00:00+08:00',
    }
    const res = await h.env.call(
      'demo-secretary-1',
      'notices',
      draft({ ...times, attachments: [{ fileId, name: '停水范围.pdf', sizeBytes: 9 }] }),
    )
    expect(res.ok && res.data).toMatchObject({
      publishAt: '2026-11-23T00:00:00.000Z',
      expiresAt: '2026-11-26T10:00:00.000Z',
      pinnedUntil: '2026-11-25T10:00:00.000Z',
      ackDeadline: '2026-11-24T12:00:00.000Z',
      attachments: [{ fileId, name: '停水范围.pdf', sizeBytes: 9 }],
    })
  })

  it('should refuse a PDF someone else uploaded', async () => {
    const fileId = await saveUpload(h.env.rt, 'range.pdf', Buffer.from('%PDF-1.7\n'), 'demo-grid-1')
    const res = await h.env.call(
      'demo-secretary-1',
      'notices',
      draft({ attachments: [{ fileId, name: '停水范围.pdf', sizeBytes: 9 }] }),
    )
    expect(res.ok || res.error).toMatchObject({ code: 'BAD_REQUEST', message: '附件无效，请重新上传' })
  })

  it('should refuse a street-level audience from a community secretary', async () => {
    const res = await h.env.call('demo-secretary-1', 'notices', draft({ audience: { unitIds: [STREET] } }))
    expect(res.ok || res.error.code).toBe('FORBIDDEN')
  })
})

describe('notices.countRecipients', () => {
  let h: NoticesHarness
  beforeEach(async () => {
    h = await noticesHarness()
  })
  afterEach(() => h.env.close())

  it('should count each resident once when a community and its grid are both chosen', async () => {
    const grid = await h.act('demo-secretary-1', 'countRecipients', { unitId: C, unitIds: [G1] })
    const both = await h.act('demo-secretary-1', 'countRecipients', { unitId: C, unitIds: [G1, C] })
    const community = await h.act<{ count: number }>('demo-secretary-1', 'countRecipients', { unitId: C, unitIds: [C] })
    expect(grid.ok && grid.data).toEqual({ count: 2 })
    expect(both.ok && community.ok && both.data).toEqual(community.ok && community.data)
    expect(community.ok && community.data.count).toBe(8)
  })

  it.each<[string, string, number]>([
    ['everyone', 'all', 2],
    ['党员', 'party_members', 1],
    ['楼栋长', 'building_heads', 1],
    ['志愿者', 'volunteers', 1],
  ])('should count %s of one 楼栋', async (_who, filter, expected) => {
    const res = await h.act<{ count: number }>('demo-secretary-1', 'countRecipients', {
      unitId: C,
      unitIds: [DEMO_PLACES.building],
      filter,
    })
    expect(res.ok && res.data.count).toBe(expected)
  })

  it('should count only volunteers with the volunteer filter', async () => {
    const res = await h.act('demo-secretary-1', 'countRecipients', { unitId: C, unitIds: [C], filter: 'volunteers' })
    expect(res.ok && res.data).toEqual({ count: 1 })
  })

  it('should refuse an empty audience and a resident', async () => {
    const empty = await h.act('demo-secretary-1', 'countRecipients', { unitId: C, unitIds: [] })
    expect(empty.ok || empty.error.code).toBe('BAD_REQUEST')
    const resident = await h.act('demo-resident-1', 'countRecipients', { unitId: C, unitIds: [C] })
    expect(resident.ok || resident.error.code).toBe('FORBIDDEN')
  })
})
