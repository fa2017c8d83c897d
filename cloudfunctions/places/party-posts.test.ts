import { DEMO_PLACES } from '../../demo'
import { COLLECTIONS } from '../core/collections'
import { personRef } from '../core/person-ref'
import { isPartyMember, PLACE_COLLECTIONS } from '../core/places'
import { codeOf, usePlacesEnv, OTHER_STAFF } from './test-helpers'

describe('places function: 双报到 and posts on places', () => {
  const t = usePlacesEnv()
  const { places, snapshot } = t
  const report = (openid: string) =>
    places(openid, {
      action: 'reportParty',
      workUnit: '西安市第一医院',
      partyOrg: '第一医院机关党支部',
      skills: ['义诊'],
    })

  describe('reportParty and myPartyReport', () => {
    it('should record a report for the community to verify and show it to its author', async () => {
      expect((await report('demo-resident-1')).data.report).toMatchObject({
        communityId: 'c-dongxianmen',
        status: 'pending',
        phone: '13991230001',
        skills: ['义诊'],
      })
      expect((await places('demo-resident-1', { action: 'myPartyReport' })).data.report).toMatchObject({
        workUnit: '西安市第一医院',
        status: 'pending',
      })
      expect(await isPartyMember(t.env().rt.db, 'demo-resident-1')).toBe(false)
    })
    it('should refuse a missing work unit, a caller without a community and a verified member', async () => {
      expect(
        codeOf(
          await places('demo-resident-1', { action: 'reportParty', workUnit: '', partyOrg: '第一医院机关党支部' }),
        ),
      ).toBe('BAD_REQUEST')
      expect(codeOf(await report('wx-new-1'))).toBe('BAD_REQUEST')
      expect(codeOf(await report('demo-volunteer-1'))).toBe('CONFLICT')
    })
    it('should refuse an anonymous caller', async () => {
      expect(codeOf(await report(null as unknown as string))).toBe('UNAUTHORIZED')
      expect(codeOf(await places(null, { action: 'myPartyReport' }))).toBe('UNAUTHORIZED')
    })
  })

  describe('partyReports and verifyParty', () => {
    /** The list the decision is made from: it hands out (and stores) the refs verifyParty takes back. */
    const listed = () => places('demo-secretary-1', { action: 'partyReports', communityId: 'c-dongxianmen' })
    it('should let the secretary verify a report, making 党员 a fact on the person, and tell them', async () => {
      await report('demo-resident-1')
      const list = await places('demo-secretary-1', {
        action: 'partyReports',
        communityId: 'c-dongxianmen',
        status: 'pending',
      })
      expect(list.data.items).toEqual([
        expect.objectContaining({ ref: personRef('demo-resident-1'), name: '王秀兰', phone: '139****0001' }),
      ])
      const res = await places('demo-secretary-1', {
        action: 'verifyParty',
        ref: personRef('demo-resident-1'),
        decision: 'verify',
      })
      expect(res.data.report).toMatchObject({ status: 'verified' })
      expect(await isPartyMember(t.env().rt.db, 'demo-resident-1')).toBe(true)
      expect(await t.env().docs(COLLECTIONS.outbox, { openid: 'demo-resident-1', title: '双报到已核实' })).toHaveLength(
        1,
      )
      expect(await t.env().call('demo-resident-1', 'users', { action: 'me' })).toMatchObject({
        ok: true,
        data: { partyMember: true },
      })
    })
    it('should reject with a reason, leave the person no 党员, and refuse deciding twice', async () => {
      await report('demo-resident-1')
      await listed()
      await places('demo-secretary-1', {
        action: 'verifyParty',
        ref: personRef('demo-resident-1'),
        decision: 'reject',
        reason: '组织关系不在该支部',
      })
      expect(await isPartyMember(t.env().rt.db, 'demo-resident-1')).toBe(false)
      expect(
        codeOf(
          await places('demo-secretary-1', {
            action: 'verifyParty',
            ref: personRef('demo-resident-1'),
            decision: 'verify',
          }),
        ),
      ).toBe('CONFLICT')
    })
    it('should refuse a bad decision and an unknown report', async () => {
      expect(
        codeOf(
          await places('demo-secretary-1', {
            action: 'verifyParty',
            ref: personRef('demo-resident-1'),
            decision: 'maybe',
          }),
        ),
      ).toBe('BAD_REQUEST')
      expect(
        codeOf(
          await places('demo-secretary-1', {
            action: 'verifyParty',
            ref: personRef('demo-resident-1'),
            decision: 'verify',
          }),
        ),
      ).toBe('NOT_FOUND')
    })
    it('should refuse a resident and staff of another community, changing nothing', async () => {
      await report('demo-resident-1')
      await listed()
      const before = await snapshot(PLACE_COLLECTIONS.partyMembers, COLLECTIONS.users)
      expect(
        codeOf(
          await places('demo-resident-2', {
            action: 'verifyParty',
            ref: personRef('demo-resident-1'),
            decision: 'verify',
          }),
        ),
      ).toBe('FORBIDDEN')
      expect(
        codeOf(
          await places(OTHER_STAFF, { action: 'verifyParty', ref: personRef('demo-resident-1'), decision: 'verify' }),
        ),
      ).toBe('FORBIDDEN')
      expect(codeOf(await places(OTHER_STAFF, { action: 'partyReports', communityId: 'c-dongxianmen' }))).toBe(
        'FORBIDDEN',
      )
      expect(codeOf(await places('demo-resident-2', { action: 'partyReports', communityId: 'c-dongxianmen' }))).toBe(
        'FORBIDDEN',
      )
      expect(await snapshot(PLACE_COLLECTIONS.partyMembers, COLLECTIONS.users)).toBe(before)
    })
  })

  describe('assignPost, posts and removePost', () => {
    const assign = (openid: string, input: Record<string, unknown>) =>
      places(openid, { action: 'assignPost', ...input })
    // Staff choose the holder from the 住户 list, which hands out (and stores) the refs.
    beforeEach(async () => {
      await places('demo-secretary-1', { action: 'residents', unitId: 'c-dongxianmen' })
    })

    it('should make a resident of the building its 楼栋长, tell them, and list the post', async () => {
      const res = await assign('demo-secretary-1', {
        unitId: DEMO_PLACES.otherBuilding,
        post: 'building_head',
        ref: personRef('demo-resident-1'),
      })
      expect(res.data.post).toMatchObject({
        post: 'building_head',
        unitName: '1号楼',
        name: '王秀兰',
        hasAccount: true,
        phoneHidden: false,
      })
      expect(
        await t.env().docs(COLLECTIONS.outbox, { openid: 'demo-resident-1', title: '您已担任楼栋长' }),
      ).toHaveLength(1)
      const list = await places('demo-secretary-1', { action: 'posts', communityId: 'c-dongxianmen' })
      expect(list.data.items.map((p: any) => p.id)).toContain(res.data.post.id)
    })
    it('should record a 社区民警 who has no account with a name and phone', async () => {
      const res = await assign('demo-secretary-1', {
        unitId: 'c-dongxianmen',
        post: 'police',
        name: '高建军',
        phone: '029-87410000',
      })
      expect(res.data.post).toMatchObject({ post: 'police', unitName: '东县门社区', hasAccount: false })
      const servers = await places('demo-resident-1', { action: 'myServers' })
      expect(servers.data.servers.map((s: any) => s.name)).toContain('高建军')
    })
    it('should make a verified party member a 党员中心户 and refuse anyone else', async () => {
      expect(
        codeOf(
          await assign('demo-secretary-1', {
            unitId: DEMO_PLACES.building,
            post: 'party_household',
            ref: personRef('demo-volunteer-1'),
          }),
        ),
      ).toBe('OK')
      const res = await assign('demo-secretary-1', {
        unitId: DEMO_PLACES.building,
        post: 'party_household',
        ref: personRef('demo-resident-1'),
      })
      expect(res.error).toMatchObject({ code: 'BAD_REQUEST', message: '党员中心户须是社区核实过的在职党员' })
    })
    it.each<[string, Record<string, unknown>, string]>([
      [
        'a 楼栋长 on a 小区',
        { unitId: DEMO_PLACES.estate, post: 'building_head', ref: personRef('demo-resident-1') },
        '「楼栋长」只能设在楼栋上',
      ],
      [
        'a resident without an address here',
        { unitId: DEMO_PLACES.building, post: 'red_steward', ref: personRef('demo-resident-2') },
        '只能从本社区登记了住址的居民中选择',
      ],
      ['neither a resident nor a name and phone', { unitId: DEMO_PLACES.estate, post: 'property' }, '填写的内容有误'],
      [
        'a bad phone',
        { unitId: DEMO_PLACES.estate, post: 'property', name: '物业中心', phone: 'abc' },
        '填写的内容有误',
      ],
    ])('should refuse %s, changing nothing', async (_what, input, message) => {
      const before = await snapshot(PLACE_COLLECTIONS.placePosts)
      const res = await assign('demo-secretary-1', input)
      expect(res.error).toMatchObject({ code: 'BAD_REQUEST', message })
      expect(await snapshot(PLACE_COLLECTIONS.placePosts)).toBe(before)
    })
    it('should refuse a resident and staff of another community', async () => {
      const input = { unitId: DEMO_PLACES.building, post: 'building_head', ref: personRef('demo-resident-1') }
      expect(codeOf(await assign('demo-resident-2', input))).toBe('FORBIDDEN')
      expect(codeOf(await assign(OTHER_STAFF, input))).toBe('FORBIDDEN')
      expect(codeOf(await places(OTHER_STAFF, { action: 'posts', communityId: 'c-dongxianmen' }))).toBe('FORBIDDEN')
    })
    it('should give the holder the phone switch of 为我服务 while they hold a post, and take it away after', async () => {
      const serving = async () =>
        (await t.env().docs<{ placePostIds?: string[] }>(COLLECTIONS.users, { _id: 'demo-resident-1' }))[0]!
          .placePostIds
      const me = () => t.env().call('demo-resident-1', 'users', { action: 'me' })
      expect(await me()).toMatchObject({ ok: true, data: { serving: null } })
      const { data } = await assign('demo-secretary-1', {
        unitId: DEMO_PLACES.otherBuilding,
        post: 'building_head',
        ref: personRef('demo-resident-1'),
      })
      await assign('demo-secretary-1', {
        unitId: DEMO_PLACES.otherBuilding,
        post: 'building_head',
        ref: personRef('demo-resident-1'),
      })
      expect(await serving()).toEqual([data.post.id])
      expect(await me()).toMatchObject({ ok: true, data: { serving: { phoneHidden: false } } })
      await places('demo-secretary-1', { action: 'removePost', postId: data.post.id })
      expect(await me()).toMatchObject({ ok: true, data: { serving: null } })
    })
    it('should remove a post and tell its holder; refuse others and unknown posts', async () => {
      const { data } = await assign('demo-secretary-1', {
        unitId: DEMO_PLACES.otherBuilding,
        post: 'building_head',
        ref: personRef('demo-resident-1'),
      })
      expect(codeOf(await places(OTHER_STAFF, { action: 'removePost', postId: data.post.id }))).toBe('FORBIDDEN')
      expect(codeOf(await places('demo-resident-1', { action: 'removePost', postId: data.post.id }))).toBe('FORBIDDEN')
      expect((await places('demo-secretary-1', { action: 'removePost', postId: data.post.id })).data).toEqual({
        removed: 1,
      })
      expect(await t.env().docs(PLACE_COLLECTIONS.placePosts, { _id: data.post.id })).toHaveLength(0)
      expect(
        await t.env().docs(COLLECTIONS.outbox, { openid: 'demo-resident-1', title: '楼栋长岗位已调整' }),
      ).toHaveLength(1)
      expect(codeOf(await places('demo-secretary-1', { action: 'removePost', postId: data.post.id }))).toBe('NOT_FOUND')
      expect(codeOf(await places('demo-secretary-1', { action: 'removePost', postId: '' }))).toBe('BAD_REQUEST')
    })
  })
})
