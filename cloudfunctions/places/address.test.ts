import { DEMO_PLACES } from '../../demo'
import { COLLECTIONS } from '../core/collections'
import { personRef } from '../core/person-ref'
import { codeOf, usePlacesEnv, OTHER_STAFF } from './test-helpers'

describe('places function: places, addresses and 为我服务', () => {
  const t = usePlacesEnv()
  const { places, snapshot } = t
  const setAddress = (openid: string, buildingId: string = DEMO_PLACES.building, room = '1单元 201') =>
    places(openid, { action: 'setAddress', estateId: DEMO_PLACES.estate, buildingId, room })
  const refsOf = (...openids: string[]) => openids.map(personRef).sort()

  describe('places', () => {
    it("should list a community's 小区 with their 楼栋 and grid", async () => {
      const res = await places('demo-resident-2', { action: 'places', communityId: 'c-dongxianmen' })
      expect(res.data.estates.map((e: any) => [e.name, e.gridName, e.buildings.length])).toEqual([
        ['东县门小区', '东县门社区第一网格', 4],
        ['柏树林家属院', '东县门社区第一网格', 2],
        ['东关正街小区', '东县门社区第二网格', 3],
      ])
      expect(res.data.estates[0].buildings[2]).toEqual({
        id: DEMO_PLACES.building,
        label: '3号楼',
        unitCount: 3,
        households: 36,
      })
    })
    it('should refuse a unit that is not a community and an empty id', async () => {
      expect(codeOf(await places('demo-resident-2', { action: 'places', communityId: 'g-dongxianmen-1' }))).toBe(
        'NOT_FOUND',
      )
      expect(codeOf(await places('demo-resident-2', { action: 'places', communityId: ' ' }))).toBe('BAD_REQUEST')
    })
    it('should refuse an anonymous caller', async () => {
      expect(codeOf(await places(null, { action: 'places', communityId: 'c-dongxianmen' }))).toBe('UNAUTHORIZED')
    })
  })

  describe('setAddress', () => {
    it('should declare my address as 待确认 and bind its community', async () => {
      const res = await places('wx-new-1', {
        action: 'setAddress',
        estateId: DEMO_PLACES.estate,
        buildingId: DEMO_PLACES.building,
        room: ' 1单元 201 ',
      })
      expect(res.data.address).toMatchObject({
        communityName: '东县门社区',
        estateName: '东县门小区',
        buildingLabel: '3号楼',
        room: '1单元 201',
        status: 'pending',
        confirmedAt: null,
      })
      const me = await t.env().call('wx-new-1', 'users', { action: 'me' })
      expect(me.ok && me.data).toMatchObject({
        community: { id: 'c-dongxianmen' },
        address: { buildingId: DEMO_PLACES.building, status: 'pending' },
      })
    })
    it('should keep a confirmed address confirmed when nothing changed, and ask again when it did', async () => {
      expect(
        (
          await places('demo-resident-1', {
            action: 'setAddress',
            estateId: DEMO_PLACES.estate,
            buildingId: DEMO_PLACES.building,
            room: '2单元 301',
          })
        ).data.address.status,
      ).toBe('confirmed')
      expect((await setAddress('demo-resident-1', DEMO_PLACES.otherBuilding)).data.address.status).toBe('pending')
    })
    it('should refuse a 楼栋 outside the chosen 小区, an unknown one, or a long room, changing nothing', async () => {
      const before = await snapshot(COLLECTIONS.users)
      const foreign = await places('demo-resident-2', {
        action: 'setAddress',
        estateId: DEMO_PLACES.estate,
        buildingId: 'b-xiamaling-1-1-1',
      })
      expect(foreign.error).toMatchObject({ code: 'BAD_REQUEST', message: '所选楼栋不在这个小区里，请重新选择' })
      expect(
        codeOf(
          await places('demo-resident-2', {
            action: 'setAddress',
            estateId: 'g-dongxianmen-1',
            buildingId: DEMO_PLACES.building,
          }),
        ),
      ).toBe('BAD_REQUEST')
      expect(codeOf(await setAddress('demo-resident-2', 'b-nowhere'))).toBe('BAD_REQUEST')
      expect(codeOf(await setAddress('demo-resident-2', DEMO_PLACES.building, '很长'.repeat(20)))).toBe('BAD_REQUEST')
      expect(await snapshot(COLLECTIONS.users)).toBe(before)
    })
    it('should refuse an anonymous caller', async () => {
      expect(
        codeOf(
          await places(null, { action: 'setAddress', estateId: DEMO_PLACES.estate, buildingId: DEMO_PLACES.building }),
        ),
      ).toBe('UNAUTHORIZED')
    })
  })

  describe('myServers', () => {
    it('should list who serves my 小区 and 楼栋 with their phones', async () => {
      const res = await places('demo-resident-1', { action: 'myServers' })
      expect(res.data.servers.map((s: any) => [s.kind, s.name, s.phone])).toEqual([
        ['grid_worker', '刘芳', '13991230004'],
        ['building_head', '张志强', '13991230003'],
        ['service_head', '杨建华', '13709181234'],
        ['liaison_head', '何丽娟', '13892045678'],
        ['police', '马振宇', '029-87412110'],
        ['legal_adviser', '郑律师', '13572039876'],
        ['property', '东县门物业服务中心', '029-87426688'],
      ])
      expect(res.data.servers.every((s: any) => s.gridId === 'g-dongxianmen-1')).toBe(true)
    })
    it("should never show another resident's room, even the 楼栋长's", async () => {
      const res = await places('demo-resident-1', { action: 'myServers' })
      expect(JSON.stringify(res.data)).not.toContain('1单元 502')
      expect(res.data.address.room).toBe('2单元 301')
    })
    it('should answer nothing for a resident without an address', async () => {
      expect((await places('demo-resident-2', { action: 'myServers' })).data).toEqual({ address: null, servers: [] })
    })
    it('should refuse an anonymous caller and an unknown field', async () => {
      expect(codeOf(await places(null, { action: 'myServers' }))).toBe('UNAUTHORIZED')
      expect(codeOf(await places('demo-resident-1', { action: 'nope' }))).toBe('BAD_REQUEST')
    })
  })

  describe('给他留言 (cases.submit addressed to a grid)', () => {
    const submit = (extra: Record<string, unknown>) =>
      t.env().call<any>('demo-resident-1', 'cases', {
        action: 'submit',
        clientRequestId: `leave-msg-${Object.keys(extra).join()}`,
        categoryCode: 'environment.litter',
        description: '楼道里的垃圾三天没人清运了',
        ...extra,
      })
    it('should route the 诉求 to the grid the resident wrote to, wherever the point is', async () => {
      const res = await submit({ addressedGridId: 'g-dongxianmen-2', location: { lng: 108.9573, lat: 34.2581 } })
      expect(res.ok && res.data.case.handlingUnitId).toBe('g-dongxianmen-2')
    })
    it('should refuse an addressee that is not a grid', async () => {
      expect(codeOf(await submit({ addressedGridId: DEMO_PLACES.estate }))).toBe('BAD_REQUEST')
    })
  })

  describe('setPhoneHidden', () => {
    it("should take a grid worker's phone off 为我服务", async () => {
      expect((await places('demo-grid-1', { action: 'setPhoneHidden', hidden: true })).data).toEqual({ hidden: true })
      const res = await places('demo-resident-1', { action: 'myServers' })
      expect(res.data.servers[0]).toMatchObject({ kind: 'grid_worker', name: '刘芳', phone: null })
    })
    it("should hide a 楼栋长's phone on their posts", async () => {
      await places('demo-volunteer-1', { action: 'setPhoneHidden', hidden: true })
      const res = await places('demo-resident-1', { action: 'myServers' })
      expect(res.data.servers.find((s: any) => s.kind === 'building_head').phone).toBeNull()
    })
    it('should tell users.me who has a phone in 为我服务 and whether it is hidden', async () => {
      await places('demo-volunteer-1', { action: 'setPhoneHidden', hidden: true })
      const me = (openid: string) => t.env().call(openid, 'users', { action: 'me' })
      expect(await me('demo-volunteer-1')).toMatchObject({ ok: true, data: { serving: { phoneHidden: true } } })
      expect(await me('demo-grid-1')).toMatchObject({ ok: true, data: { serving: { phoneHidden: false } } })
      expect(await me('demo-resident-2')).toMatchObject({ ok: true, data: { serving: null } })
      expect(await me('demo-secretary-1')).toMatchObject({ ok: true, data: { serving: null } })
    })
    it('should refuse a resident who serves nobody, staff not in 为我服务, and a bad value', async () => {
      expect(codeOf(await places('demo-resident-2', { action: 'setPhoneHidden', hidden: true }))).toBe('FORBIDDEN')
      expect(codeOf(await places('demo-secretary-1', { action: 'setPhoneHidden', hidden: true }))).toBe('FORBIDDEN')
      expect(codeOf(await places('demo-grid-1', { action: 'setPhoneHidden', hidden: 'yes' }))).toBe('BAD_REQUEST')
    })
  })

  describe('setWorkPhone', () => {
    const phoneOf = async (kind: string) =>
      (await places('demo-resident-1', { action: 'myServers' })).data.servers.find((s: any) => s.kind === kind).phone
    it("should show a 网格员's work number instead of their own phone, and their own again after clearing it", async () => {
      expect((await places('demo-grid-1', { action: 'setWorkPhone', workPhone: '029-87654321' })).data).toEqual({
        workPhone: '029-87654321',
      })
      expect(await phoneOf('grid_worker')).toBe('029-87654321')
      expect(await t.env().call('demo-grid-1', 'users', { action: 'me' })).toMatchObject({
        ok: true,
        data: { serving: { workPhone: '029-87654321' } },
      })
      await places('demo-grid-1', { action: 'setWorkPhone', workPhone: null })
      expect(await phoneOf('grid_worker')).toBe('13991230004')
    })
    it("should change the number on a 楼栋长's posts, and use it on a post given later", async () => {
      await places('demo-volunteer-1', { action: 'setWorkPhone', workPhone: '13700001111' })
      expect(await phoneOf('building_head')).toBe('13700001111')
      await places('demo-secretary-1', { action: 'residents', unitId: 'c-dongxianmen' })
      await places('demo-secretary-1', {
        action: 'assignPost',
        unitId: DEMO_PLACES.building,
        post: 'red_steward',
        ref: personRef('demo-volunteer-1'),
      })
      expect(await phoneOf('red_steward')).toBe('13700001111')
    })
    it('should refuse a number that is not a phone, changing nothing', async () => {
      const before = await snapshot(COLLECTIONS.users)
      expect(codeOf(await places('demo-grid-1', { action: 'setWorkPhone', workPhone: '请打我' }))).toBe('BAD_REQUEST')
      expect(await snapshot(COLLECTIONS.users)).toBe(before)
    })
    it('should refuse a resident who serves nobody and staff not in 为我服务', async () => {
      expect(codeOf(await places('demo-resident-2', { action: 'setWorkPhone', workPhone: '13700001111' }))).toBe(
        'FORBIDDEN',
      )
      expect(codeOf(await places('demo-secretary-1', { action: 'setWorkPhone', workPhone: '13700001111' }))).toBe(
        'FORBIDDEN',
      )
    })
  })

  describe('residents', () => {
    const refs = (res: { data: { items: { ref: string }[] } }) => res.data.items.map((r) => r.ref).sort()
    it("should list the community's unconfirmed residents with their rooms for its staff", async () => {
      await setAddress('demo-resident-2')
      const res = await places('demo-secretary-1', { action: 'residents', unitId: 'c-dongxianmen', status: 'pending' })
      expect(res.data.items).toEqual([
        expect.objectContaining({
          ref: personRef('demo-resident-2'),
          name: '李建国',
          phone: '139****0002',
          buildingLabel: '3号楼',
          room: '1单元 201',
          status: 'pending',
        }),
      ])
    })
    it("should show a 网格员 the residents of their grid and no one else's", async () => {
      await setAddress('demo-resident-2')
      await places('demo-resident-1', {
        action: 'setAddress',
        estateId: 'e-dongxianmen-2-1',
        buildingId: 'b-dongxianmen-2-1-1',
      })
      const res = await places('demo-grid-1', { action: 'residents', unitId: 'g-dongxianmen-1' })
      expect(refs(res)).toEqual(refsOf('demo-resident-2', 'demo-volunteer-1'))
      expect(res.data.items.find((r: { ref: string }) => r.ref === personRef('demo-resident-2'))).toMatchObject({
        room: '1单元 201',
        phone: '139****0002',
      })
      expect(codeOf(await places('demo-grid-1', { action: 'residents', unitId: 'g-dongxianmen-2' }))).toBe('FORBIDDEN')
      expect(codeOf(await places('demo-grid-1', { action: 'residents', unitId: 'c-dongxianmen' }))).toBe('FORBIDDEN')
    })
    it('should narrow the list to one 楼栋', async () => {
      await setAddress('demo-resident-2')
      expect(refs(await places('demo-secretary-1', { action: 'residents', unitId: DEMO_PLACES.building }))).toEqual(
        refsOf('demo-resident-1', 'demo-resident-2', 'demo-volunteer-1'),
      )
      expect(
        refs(await places('demo-secretary-1', { action: 'residents', unitId: DEMO_PLACES.otherBuilding })),
      ).toEqual([])
    })
    it('should page through the list newest first, with the total', async () => {
      t.env().clock.advance(60_000)
      await setAddress('demo-resident-2')
      const page = (n: number) =>
        places('demo-secretary-1', { action: 'residents', unitId: 'c-dongxianmen', page: n, pageSize: 2 })
      const [one, two] = [(await page(1)).data, (await page(2)).data]
      expect([one.total, one.hasMore, one.items[0].ref, two.hasMore]).toEqual([
        3,
        true,
        personRef('demo-resident-2'),
        false,
      ])
      expect([...one.items, ...two.items].map((r: { ref: string }) => r.ref).sort()).toEqual(
        refsOf('demo-resident-1', 'demo-resident-2', 'demo-volunteer-1'),
      )
      expect(
        codeOf(await places('demo-secretary-1', { action: 'residents', unitId: 'c-dongxianmen', pageSize: 500 })),
      ).toBe('BAD_REQUEST')
    })
    it('should refuse a resident', async () => {
      expect(codeOf(await places('demo-resident-1', { action: 'residents', unitId: 'c-dongxianmen' }))).toBe(
        'FORBIDDEN',
      )
    })
    it('should refuse staff of another community', async () => {
      expect(codeOf(await places(OTHER_STAFF, { action: 'residents', unitId: 'c-dongxianmen' }))).toBe('FORBIDDEN')
    })
    it('should refuse an unknown status and a missing unit', async () => {
      expect(
        codeOf(await places('demo-secretary-1', { action: 'residents', unitId: 'c-dongxianmen', status: 'maybe' })),
      ).toBe('BAD_REQUEST')
      expect(codeOf(await places('demo-secretary-1', { action: 'residents', communityId: 'c-dongxianmen' }))).toBe(
        'BAD_REQUEST',
      )
    })
  })

  describe('confirmResidents', () => {
    /** The 住户 list staff confirm from: it hands out (and stores) the refs confirmResidents takes back. */
    const listed = (openid: string, unitId: string) => places(openid, { action: 'residents', unitId })
    it('should confirm the chosen pending residents of the community and tell each of them', async () => {
      await setAddress('demo-resident-2')
      await places(OTHER_STAFF, { action: 'setAddress', estateId: 'e-xiamaling-1-1', buildingId: 'b-xiamaling-1-1-1' })
      await listed('demo-secretary-1', 'c-dongxianmen')
      // A ref handed out in another community (OTHER_STAFF's own list) confirms nobody here.
      expect(codeOf(await listed(OTHER_STAFF, 'c-xiamaling'))).toBe('OK')
      const res = await places('demo-secretary-1', {
        action: 'confirmResidents',
        communityId: 'c-dongxianmen',
        refs: refsOf('demo-resident-2', OTHER_STAFF, 'demo-resident-1'),
      })
      expect(res.data).toEqual({ confirmed: 1 })
      const [user] = await t.env().docs<any>(COLLECTIONS.users, { _id: 'demo-resident-2' })
      expect(user.address).toMatchObject({ status: 'confirmed', confirmedBy: 'demo-secretary-1' })
      expect(await t.env().docs(COLLECTIONS.outbox, { openid: 'demo-resident-2', title: '住址已确认' })).toHaveLength(1)
      expect((await t.env().docs<any>(COLLECTIONS.users, { _id: OTHER_STAFF }))[0].address.status).toBe('pending')
    })
    it('should refuse an empty list', async () => {
      expect(
        codeOf(
          await places('demo-secretary-1', { action: 'confirmResidents', communityId: 'c-dongxianmen', refs: [] }),
        ),
      ).toBe('BAD_REQUEST')
    })
    it('should refuse a resident, and staff of another community, changing nothing', async () => {
      await setAddress('demo-resident-2')
      await listed('demo-secretary-1', 'c-dongxianmen')
      const before = await snapshot(COLLECTIONS.users, COLLECTIONS.outbox)
      expect(
        codeOf(
          await places('demo-resident-1', {
            action: 'confirmResidents',
            communityId: 'c-dongxianmen',
            refs: refsOf('demo-resident-2'),
          }),
        ),
      ).toBe('FORBIDDEN')
      expect(
        codeOf(
          await places(OTHER_STAFF, {
            action: 'confirmResidents',
            communityId: 'c-dongxianmen',
            refs: refsOf('demo-resident-2'),
          }),
        ),
      ).toBe('FORBIDDEN')
      expect(await snapshot(COLLECTIONS.users, COLLECTIONS.outbox)).toBe(before)
    })
  })
})
