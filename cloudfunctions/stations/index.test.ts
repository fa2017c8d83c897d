import { saveUpload } from '../core/photos'
import { createTestEnv, type TestEnv } from '../core/testing'
import type { StationDetail, StationPage } from '../../types/stations'
import { listStations, nearbyByFullScan } from './service'

/** Shanghai wall-clock time as an instant; 2026-11-23 is a Monday. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`)
/** Where the demo puts 东县门社区's centre. */
const DONGXIANMEN = { lng: 108.9593, lat: 34.2581 }

const newStation = {
  unitId: 'c-dongxianmen',
  name: '东县门社区第二驿站',
  address: '碑林区东县门 66 号',
  location: { lng: 108.9601, lat: 34.2577 },
  amenities: ['tea', 'wifi'],
  hours: { mon: [{ open: '09:00', close: '17:00' }] },
  contact: { phone: '13991239999' },
}

describe('stations function', () => {
  let env: TestEnv
  beforeEach(async () => {
    env = await createTestEnv({ now: at('2026-11-23 10:00') })
  })
  afterEach(async () => {
    await env.close()
  })

  const ids = (page: StationPage) => page.items.map((s) => s.id)
  const nearby = async (openid: string | null, input: object) => {
    const res = await env.call<StationPage>(openid, 'stations', { action: 'nearby', ...input })
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    return res.data
  }

  describe('nearby', () => {
    it('should put the nearest station first with hand-computed haversine distances', async () => {
      const page = await nearby(null, { point: DONGXIANMEN, limit: 4 })
      // By hand (R = 6 371 008.8 m): to 东县门 Δφ = Δλ = 0.0003°: north 33.36 m,
      // east 0.0003 × cos 34.2583° × 111 195 = 27.57 m → √(33.36² + 27.57²) = 43.28 m.
      // To 城墙根 Δφ = −0.005°, Δλ = −0.0028°: 555.98 m and 257.35 m → 612.65 m.
      expect(page.items[0]).toMatchObject({ id: 'st-dongxianmen', distance: 43 })
      expect(page.items[1]).toMatchObject({ id: 'st-baishulin-chengqiang', distance: 613 })
      const distances = page.items.map((s) => s.distance!)
      expect(distances).toEqual([...distances].sort((a, b) => a - b))
      expect(page.origin).toEqual({ point: DONGXIANMEN, source: 'point', name: null })
    })

    it('should keep only stations within the radius', async () => {
      const page = await nearby(null, { point: DONGXIANMEN, radius: 1000 })
      expect(ids(page).sort()).toEqual(['st-baishulin-chengqiang', 'st-dongxianmen', 'st-xiamaling'])
      expect(page.hasMore).toBe(false)
    })

    it('should require every chosen amenity', async () => {
      const page = await nearby(null, { point: DONGXIANMEN, amenities: ['dining_rest', 'wifi'], limit: 50 })
      expect(ids(page)).toEqual(expect.arrayContaining(['st-xiamaling', 'st-beijie', 'st-gaoling-shimin']))
      expect(ids(page)).not.toContain('st-dongxianmen')
      for (const s of page.items) expect(s.amenities).toEqual(expect.arrayContaining(['dining_rest', 'wifi']))
    })

    it('should combine open now, amenities and radius', async () => {
      // Monday 19:00: 下马陵 closed at 18:30 and 五味什字 at 18:00; 东县门 and 城墙根 still open.
      env.clock.set(at('2026-11-23 19:00'))
      const page = await nearby(null, {
        point: DONGXIANMEN,
        radius: 3000,
        amenities: ['tea', 'first_aid'],
        openNow: true,
      })
      expect(ids(page)).toEqual(['st-dongxianmen', 'st-baishulin-chengqiang'])
      expect(page.items[0]!.openStatus.label).toBe('营业中 · 21:00 关门')
      const all = await nearby(null, { point: DONGXIANMEN, radius: 3000, amenities: ['tea', 'first_aid'] })
      expect(ids(all)).toEqual(['st-dongxianmen', 'st-baishulin-chengqiang', 'st-wuweishizi'])
      expect(all.items[2]!.openStatus.label).toBe('已打烊 · 明早 8:30 开门')
    })

    it('should count a Saturday shift past midnight as open and say when it closes', async () => {
      env.clock.set(at('2026-11-28 23:30'))
      const page = await nearby(null, { point: { lng: 108.9448, lat: 34.1574 }, radius: 2000, openNow: true })
      expect(ids(page)).toEqual(['st-weiqu-square'])
      expect(page.items[0]!.openStatus.label).toBe('营业中 · 次日 1:00 关门')
    })

    it('should show a station closed on its closure day with the reason', async () => {
      // The demo closes 下马陵 three days after seeding (Thursday 26th) for 设备检修.
      env.clock.set(at('2026-11-26 10:00'))
      const page = await nearby(null, { point: { lng: 108.9626, lat: 34.2509 }, limit: 1 })
      expect(page.items[0]!.openStatus).toMatchObject({ open: false, closureReason: '设备检修' })
      expect(page.items[0]!.openStatus.label).toBe('暂停开放（设备检修） · 明早 8:30 开门')
    })

    it('should be open at the exact opening minute and closed a minute before', async () => {
      const station = { point: { lng: 108.9596, lat: 34.2584 }, limit: 1 }
      env.clock.set(at('2026-11-23 07:59'))
      expect((await nearby(null, station)).items[0]!.openStatus.open).toBe(false)
      env.clock.set(at('2026-11-23 08:00'))
      expect((await nearby(null, station)).items[0]!.openStatus.open).toBe(true)
    })

    it('should page through without repeating or skipping', async () => {
      const first = await nearby(null, { point: DONGXIANMEN, limit: 4 })
      const second = await nearby(null, { point: DONGXIANMEN, limit: 4, offset: first.nextOffset })
      const everything = await nearby(null, { point: DONGXIANMEN, limit: 8 })
      expect(first.hasMore).toBe(true)
      expect([...ids(first), ...ids(second)]).toEqual(ids(everything))
    })

    it('should page open-now results past the stations it filtered out', async () => {
      env.clock.set(at('2026-11-23 19:00'))
      const first = await nearby(null, { point: DONGXIANMEN, openNow: true, limit: 2 })
      const second = await nearby(null, { point: DONGXIANMEN, openNow: true, limit: 2, offset: first.nextOffset })
      const everything = await nearby(null, { point: DONGXIANMEN, openNow: true, limit: 4 })
      expect([...ids(first), ...ids(second)]).toEqual(ids(everything))
      expect(everything.items.every((s) => s.openStatus.open)).toBe(true)
    })

    it('should measure from the resident’s community when no point is given', async () => {
      const page = await nearby('demo-resident-1', {})
      expect(page.origin).toEqual({ point: DONGXIANMEN, source: 'community', name: '东县门社区' })
      expect(page.items[0]).toMatchObject({ id: 'st-dongxianmen', distance: 43 })
    })

    it('should list by name without distances for someone with no location and no community', async () => {
      const page = await nearby(null, { limit: 50 })
      expect(page.origin).toBeNull()
      expect(page.items.every((s) => s.distance === null)).toBe(true)
      const names = page.items.map((s) => s.name)
      expect(names).toEqual([...names].sort())
      expect(page.items).toHaveLength(15)
    })

    it('should reject an impossible point', async () => {
      const res = await env.call(null, 'stations', { action: 'nearby', point: { lng: 200, lat: 34 } })
      expect(res.ok).toBe(false)
      if (!res.ok) expect(res.error.code).toBe('BAD_REQUEST')
    })
  })

  describe('search', () => {
    it('should find stations by name or address, nearest first', async () => {
      const res = await env.call<StationPage>(null, 'stations', {
        action: 'search',
        keyword: '广场',
        point: DONGXIANMEN,
        limit: 50,
      })
      expect(res.ok).toBe(true)
      if (!res.ok) return
      expect(ids(res.data)[0]).toBe('st-baishulin-chengqiang') // 城墙根广场 in its address
      expect(ids(res.data)).toEqual(
        expect.arrayContaining(['st-gaoling-shimin', 'st-luyuan-zhaohui', 'st-jijia-wenhua']),
      )
      for (const s of res.data.items) expect(`${s.name}${s.address}`).toContain('广场')
    })

    it('should treat regex characters as plain text', async () => {
      const res = await env.call<StationPage>(null, 'stations', { action: 'search', keyword: '.*' })
      expect(res.ok && res.data.items).toEqual([])
    })

    it('should reject an empty keyword', async () => {
      const res = await env.call(null, 'stations', { action: 'search', keyword: '  ' })
      expect(res.ok ? null : res.error.code).toBe('BAD_REQUEST')
    })

    it('should answer BAD_REQUEST, not INTERNAL, to a keyword with a NUL byte from anyone', async () => {
      for (const action of ['search', 'nearby']) {
        const res = await env.call(null, 'stations', {
          action,
          keyword: 'a\u0000b',
          point: { lng: 108.9593, lat: 34.2581 },
        })
        expect([action, res.ok ? null : res.error.code]).toEqual([action, 'BAD_REQUEST'])
      }
    })
  })

  describe('get', () => {
    it('should give hours, amenities and contact, and whether the caller may edit', async () => {
      const res = await env.call<StationDetail>('demo-secretary-1', 'stations', { action: 'get', id: 'st-dongxianmen' })
      expect(res.ok).toBe(true)
      if (!res.ok) return
      expect(res.data.hours.mon).toEqual([{ open: '08:00', close: '21:00' }])
      expect(res.data.hours.sun).toEqual([])
      expect(res.data.amenities).toContain('wifi')
      expect(res.data.contact.phone).toBe('029-87213301')
      expect(res.data.canEdit).toBe(true)
      const resident = await env.call<StationDetail>('demo-resident-1', 'stations', {
        action: 'get',
        id: 'st-dongxianmen',
      })
      expect(resident.ok && resident.data.canEdit).toBe(false)
    })

    it('should answer NOT_FOUND for an unknown station', async () => {
      const res = await env.call(null, 'stations', { action: 'get', id: 'st-nowhere' })
      expect(res.ok ? null : res.error.code).toBe('NOT_FOUND')
    })
  })

  describe('amenities', () => {
    it('should list the built-in kinds and those an admin added', async () => {
      const res = await env.call<{ items: { key: string; label: string }[] }>(null, 'stations', { action: 'amenities' })
      expect(res.ok).toBe(true)
      if (!res.ok) return
      const labels = res.data.items.map((a) => a.label)
      expect(labels.slice(0, 7)).toEqual([
        '阅览区',
        '就餐休息区',
        '便民茶水',
        '医药急救箱',
        '红色便民WiFi',
        '充电',
        '卫生间',
      ])
      expect(labels).toContain('爱心雨伞')
    })

    it('should let an admin add a kind that stations can then use', async () => {
      const admin = env.loginAs('demo-admin')
      expect(
        (await admin('stations', { action: 'saveAmenity', key: 'wheelchair', label: '轮椅借用', icon: '♿' })).ok,
      ).toBe(true)
      const created = await env.call('demo-secretary-1', 'stations', {
        action: 'create',
        ...newStation,
        amenities: ['wheelchair'],
      })
      expect(created.ok).toBe(true)
    })

    it('should refuse a secretary adding a kind', async () => {
      const res = await env.call('demo-secretary-1', 'stations', {
        action: 'saveAmenity',
        key: 'wheelchair',
        label: '轮椅借用',
        icon: '♿',
      })
      expect(res.ok ? null : res.error.code).toBe('FORBIDDEN')
    })
  })

  describe('staff editing', () => {
    it('should let a secretary create a station in her community, findable nearby', async () => {
      const res = await env.call<{ id: string }>('demo-secretary-1', 'stations', { action: 'create', ...newStation })
      expect(res.ok).toBe(true)
      if (!res.ok) return
      const page = await nearby(null, { point: newStation.location, limit: 1 })
      expect(page.items[0]).toMatchObject({ id: res.data.id, name: '东县门社区第二驿站', distance: 0 })
      const [doc] = await env.docs<{ ancestors: string[]; createdBy: string }>('stations', { _id: res.data.id })
      expect(doc).toMatchObject({ ancestors: ['d-beilin', 's-baishulin'], createdBy: 'demo-secretary-1' })
    })

    const upload = (openid: string, name: string) => saveUpload(env.rt, name, Buffer.from('jpeg'), openid)

    it('should keep photo file ids and give the app URLs to show, the first as cover', async () => {
      const photos = [await upload('demo-secretary-1', 'front.jpg'), await upload('demo-secretary-1', 'inside.jpg')]
      const res = await env.call<{ id: string }>('demo-secretary-1', 'stations', {
        action: 'create',
        ...newStation,
        photos,
      })
      if (!res.ok) throw new Error(JSON.stringify(res.error))
      const detail = await env.call<StationDetail>(null, 'stations', { action: 'get', id: res.data.id })
      expect(detail.ok && detail.data.photos.map((p) => p.fileId)).toEqual(photos)
      expect(detail.ok && detail.data.photos.every((p) => p.url.startsWith('/files/'))).toBe(true)
      expect((await nearby(null, { point: newStation.location, limit: 1 })).items[0]!.cover).toBe(
        detail.ok ? detail.data.photos[0]!.url : null,
      )
    })

    it('should refuse a photo someone else uploaded and write nothing', async () => {
      const theirs = await upload('demo-resident-1', 'theirs.jpg')
      const res = await env.call('demo-secretary-1', 'stations', { action: 'create', ...newStation, photos: [theirs] })
      expect(res.ok ? null : res.error).toMatchObject({ code: 'BAD_REQUEST', message: '照片无效' })
      expect(await env.docs('stations', { name: newStation.name })).toHaveLength(0)
    })

    it("should let a colleague edit a station that keeps another editor's photos, but not add photos that are not theirs", async () => {
      const front = await upload('demo-secretary-1', 'front.jpg')
      const created = await env.call<{ id: string }>('demo-secretary-1', 'stations', {
        action: 'create',
        ...newStation,
        photos: [front],
      })
      if (!created.ok) throw new Error(JSON.stringify(created.error))
      const kept = await env.call('demo-admin', 'stations', {
        action: 'update',
        id: created.data.id,
        ...newStation,
        photos: [front],
        name: '东县门社区第二驿站（新）',
      })
      expect(kept.ok).toBe(true)
      const stranger = await upload('demo-resident-1', 'stranger.jpg')
      const added = await env.call('demo-admin', 'stations', {
        action: 'update',
        id: created.data.id,
        ...newStation,
        photos: [front, stranger],
      })
      expect(added.ok ? null : added.error.code).toBe('BAD_REQUEST')
      const [doc] = await env.docs<{ photos: string[] }>('stations', { _id: created.data.id })
      expect(doc!.photos).toEqual([front])
    })

    it('should reject coordinates outside China and write nothing', async () => {
      const res = await env.call('demo-secretary-1', 'stations', {
        action: 'create',
        ...newStation,
        location: { lng: 34.2577, lat: 108.9601 },
      })
      expect(res.ok).toBe(false)
      if (res.ok) return
      expect(res.error.code).toBe('BAD_REQUEST')
      expect(res.error.issues?.map((i) => i.message)).toContain('坐标不在中国境内，请检查经纬度是否填反或填错')
      expect(await env.docs('stations', { name: newStation.name })).toHaveLength(0)
    })

    it('should reject overlapping hours with a message naming the days', async () => {
      const hours = { fri: [{ open: '20:00', close: '02:00' }], sat: [{ open: '01:00', close: '12:00' }] }
      const res = await env.call('demo-secretary-1', 'stations', { action: 'create', ...newStation, hours })
      expect(res.ok ? null : res.error.issues?.[0]).toEqual({
        path: ['hours', 'sat', 0],
        message: '周六的时段与周五的时段重叠，请调整',
      })
    })

    it('should reject an amenity nobody defined', async () => {
      const res = await env.call('demo-secretary-1', 'stations', {
        action: 'create',
        ...newStation,
        amenities: ['sauna'],
      })
      expect(res.ok ? null : res.error.issues?.[0]?.message).toBe('没有“sauna”这项便民设施，请先由管理员添加')
    })

    it('should not put a station under a grid', async () => {
      const res = await env.call('demo-secretary-1', 'stations', {
        action: 'create',
        ...newStation,
        unitId: 'g-dongxianmen-1',
      })
      expect(res.ok ? null : res.error.code).toBe('BAD_REQUEST')
    })

    it('should refuse a resident creating or editing', async () => {
      const created = await env.call('demo-resident-1', 'stations', { action: 'create', ...newStation })
      expect(created.ok ? null : created.error.code).toBe('FORBIDDEN')
      const edited = await env.call('demo-resident-1', 'stations', {
        action: 'update',
        id: 'st-dongxianmen',
        ...newStation,
      })
      expect(edited.ok ? null : edited.error.code).toBe('FORBIDDEN')
      expect(await env.docs('stations', { name: newStation.name })).toHaveLength(0)
    })

    it('should refuse an anonymous caller', async () => {
      const res = await env.call(null, 'stations', { action: 'create', ...newStation })
      expect(res.ok ? null : res.error.code).toBe('UNAUTHORIZED')
    })

    it('should refuse staff editing another community’s station', async () => {
      const res = await env.call('demo-secretary-1', 'stations', {
        action: 'update',
        id: 'st-xiamaling',
        ...newStation,
        unitId: 'c-xiamaling',
      })
      expect(res.ok ? null : res.error.code).toBe('FORBIDDEN')
      const [doc] = await env.docs<{ name: string }>('stations', { _id: 'st-xiamaling' })
      expect(doc!.name).toBe('下马陵社区红色驿站')
    })

    it('should refuse staff creating in another community or moving a station there', async () => {
      const created = await env.call('demo-secretary-1', 'stations', {
        action: 'create',
        ...newStation,
        unitId: 'c-xiamaling',
      })
      expect(created.ok ? null : created.error.code).toBe('FORBIDDEN')
      const moved = await env.call('demo-secretary-1', 'stations', {
        action: 'update',
        id: 'st-dongxianmen',
        ...newStation,
        unitId: 'c-xiamaling',
      })
      expect(moved.ok ? null : moved.error.code).toBe('FORBIDDEN')
    })

    it('should let a secretary edit her own station, keeping who created it', async () => {
      const res = await env.call('demo-secretary-1', 'stations', {
        action: 'update',
        id: 'st-dongxianmen',
        ...newStation,
      })
      expect(res.ok).toBe(true)
      const [doc] = await env.docs<{ name: string; createdBy: string; updatedBy: string }>('stations', {
        _id: 'st-dongxianmen',
      })
      expect(doc).toMatchObject({ name: '东县门社区第二驿站', createdBy: 'demo-admin', updatedBy: 'demo-secretary-1' })
    })

    it('should let the district admin edit any station of the district, and none elsewhere', async () => {
      const admin = env.loginAs('demo-admin')
      const own = await admin('stations', {
        action: 'update',
        id: 'st-xiamaling',
        ...newStation,
        unitId: 'c-xiamaling',
      })
      expect(own.ok).toBe(true)
      const other = await admin('stations', {
        action: 'update',
        id: 'st-gaoling-shimin',
        ...newStation,
        unitId: 'd-gaoling',
      })
      expect(other.ok ? null : other.error.code).toBe('FORBIDDEN')
    })

    it('should list what a secretary manages', async () => {
      const res = await env.call<{ units: { id: string }[]; items: { id: string }[] }>('demo-secretary-1', 'stations', {
        action: 'mine',
      })
      expect(res.ok).toBe(true)
      if (!res.ok) return
      expect(res.data.units.map((u) => u.id)).toEqual(['c-dongxianmen'])
      expect(res.data.items.map((s) => s.id)).toEqual(['st-dongxianmen'])
    })

    it('should list the whole district for its admin', async () => {
      const res = await env.call<{ units: { id: string }[]; items: { id: string }[] }>('demo-admin', 'stations', {
        action: 'mine',
      })
      expect(res.ok).toBe(true)
      if (!res.ok) return
      expect(res.data.units[0]!.id).toBe('d-beilin')
      expect(res.data.items.map((s) => s.id).sort()).toEqual([
        'st-baishulin-chengqiang',
        'st-dongxianmen',
        'st-wuweishizi',
        'st-xiamaling',
      ])
    })

    it('should refuse a resident listing managed stations', async () => {
      const res = await env.call('demo-resident-1', 'stations', { action: 'mine' })
      expect(res.ok ? null : res.error.code).toBe('FORBIDDEN')
    })
  })
})

describe('nearbyByFullScan', () => {
  it('should agree with the geo-indexed query on order and distances', async () => {
    const env = await createTestEnv({ now: at('2026-11-23 10:00') })
    try {
      const input = { point: DONGXIANMEN, radius: 15_000, limit: 10, offset: 0, amenities: [], openNow: false }
      const origin = { point: DONGXIANMEN, source: 'point' as const, name: null }
      const indexed = await listStations(env.rt.db, input, origin, env.clock.now(), (id) => env.rt.storage.url(id))
      const scanned = await nearbyByFullScan(env.rt.db, DONGXIANMEN, 15_000, 10, env.clock.now())
      expect(scanned.map((s) => [s.id, s.distance])).toEqual(indexed.items.map((s) => [s.id, s.distance]))
      expect(scanned.length).toBeGreaterThan(5)
    } finally {
      await env.close()
    }
  })
})
