import { COLLECTIONS } from '../core/collections'
import { drainOutbox, notify } from '../core/outbox'
import { createTestEnv, type TestEnv } from '../core/testing'

describe('users function', () => {
  let env: TestEnv
  beforeEach(async () => {
    env = await createTestEnv({ seed: 'base' })
  })
  afterEach(() => env.close())

  // Loosely typed on purpose: the harness already checks every answer against the contract.
  const users = (openid: string | null, event: Record<string, unknown>): Promise<any> =>
    env.call(openid, 'users', event)
  const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'OK' : res.error!.code)
  const snapshot = async (...collections: string[]) =>
    JSON.stringify(await Promise.all(collections.map((c) => env.docs(c))))

  describe('me', () => {
    it('should create a first-time caller as a resident with no community', async () => {
      const res = await users('wx-new-1', { action: 'me' })
      expect(res).toMatchObject({ ok: true, data: { openid: 'wx-new-1', name: null, community: null, roles: [] } })
      expect(await env.docs(COLLECTIONS.users, { _id: 'wx-new-1' })).toHaveLength(1)
    })
    it('should show a staff member their roles with unit names', async () => {
      const res = await users('demo-secretary-1', { action: 'me' })
      expect(res.data.roles).toContainEqual({
        role: 'community_secretary',
        unitId: 'c-dongxianmen',
        unitName: '东县门社区',
        unitKind: 'community',
      })
      expect(res.data.community).toMatchObject({ name: '东县门社区', streetName: '柏树林街道', districtName: '碑林区' })
    })
    it('should refuse an anonymous caller', async () => {
      expect(codeOf(await users(null, { action: 'me' }))).toBe('UNAUTHORIZED')
    })
    it('should reject a non-object input', async () => {
      expect(codeOf(await env.call('demo-resident-1', 'users', 'me'))).toBe('BAD_REQUEST')
    })
  })

  describe('updateProfile', () => {
    it('should save a valid name and phone', async () => {
      const res = await users('demo-resident-2', { action: 'updateProfile', name: ' 李建华 ', phone: '13700001111' })
      expect(res.data).toMatchObject({ name: '李建华', phone: '13700001111' })
      expect((await env.docs<any>(COLLECTIONS.users, { _id: 'demo-resident-2' }))[0]).toMatchObject({
        name: '李建华',
        phone: '13700001111',
      })
    })
    it('should reject a bad phone and change nothing', async () => {
      const before = await snapshot(COLLECTIONS.users)
      const res = await users('demo-resident-2', { action: 'updateProfile', name: '李建华', phone: '12345' })
      expect(codeOf(res)).toBe('BAD_REQUEST')
      expect(res.error.issues).toEqual([{ path: ['phone'], message: '请填写 11 位手机号码' }])
      expect(await snapshot(COLLECTIONS.users)).toBe(before)
    })
    it('should refuse an anonymous caller', async () => {
      expect(codeOf(await users(null, { action: 'updateProfile', name: '李建华' }))).toBe('UNAUTHORIZED')
    })
  })

  describe('bindCommunity', () => {
    it('should bind a chosen community', async () => {
      const res = await users('wx-new-2', { action: 'bindCommunity', communityId: 'c-huaqing' })
      expect(res.data).toEqual({
        community: {
          id: 'c-huaqing',
          name: '华清社区',
          streetId: 's-lishan',
          streetName: '骊山街道',
          districtId: 'd-lintong',
          districtName: '临潼区',
        },
        distanceMeters: null,
      })
    })
    it('should locate the nearest community to a point', async () => {
      // A few hundred metres from 东县门社区's centre.
      const res = await users('wx-new-3', { action: 'bindCommunity', locate: { lng: 108.9601, lat: 34.259 } })
      expect(res.data.community.id).toBe('c-dongxianmen')
      expect(res.data.distanceMeters).toBeGreaterThan(50)
      expect(res.data.distanceMeters).toBeLessThan(300)
      expect((await env.docs<any>(COLLECTIONS.users, { _id: 'wx-new-3' }))[0].communityId).toBe('c-dongxianmen')
    })
    it('should reject a unit that is not a community and change nothing', async () => {
      const before = await snapshot(COLLECTIONS.users)
      expect(codeOf(await users('demo-resident-1', { action: 'bindCommunity', communityId: 's-baishulin' }))).toBe(
        'NOT_FOUND',
      )
      expect(codeOf(await users('demo-resident-1', { action: 'bindCommunity', locate: { lng: 500, lat: 34 } }))).toBe(
        'BAD_REQUEST',
      )
      expect(await snapshot(COLLECTIONS.users)).toBe(before)
    })
    it('should refuse an anonymous caller', async () => {
      expect(codeOf(await users(null, { action: 'bindCommunity', communityId: 'c-huaqing' }))).toBe('UNAUTHORIZED')
    })
  })

  describe('orgTree', () => {
    it('should list units under a parent for anyone', async () => {
      const res = await users(null, { action: 'orgTree', parentId: 'd-gaoling', kinds: ['street'] })
      expect(res.data.units.map((u: { name: string }) => u.name)).toEqual(['鹿苑街道', '姬家街道'])
    })
    it('should list every community of the demo with its centre', async () => {
      const res = await users(null, { action: 'orgTree', kinds: ['community'] })
      expect(res.data.units.length).toBeGreaterThanOrEqual(10)
      for (const unit of res.data.units)
        expect(unit.center).toEqual({ lng: expect.any(Number), lat: expect.any(Number) })
    })
    it('should reject an unknown unit kind', async () => {
      const res = await users(null, { action: 'orgTree', kinds: ['planet'] })
      expect(codeOf(res)).toBe('BAD_REQUEST')
      expect(res.error.issues[0].path).toEqual(['kinds', 0])
    })
  })

  describe('volunteer applications', () => {
    const apply = () =>
      users('demo-resident-1', { action: 'applyVolunteer', skills: ['理发'], note: '退休党员，周末有空' })

    it('should take an application and refuse a second pending one', async () => {
      expect((await users('demo-resident-1', { action: 'me' })).data.volunteerPending).toBe(false)
      const res = await apply()
      expect(res).toEqual({ ok: true, data: { id: expect.any(String), status: 'pending' } })
      expect(codeOf(await apply())).toBe('CONFLICT')
      // 我的 says the application is 审核中 rather than offering the form again.
      expect((await users('demo-resident-1', { action: 'me' })).data.volunteerPending).toBe(true)
    })
    it('should reject a too-long note and write nothing', async () => {
      const res = await users('demo-resident-1', { action: 'applyVolunteer', note: '很'.repeat(201) })
      expect(codeOf(res)).toBe('BAD_REQUEST')
      expect(await env.docs(COLLECTIONS.volunteerApplications)).toHaveLength(0)
    })
    it('should refuse a risky note', async () => {
      const res = await users('demo-resident-1', { action: 'applyVolunteer', note: '欢迎来网赌' })
      expect(res.ok || res.error.issues[0].path).toEqual(['note'])
      expect(await env.docs(COLLECTIONS.volunteerApplications)).toHaveLength(0)
    })
    it('should refuse an anonymous applicant', async () => {
      expect(codeOf(await users(null, { action: 'applyVolunteer' }))).toBe('UNAUTHORIZED')
    })

    it('should show the reviewing staff whom they approve: full name and phone, and no openid anywhere', async () => {
      await apply()
      const res = await users('demo-secretary-1', {
        action: 'listVolunteerApplications',
        communityId: 'c-dongxianmen',
        status: 'pending',
      })
      expect(res.data.items).toEqual([
        expect.objectContaining({
          applicantName: '王秀兰',
          applicantPhone: '13991230001',
          isPartyMember: false,
          skills: ['理发'],
        }),
      ])
      expect(JSON.stringify(res.data)).not.toContain('demo-resident-1')
      const reviewed = await users('demo-secretary-1', {
        action: 'reviewVolunteer',
        applicationId: res.data.items[0].id,
        decision: 'approve',
      })
      expect(JSON.stringify(reviewed)).not.toContain('demo-resident-1')
    })
    it('should mark 党员 by the verified 双报到, not by what the applicant says', async () => {
      await users('demo-resident-1', { action: 'applyVolunteer', isPartyMember: true, note: '我是党员' })
      const list = async () =>
        (await users('demo-secretary-1', { action: 'listVolunteerApplications', communityId: 'c-dongxianmen' })).data
          .items[0].isPartyMember
      expect(await list()).toBe(false)
      await env.rt.db.collection(COLLECTIONS.users).doc('demo-resident-1').update({ partyMember: true })
      expect(await list()).toBe(true)
    })
    it('should reject a list without a community', async () => {
      expect(codeOf(await users('demo-secretary-1', { action: 'listVolunteerApplications' }))).toBe('BAD_REQUEST')
    })
    it('should refuse the list to a resident and to staff of another community', async () => {
      expect(
        codeOf(await users('demo-resident-2', { action: 'listVolunteerApplications', communityId: 'c-dongxianmen' })),
      ).toBe('FORBIDDEN')
      expect(
        codeOf(await users('demo-secretary-1', { action: 'listVolunteerApplications', communityId: 'c-xiamaling' })),
      ).toBe('FORBIDDEN')
    })

    it('should approve: the applicant becomes a volunteer and is told in the inbox', async () => {
      const { id } = (await apply()).data
      const res = await users('demo-secretary-1', { action: 'reviewVolunteer', applicationId: id, decision: 'approve' })
      expect(res).toEqual({ ok: true, data: { id, status: 'approved' } })
      const me = await users('demo-resident-1', { action: 'me' })
      expect(me.data.roles).toContainEqual(expect.objectContaining({ role: 'volunteer', unitId: 'c-dongxianmen' }))
      expect(me.data.volunteerPending).toBe(false)
      await drainOutbox(env.rt)
      const inbox = await users('demo-resident-1', { action: 'inbox' })
      expect(inbox.data.items[0]).toMatchObject({ title: '志愿者申请已通过', read: false })
      expect(
        codeOf(await users('demo-secretary-1', { action: 'reviewVolunteer', applicationId: id, decision: 'reject' })),
      ).toBe('CONFLICT')
    })
    it('should reject a review with an unknown decision and change nothing', async () => {
      const { id } = (await apply()).data
      const before = await snapshot(COLLECTIONS.volunteerApplications, COLLECTIONS.roleAssignments, COLLECTIONS.outbox)
      const res = await users('demo-secretary-1', { action: 'reviewVolunteer', applicationId: id, decision: 'maybe' })
      expect(codeOf(res)).toBe('BAD_REQUEST')
      expect(await snapshot(COLLECTIONS.volunteerApplications, COLLECTIONS.roleAssignments, COLLECTIONS.outbox)).toBe(
        before,
      )
    })
    it('should refuse a review by a volunteer', async () => {
      const { id } = (await apply()).data
      const res = await users('demo-volunteer-1', { action: 'reviewVolunteer', applicationId: id, decision: 'approve' })
      expect(codeOf(res)).toBe('FORBIDDEN')
      expect(await env.docs(COLLECTIONS.roleAssignments, { openid: 'demo-resident-1' })).toHaveLength(0)
    })
  })

  describe('recordSubscription and reminders', () => {
    // The local runtime's stand-in templates (demoTemplateMap): one per message kind.
    const T1 = 'demo-caseAccepted'
    const T2 = 'demo-caseProgress'
    it('should add one grant per accept and clear them on ban', async () => {
      await users('demo-resident-1', { action: 'recordSubscription', results: { [T1]: 'accept', [T2]: 'reject' } })
      const res = await users('demo-resident-1', { action: 'recordSubscription', results: { [T1]: 'accept' } })
      expect(res.data.grants).toEqual([{ templateId: T1, remaining: 2 }])
      const banned = await users('demo-resident-1', { action: 'recordSubscription', results: { [T1]: 'ban' } })
      expect(banned.data.grants).toEqual([{ templateId: T1, remaining: 0 }])
    })
    it('should reject more than three templates, an unknown result or a template that is not ours, changing nothing', async () => {
      const four = { [T1]: 'accept', [T2]: 'accept', 'demo-caseResolved': 'accept', 'demo-wishStatus': 'accept' }
      expect(codeOf(await users('demo-resident-1', { action: 'recordSubscription', results: four }))).toBe(
        'BAD_REQUEST',
      )
      expect(codeOf(await users('demo-resident-1', { action: 'recordSubscription', results: { [T1]: 'yes' } }))).toBe(
        'BAD_REQUEST',
      )
      expect(
        codeOf(
          await users('demo-resident-1', { action: 'recordSubscription', results: { 'someone-elses': 'accept' } }),
        ),
      ).toBe('BAD_REQUEST')
      expect(await env.docs(COLLECTIONS.subscriptions)).toHaveLength(0)
    })
    it('should refuse an anonymous caller', async () => {
      expect(codeOf(await users(null, { action: 'recordSubscription', results: { [T1]: 'accept' } }))).toBe(
        'UNAUTHORIZED',
      )
      expect(codeOf(await users(null, { action: 'reminders' }))).toBe('UNAUTHORIZED')
    })
    it('should list every message kind with its template, the grants left and the last choice', async () => {
      await users('demo-resident-1', { action: 'recordSubscription', results: { [T1]: 'accept', [T2]: 'ban' } })
      const res = await users('demo-resident-1', { action: 'reminders' })
      const byKind = Object.fromEntries(res.data.items.map((i: { kind: string }) => [i.kind, i]))
      expect(byKind.caseAccepted).toEqual({
        kind: 'caseAccepted',
        label: '诉求受理',
        ask: 'case',
        templateId: T1,
        remaining: 1,
        lastResult: 'accept',
      })
      expect(byKind.caseProgress).toMatchObject({ remaining: 0, lastResult: 'ban' })
      expect(byKind.wishStatus).toMatchObject({ remaining: 0, lastResult: null })
      const other = await users('demo-resident-2', { action: 'reminders' })
      expect(other.data.items.every((i: { remaining: number }) => i.remaining === 0)).toBe(true)
    })
  })

  describe('inbox and markRead', () => {
    beforeEach(async () => {
      for (let i = 1; i <= 3; i++) {
        await notify(
          env.rt.db,
          { dedupeKey: `n${i}`, openid: 'demo-resident-1', title: `通知${i}`, body: '内容' },
          env.clock.now(),
        )
        env.clock.advance(60_000)
      }
      await notify(
        env.rt.db,
        { dedupeKey: 'other', openid: 'demo-resident-2', title: '别人的通知', body: '内容' },
        env.clock.now(),
      )
      await drainOutbox(env.rt)
    })

    it('should page my messages newest first with the unread count', async () => {
      const res = await users('demo-resident-1', { action: 'inbox', page: 1, pageSize: 2 })
      expect(res.data).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 2 })
      expect(res.data.items.map((i: { title: string }) => i.title)).toEqual(['通知3', '通知2'])
      const second = await users('demo-resident-1', { action: 'inbox', page: 2, pageSize: 2 })
      expect(second.data.items.map((i: { title: string }) => i.title)).toEqual(['通知1'])
    })
    it('should count every message and the unread ones on a page that does not hold them all', async () => {
      await users('demo-resident-1', { action: 'markRead', ids: ['n3'] })
      const first = await users('demo-resident-1', { action: 'inbox', page: 1, pageSize: 1 })
      expect(first.data).toMatchObject({ total: 3, unread: 2, hasMore: true })
      const last = await users('demo-resident-1', { action: 'inbox', page: 2, pageSize: 2 })
      expect(last.data).toMatchObject({ total: 3, unread: 2, hasMore: false })
      const past = await users('demo-resident-1', { action: 'inbox', page: 5, pageSize: 2 })
      expect(past.data).toMatchObject({ items: [], total: 3, unread: 2, hasMore: false })
    })
    it('should mark chosen messages read, and only my own', async () => {
      const res = await users('demo-resident-1', { action: 'markRead', ids: ['n1', 'other'] })
      expect(res).toEqual({ ok: true, data: { updated: 1 } })
      expect((await users('demo-resident-1', { action: 'inbox' })).data.unread).toBe(2)
      expect((await users('demo-resident-2', { action: 'inbox' })).data.unread).toBe(1)
      await users('demo-resident-1', { action: 'markRead', all: true })
      expect((await users('demo-resident-1', { action: 'inbox' })).data.unread).toBe(0)
    })
    it('should reject a bad page or an empty id list, changing nothing', async () => {
      expect(codeOf(await users('demo-resident-1', { action: 'inbox', page: 0 }))).toBe('BAD_REQUEST')
      expect(codeOf(await users('demo-resident-1', { action: 'inbox', pageSize: 500 }))).toBe('BAD_REQUEST')
      expect(codeOf(await users('demo-resident-1', { action: 'markRead', ids: [] }))).toBe('BAD_REQUEST')
      expect((await users('demo-resident-1', { action: 'inbox' })).data.unread).toBe(3)
    })
    it('should refuse an anonymous caller', async () => {
      expect(codeOf(await users(null, { action: 'inbox' }))).toBe('UNAUTHORIZED')
      expect(codeOf(await users(null, { action: 'markRead', all: true }))).toBe('UNAUTHORIZED')
    })
  })
})
