import { haversine } from './geo'
import { openEmbeddedDb, type EmbeddedDb } from './index'

const INDEXES = [
  { collection: 'stations', name: 'location', fields: [{ field: 'location', order: '2dsphere' as const }] },
]

describe('embedded-db geo', () => {
  let h: EmbeddedDb
  const point = (lng: number, lat: number) => new h.db.Geo.Point(lng, lat)
  beforeEach(async () => {
    h = openEmbeddedDb({ file: ':memory:', indexes: INDEXES })
    await h.db.collection('stations').add([
      { _id: 'bell', location: point(108.9402, 34.261), open: true }, // 钟楼
      { _id: 'pagoda', location: point(108.9594, 34.2186), open: true }, // 大雁塔
      { _id: 'gaoling', location: point(109.0886, 34.5347), open: false }, // 高陵
      { _id: 'north60e', location: point(11, 60), open: true },
      { _id: 'north60n', location: point(10, 60.6), open: true },
      { _id: 'noloc', open: true },
    ])
  })
  afterEach(() => h.close())

  it('should measure metres on a sphere (1° of longitude on the equator is 111.3 km)', () => {
    expect(Math.round(haversine([0, 0], [1, 0]))).toBe(111319)
  })

  it('should return geoNear results nearest first within max distance, in metres', async () => {
    const _ = h.db.command
    const res = await h.db
      .collection('stations')
      .where({ location: _.geoNear({ geometry: point(108.94, 34.26), maxDistance: 10_000 }) })
      .get()
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['bell', 'pagoda'])
    expect(h.engine.lastPlan?.kind).toBe('GEO_NEAR')
  })

  it('should honour minDistance and other conditions', async () => {
    const _ = h.db.command
    const res = await h.db
      .collection('stations')
      .where({ location: _.geoNear({ geometry: point(108.94, 34.26), minDistance: 1000 }), open: true })
      .limit(1)
      .get()
    // 钟楼 is 20 m away (under minDistance); 高陵 is closer than Europe but closed.
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['pagoda'])
  })

  it('should order by great-circle distance, not by flat degrees', async () => {
    // At 60°N one degree of longitude is half as long: (11, 60) is 55.7 km from (10, 60),
    // (10, 60.6) is 66.8 km away although it is "closer" in degrees.
    const _ = h.db.command
    const res = await h.db
      .collection('stations')
      .where({ location: _.geoNear({ geometry: point(10, 60) }) })
      .limit(2)
      .get()
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['north60e', 'north60n'])
  })

  it('should find points within a polygon and within a centerSphere', async () => {
    const _ = h.db.command
    // The SDK's typings list only Point on db.Geo; the classes are there at run time.
    type Ctor = new (arg: unknown) => unknown
    const { LineString, Polygon, MultiPolygon } = h.db.Geo as unknown as Record<
      'LineString' | 'Polygon' | 'MultiPolygon',
      Ctor
    >
    const ring = new LineString([
      point(108.9, 34.2),
      point(109.0, 34.2),
      point(109.0, 34.3),
      point(108.9, 34.3),
      point(108.9, 34.2),
    ])
    const inPoly = await h.db
      .collection('stations')
      .where({ location: _.geoWithin({ geometry: new Polygon([ring]) }) })
      .get()
    expect(inPoly.data.map((d: { _id: string }) => d._id)).toEqual(['bell', 'pagoda'])
    expect(h.engine.lastPlan?.kind).toBe('GEO_WITHIN')
    const multi = await h.db
      .collection('stations')
      .where({ location: _.geoWithin({ geometry: new MultiPolygon([new Polygon([ring])]) }) })
      .count()
    expect(multi.total).toBe(2)
    // 3 km around 钟楼 (大雁塔 is 4.9 km away) as radians of the MongoDB earth radius.
    const circle = await h.db
      .collection('stations')
      .where({ location: _.geoWithin({ centerSphere: [point(108.94, 34.26), 3000 / 6378100] }) })
      .get()
    expect(circle.data.map((d: { _id: string }) => d._id)).toEqual(['bell'])
  })

  it('should add the distance in aggregate geoNear and then match, sort and limit', async () => {
    const res = await h.db
      .collection('stations')
      .aggregate()
      .geoNear({
        distanceField: 'distance',
        spherical: true,
        near: point(108.94, 34.26),
        key: 'location',
        query: { open: true },
      })
      .limit(2)
      .end()
    const data = res.data as { _id: string; distance: number }[]
    expect(data.map((d) => d._id)).toEqual(['bell', 'pagoda'])
    expect(Math.round(data[1]!.distance)).toBe(Math.round(haversine([108.94, 34.26], [108.9594, 34.2186])))
  })

  it('should refuse geoNear on a field without a 2dsphere index', async () => {
    const _ = h.db.command
    await h.db.collection('other').add({ where: point(1, 1) })
    await expect(
      h.db
        .collection('other')
        .where({ where: _.geoNear({ geometry: point(1, 1) }) })
        .get(),
    ).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('2dsphere'),
    })
  })

  it('should reject a write whose geo-indexed field is not GeoJSON, and keep nothing of it', async () => {
    await expect(
      h.db.collection('stations').add([
        { _id: 'ok', location: point(1, 1) },
        { _id: 'bad', location: 'here' },
      ]),
    ).rejects.toMatchObject({
      message: expect.stringContaining('geo'),
    })
    expect((await h.db.collection('stations').doc('ok').get()).data).toEqual([])
  })
})
