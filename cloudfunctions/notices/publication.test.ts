import { drainOutbox } from '../core/outbox'
import { NOTICE_COLLECTIONS } from './collections'
import { noticeSweep } from './publication'
import { C, draft, G1, G2, noticesHarness, STREET, type NoticesHarness } from './test-helpers'

describe('notices.publish', () => {
  let h: NoticesHarness
  beforeEach(async () => {
    h = await noticesHarness()
  })
  afterEach(() => h.env.close())

  it('should write one receipt and one outbox record per resident of the grid', async () => {
    const n = await h.publish('demo-secretary-1')
    expect(n).toMatchObject({ status: 'published', recipientCount: 2 })
    expect((await h.receipts(n.id)).map((r) => r.openid).sort()).toEqual(['demo-resident-1', 'demo-volunteer-1'])
    const outbox = await h.env.docs<{ openid: string; dedupeKey: string; template: unknown }>('outbox', {
      openid: 'demo-resident-1',
    })
    expect(outbox.filter((o) => o.dedupeKey.startsWith(`notice:${n.id}`))).toHaveLength(1)
  })

  describe('at 23:00 Shanghai (quiet hours)', () => {
    const grant = (openid: string) =>
      h.env.rt.db
        .collection('subscriptions')
        .doc(`${openid}:demo-noticeUrgent`)
        .set({ openid, templateId: 'demo-noticeUrgent', remaining: 1, accepted: 1, rejected: 0, updatedAt: '' })
    const pushed = async () => (await h.env.docs<{ touser: string }>('dev_messages')).map((m) => m.touser)
    const inbox = async (openid: string) =>
      (await h.env.docs<{ title: string }>('inbox', { openid })).map((m) => m.title)

    it('should put a 重要 notice in the inbox at once and hold its push until 07:00', async () => {
      h.env.clock.set('2026-11-22T15:00:00.000Z')
      await grant('demo-resident-1')
      await h.publish('demo-secretary-1', { priority: 'important' })
      await drainOutbox(h.env.rt)
      expect(await inbox('demo-resident-1')).toEqual(['社区通知：东县门社区停水通知'])
      expect(await pushed()).toEqual([])
      h.env.clock.set('2026-11-22T23:00:00.000Z')
      await drainOutbox(h.env.rt)
      expect(await pushed()).toEqual(['demo-resident-1'])
    })

    it('should push a 紧急 notice the moment it is approved', async () => {
      h.env.clock.set('2026-11-22T15:00:00.000Z')
      await grant('demo-resident-1')
      const created = await h.env.call('demo-secretary-1', 'notices', draft({ priority: 'urgent' }))
      const id = created.ok ? created.data.id : ''
      await h.act('demo-secretary-1', 'publish', { noticeId: id })
      await h.act('demo-street-1', 'approve', { noticeId: id })
      await drainOutbox(h.env.rt)
      expect(await pushed()).toEqual(['demo-resident-1'])
    })
  })

  it('should give one receipt and one message to a person found in two of the audience units', async () => {
    // An address that names both grids (an edit gone wrong): read from G1 and again from G2.
    await h.env.rt.db.collection('users').add({
      _id: 'demo-twice',
      name: '两处',
      phone: null,
      communityId: C,
      address: { communityId: C, gridId: G1, estateId: '', buildingId: '', unitIds: [C, G1, G2], room: '' },
      createdAt: '',
      updatedAt: '',
    })
    const n = await h.publish('demo-secretary-1', { audience: { unitIds: [G1, G2] } })
    expect(n.status).toBe('published')
    expect((await h.receipts(n.id)).filter((r) => r.openid === 'demo-twice')).toHaveLength(1)
    const outbox = await h.env.docs<{ dedupeKey: string }>('outbox', { openid: 'demo-twice' })
    expect(outbox.filter((o) => o.dedupeKey.startsWith(`notice:${n.id}`))).toHaveLength(1)
  })

  it('should send a subscribe message for a 重要 notice only to those holding a grant', async () => {
    await h.env.rt.db.collection('subscriptions').doc('demo-resident-1:demo-noticeUrgent').set({
      openid: 'demo-resident-1',
      templateId: 'demo-noticeUrgent',
      remaining: 1,
      accepted: 1,
      rejected: 0,
      updatedAt: '',
    })
    const n = await h.publish('demo-secretary-1', { priority: 'important' })
    const rs = await h.receipts(n.id)
    expect(Object.fromEntries(rs.map((r) => [r.openid, r.push]))).toEqual({
      'demo-resident-1': 'queued',
      'demo-volunteer-1': 'no_grant',
    })
    const outbox = await h.env.docs<{ openid: string; template: unknown; dedupeKey: string }>('outbox')
    const mine = outbox.filter((o) => o.dedupeKey.startsWith(`notice:${n.id}`))
    expect(mine.filter((o) => o.template).map((o) => o.openid)).toEqual(['demo-resident-1'])
  })

  it('should hold a 紧急 notice for a second person and let the street approve it, but not its author', async () => {
    const created = await h.env.call('demo-secretary-1', 'notices', draft({ priority: 'urgent' }))
    const id = created.ok ? created.data.id : ''
    const pending = await h.act('demo-secretary-1', 'publish', { noticeId: id })
    expect(pending.ok && pending.data).toMatchObject({ status: 'pending_approval', needsApproval: true })
    expect(await h.receipts(id)).toHaveLength(0)
    const self = await h.act('demo-secretary-1', 'approve', { noticeId: id })
    expect(self.ok || self.error.code).toBe('FORBIDDEN')
    const byResident = await h.act('demo-resident-1', 'approve', { noticeId: id })
    expect(byResident.ok || byResident.error.code).toBe('FORBIDDEN')
    const approved = await h.act('demo-street-1', 'approve', { noticeId: id })
    expect(approved.ok && approved.data.status).toBe('published')
    expect(await h.receipts(id)).toHaveLength(2)
  })

  it('should hold a street-wide notice for approval', async () => {
    const created = await h.env.call(
      'demo-street-1',
      'notices',
      draft({ unitId: STREET, audience: { unitIds: [STREET] } }),
    )
    const res = await h.act('demo-street-1', 'publish', { noticeId: created.ok ? created.data.id : '' })
    expect(res.ok && res.data.status).toBe('pending_approval')
  })

  it('should wait for a scheduled time and let the sweep publish it then', async () => {
    const n = await h.publish('demo-secretary-1', { publishAt: '2026-11-23T08:00:00+08:00' })
    expect(n.status).toBe('scheduled')
    await noticeSweep(h.env.rt)
    expect(await h.receipts(n.id)).toHaveLength(0)
    h.env.clock.set('2026-11-23T00:00:01.000Z')
    expect(await noticeSweep(h.env.rt)).toMatchObject({ started: 1 })
    expect(await h.receipts(n.id)).toHaveLength(2)
  })

  it('should refuse a schedule that passed while it was a draft, and a second publish', async () => {
    const created = await h.env.call('demo-secretary-1', 'notices', draft({ publishAt: '2026-11-22T12:00:00+08:00' }))
    h.env.clock.set('2026-11-22T05:00:00.000Z')
    const late = await h.act('demo-secretary-1', 'publish', { noticeId: created.ok ? created.data.id : '' })
    expect(late.ok || late.error).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('定时发布的时间已经过了'),
    })
    const n = await h.publish('demo-secretary-1')
    const again = await h.act('demo-secretary-1', 'publish', { noticeId: n.id })
    expect(again.ok || again.error.code).toBe('CONFLICT')
  })

  it('should refuse publishing by a grid worker of another unit and a bad id', async () => {
    const created = await h.env.call('demo-secretary-1', 'notices', draft({ audience: { unitIds: [C] } }))
    const res = await h.act('demo-grid-1', 'publish', { noticeId: created.ok ? created.data.id : '' })
    expect(res.ok || res.error.code).toBe('FORBIDDEN')
    const bad = await h.act('demo-secretary-1', 'publish', { noticeId: '' })
    expect(bad.ok || bad.error.code).toBe('BAD_REQUEST')
  })

  it('should stop a unit after ten notices in 24 hours', async () => {
    for (let i = 0; i < 10; i++) await h.publish('demo-grid-1', { unitId: G1, title: `通知${i}` })
    const created = await h.env.call('demo-grid-1', 'notices', draft({ unitId: G1 }))
    const res = await h.act('demo-grid-1', 'publish', { noticeId: created.ok ? created.data.id : '' })
    expect(res.ok || res.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('24 小时内') })
    h.env.clock.set('2026-11-23T02:00:01.000Z')
    expect((await h.act('demo-grid-1', 'publish', { noticeId: created.ok ? created.data.id : '' })).ok).toBe(true)
  })
})

describe('notices.edit and notices.withdraw', () => {
  let h: NoticesHarness
  beforeEach(async () => {
    h = await noticesHarness()
  })
  afterEach(() => h.env.close())

  const edited = {
    title: '东县门社区停水通知（更正）',
    body: '停水时间改为11月26日8:00至18:00。',
    summary: '改为26日停水',
  }
  const messagesTo = async (openid: string) =>
    (await h.env.docs<{ title: string }>('outbox', { openid })).map((o) => o.title)

  it('should tell readers again after a material change, and nobody after a typo fix', async () => {
    const n = await h.publish('demo-secretary-1')
    await h.open('demo-resident-1', n.id)
    const typo = await h.act('demo-secretary-1', 'edit', {
      noticeId: n.id,
      ...edited,
      title: '东县门社区停水通知。',
      material: false,
    })
    expect(typo.ok && typo.data.version).toBe(2)
    expect(await messagesTo('demo-resident-1')).not.toContain('通知已更新：东县门社区停水通知。')
    const material = await h.act('demo-secretary-1', 'edit', { noticeId: n.id, ...edited, material: true })
    expect(material.ok && material.data.versions.map((v) => v.material)).toEqual([false, true])
    expect(await messagesTo('demo-resident-1')).toContain(`通知已更新：${edited.title}`)
    expect(await messagesTo('demo-volunteer-1')).not.toContain(`通知已更新：${edited.title}`) // never opened it
    const list = await h.act<{ items: { title: string }[] }>('demo-resident-1', 'list')
    expect(list.ok && list.data.items[0]!.title).toBe(edited.title)
  })

  it('should refuse an edit without a title and an edit by a resident', async () => {
    const n = await h.publish('demo-secretary-1')
    const bad = await h.act('demo-secretary-1', 'edit', { noticeId: n.id, ...edited, title: '', material: true })
    expect(bad.ok || bad.error.code).toBe('BAD_REQUEST')
    const resident = await h.act('demo-resident-1', 'edit', { noticeId: n.id, ...edited, material: true })
    expect(resident.ok || resident.error.code).toBe('FORBIDDEN')
  })

  it('should withdraw with a reason, hide it from lists and tell those who opened it', async () => {
    const n = await h.publish('demo-secretary-1')
    await h.open('demo-resident-1', n.id)
    const res = await h.act('demo-secretary-1', 'withdraw', { noticeId: n.id, reason: '供水公司推迟施工' })
    expect(res.ok && res.data).toMatchObject({ status: 'withdrawn', withdrawnReason: '供水公司推迟施工', can: [] })
    expect(await messagesTo('demo-resident-1')).toContain('已撤回：供水公司推迟施工')
    expect(await messagesTo('demo-volunteer-1')).not.toContain('已撤回：供水公司推迟施工')
    const list = await h.act<{ items: unknown[] }>('demo-volunteer-1', 'list')
    expect(list.ok && list.data.items).toEqual([])
    const opened = await h.open('demo-resident-1', n.id)
    expect(opened.ok && opened.data).toMatchObject({ withdrawn: true, body: '', withdrawnReason: '供水公司推迟施工' })
  })

  it('should refuse a withdrawal without a reason, by a resident, or twice', async () => {
    const n = await h.publish('demo-secretary-1')
    const noReason = await h.act('demo-secretary-1', 'withdraw', { noticeId: n.id, reason: ' ' })
    expect(noReason.ok || noReason.error.code).toBe('BAD_REQUEST')
    const resident = await h.act('demo-resident-1', 'withdraw', { noticeId: n.id, reason: '错发' })
    expect(resident.ok || resident.error.code).toBe('FORBIDDEN')
    await h.act('demo-secretary-1', 'withdraw', { noticeId: n.id, reason: '错发' })
    const twice = await h.act('demo-secretary-1', 'withdraw', { noticeId: n.id, reason: '错发' })
    expect(twice.ok || twice.error.code).toBe('CONFLICT')
  })
})

describe('notices.addProgress', () => {
  let h: NoticesHarness
  beforeEach(async () => {
    h = await noticesHarness()
  })
  afterEach(() => h.env.close())

  it('should tell the followers of a 公示 of each progress update', async () => {
    const n = await h.publish('demo-secretary-1', {
      kind: 'publicity',
      category: 'project',
      title: '东县门街道路改造公示',
      summary: '道路改造工程公示',
    })
    const followed = await h.act<{ following: boolean }>('demo-resident-1', 'follow', {
      noticeId: n.id,
      following: true,
    })
    expect(followed.ok && followed.data.following).toBe(true)
    const res = await h.act('demo-secretary-1', 'addProgress', { noticeId: n.id, text: '管线迁改完成，开始路面施工' })
    expect(res.ok && res.data.progress.map((p) => p.text)).toEqual(['管线迁改完成，开始路面施工'])
    const titles = async (openid: string) =>
      (await h.env.docs<{ title: string }>('outbox', { openid })).map((o) => o.title)
    expect(await titles('demo-resident-1')).toContain('公示有新进展：东县门街道路改造公示')
    expect(await titles('demo-volunteer-1')).not.toContain('公示有新进展：东县门街道路改造公示')
  })

  it('should refuse progress on a plain notice, an empty text, and from a resident', async () => {
    const n = await h.publish('demo-secretary-1')
    const plain = await h.act('demo-secretary-1', 'addProgress', { noticeId: n.id, text: '进展' })
    expect(plain.ok || plain.error.code).toBe('BAD_REQUEST')
    const empty = await h.act('demo-secretary-1', 'addProgress', { noticeId: n.id, text: '' })
    expect(empty.ok || empty.error.code).toBe('BAD_REQUEST')
    const resident = await h.act('demo-resident-1', 'addProgress', { noticeId: n.id, text: '进展' })
    expect(resident.ok || resident.error.code).toBe('FORBIDDEN')
    expect((await h.env.docs(NOTICE_COLLECTIONS.notices))[0]).toMatchObject({ progress: [] })
  })
})
