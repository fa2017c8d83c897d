import { DEMO_PLACES } from '../../demo'
import { COLLECTIONS, type UnitDoc } from './collections'
import { isPartyMember, residentsAt } from './places'
import { createTestEnv, type TestEnv } from './testing'

describe('core/places', () => {
  let env: TestEnv
  beforeAll(async () => {
    env = await createTestEnv()
  })
  afterAll(() => env.close())

  it("should put every demo community's 小区 under a grid and its 楼栋 under the 小区", async () => {
    const estates = await env.docs<UnitDoc>(COLLECTIONS.units, { kind: 'estate' })
    const communities = await env.docs<UnitDoc>(COLLECTIONS.units, { kind: 'community' })
    for (const c of communities) expect(estates.some((e) => e.ancestors.includes(c._id))).toBe(true)
    const [building] = await env.docs<UnitDoc>(COLLECTIONS.units, { _id: DEMO_PLACES.building })
    expect(building).toMatchObject({ name: '3号楼', kind: 'building', parentId: DEMO_PLACES.estate })
    expect(building!.ancestors).toEqual([
      'd-beilin',
      's-baishulin',
      'c-dongxianmen',
      'g-dongxianmen-1',
      DEMO_PLACES.estate,
    ])
  })

  it('should answer who is a verified party member', async () => {
    expect(await isPartyMember(env.rt.db, 'demo-volunteer-1')).toBe(true)
    expect(await isPartyMember(env.rt.db, 'demo-resident-1')).toBe(false)
    expect(await isPartyMember(env.rt.db, 'nobody')).toBe(false)
  })

  it('should list the residents living at or below a unit', async () => {
    expect((await residentsAt(env.rt.db, DEMO_PLACES.building)).sort()).toEqual(['demo-resident-1', 'demo-volunteer-1'])
    expect(await residentsAt(env.rt.db, 'c-dongxianmen', { partyOnly: true })).toEqual(['demo-volunteer-1'])
    expect(await residentsAt(env.rt.db, DEMO_PLACES.otherBuilding)).toEqual([])
  })

  it('should answer my address in users.me and nothing for someone without one', async () => {
    const me = await env.call('demo-resident-1', 'users', { action: 'me' })
    expect(me.ok && me.data.address).toMatchObject({
      estateName: '东县门小区',
      buildingLabel: '3号楼',
      room: '2单元 301',
      status: 'confirmed',
    })
    const other = await env.call('demo-resident-2', 'users', { action: 'me' })
    expect(other.ok && other.data).toMatchObject({ address: null, partyMember: false })
  })

  it('should leave 小区 and 楼栋 out of the org tree unless asked for by kind', async () => {
    const all = await env.call(null, 'users', { action: 'orgTree', parentId: 'c-dongxianmen' })
    expect(all.ok && all.data.units.map((u: { kind: string }) => u.kind)).not.toContain('estate')
    const estates = await env.call(null, 'users', { action: 'orgTree', parentId: 'c-dongxianmen', kinds: ['estate'] })
    expect(estates.ok && estates.data.units.map((u: { name: string }) => u.name)).toEqual([
      '东县门小区',
      '柏树林家属院',
      '东关正街小区',
    ])
  })
})
