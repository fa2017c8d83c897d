import type { NoticeSummary } from '../../types/notices'
import { draft, noticesHarness, type NoticesHarness } from './test-helpers'

type List = { items: NoticeSummary[]; unread: number }

describe('notices for residents (list, home, get, acknowledge)', () => {
  let h: NoticesHarness
  beforeEach(async () => {
    h = await noticesHarness()
  })
  afterEach(() => h.env.close())

  it('should list a notice to my grid as unread, and never show it to a resident of another grid', async () => {
    const n = await h.publish('demo-secretary-1')
    const mine = await h.act<List>('demo-resident-1', 'list')
    expect(mine.ok && mine.data).toMatchObject({
      unread: 1,
      items: [{ id: n.id, read: false, unitName: '东县门社区' }],
    })
    const other = await h.act<List>('demo-resident-2', 'list')
    expect(other.ok && other.data).toEqual({ items: [], unread: 0 })
    const opened = await h.open('demo-resident-2', n.id)
    expect(opened.ok || opened.error.code).toBe('NOT_FOUND')
  })

  it('should mark read at server time on opening, once', async () => {
    const n = await h.publish('demo-secretary-1')
    h.env.clock.set('2026-11-22T03:00:00.000Z')
    const first = await h.open('demo-resident-1', n.id)
    expect(first.ok && first.data).toMatchObject({
      read: true,
      readAt: '2026-11-22T03:00:00.000Z',
      body: expect.stringContaining('停水'),
    })
    h.env.clock.set('2026-11-22T04:00:00.000Z')
    const again = await h.open('demo-resident-1', n.id)
    expect(again.ok && again.data.readAt).toBe('2026-11-22T03:00:00.000Z')
    const list = await h.act<List>('demo-resident-1', 'list')
    expect(list.ok && list.data.unread).toBe(0)
  })

  it('should record 我已知晓 where asked and refuse it where not', async () => {
    const asks = await h.publish('demo-secretary-1', { ackRequired: true, ackDeadline: '2026-11-24T18:00:00+08:00' })
    const res = await h.act('demo-resident-1', 'acknowledge', { noticeId: asks.id })
    expect(res.ok && res.data).toMatchObject({
      acknowledged: true,
      read: true,
      acknowledgedAt: '2026-11-22T02:00:00.000Z',
    })
    const plain = await h.publish('demo-secretary-1', { title: '社区议事会通知' })
    const refused = await h.act('demo-resident-1', 'acknowledge', { noticeId: plain.id })
    expect(refused.ok || refused.error.code).toBe('BAD_REQUEST')
    const stranger = await h.act('demo-resident-2', 'acknowledge', { noticeId: asks.id })
    expect(stranger.ok || stranger.error.code).toBe('NOT_FOUND')
    const anonymous = await h.env.call(null, 'notices', { action: 'acknowledge', noticeId: asks.id })
    expect(anonymous.ok || anonymous.error.code).toBe('UNAUTHORIZED')
  })

  it('should put pinned notices first and expired ones in the archive', async () => {
    const old = await h.publish('demo-secretary-1', {
      title: '置顶：防汛值班表',
      pinnedUntil: '2026-11-30T00:00:00+08:00',
    })
    h.env.clock.set('2026-11-22T03:00:00.000Z')
    const newer = await h.publish('demo-secretary-1', {
      title: '燃气安全检查',
      category: 'gas',
      expiresAt: '2026-11-23T00:00:00+08:00',
    })
    const now = await h.act<List>('demo-resident-1', 'list')
    expect(now.ok && now.data.items.map((i) => i.id)).toEqual([old.id, newer.id])
    h.env.clock.set('2026-11-23T01:00:00.000Z')
    const later = await h.act<List>('demo-resident-1', 'list')
    expect(later.ok && later.data.items.map((i) => i.id)).toEqual([old.id])
    const archive = await h.act<List>('demo-resident-1', 'list', { archive: true })
    expect(archive.ok && archive.data.items.map((i) => [i.id, i.expired])).toEqual([[newer.id, true]])
  })

  it('should show a 紧急 notice in effect on 首页 with the unread count', async () => {
    const urgent = await h.env.call(
      'demo-secretary-1',
      'notices',
      draft({ priority: 'urgent', title: '紧急停气通知', category: 'gas' }),
    )
    const id = urgent.ok ? urgent.data.id : ''
    await h.act('demo-secretary-1', 'publish', { noticeId: id })
    await h.act('demo-street-1', 'approve', { noticeId: id })
    const home = await h.act<{ unread: number; urgent: NoticeSummary | null }>('demo-resident-1', 'home')
    expect(home.ok && home.data).toMatchObject({ unread: 1, urgent: { id, title: '紧急停气通知' } })
    const bad = await h.act('demo-resident-1', 'list', { limit: 0 })
    expect(bad.ok || bad.error.code).toBe('BAD_REQUEST')
  })

  it('should let a resident who moved away keep the receipt they had', async () => {
    const n = await h.publish('demo-secretary-1')
    await h.env.rt.db.collection('users').doc('demo-resident-1').update({ address: null, communityId: 'c-xiamaling' })
    const list = await h.act<List>('demo-resident-1', 'list')
    expect(list.ok && list.data.items.map((i) => i.id)).toEqual([n.id])
    expect((await h.open('demo-resident-1', n.id)).ok).toBe(true)
  })
})
