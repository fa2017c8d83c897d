import type { Runtime } from '../cloudfunctions/core/runtime'
import { saveAmenity } from '../cloudfunctions/stations/amenities'
import { STATIONS_COLLECTION, stationFields } from '../cloudfunctions/stations/service'
import { StationInputSchema, type Closure, type Interval, type StationInput } from '../types/stations'
import { ORG_SEED } from './org'

/**
 * Demo 红色驿站 across the seeded districts: one in most communities, and the square
 * stations of 高陵区 (the 驿站 "in public squares" the 高陵 reports describe) under their
 * street or district. Coordinates are GCJ-02 near the real places.
 */
const DAILY = (open: string, close: string) => {
  const i: Interval[] = [{ open, close }]
  return { mon: i, tue: i, wed: i, thu: i, fri: i, sat: i, sun: i }
}
const WEEKDAYS_WITH_SATURDAY = (open: string, close: string, sat: Interval[] = [{ open: '09:00', close: '17:00' }]) => {
  const i: Interval[] = [{ open, close }]
  return { mon: i, tue: i, wed: i, thu: i, fri: i, sat, sun: [] }
}
const WITH_LUNCH_BREAK = (() => {
  const i: Interval[] = [
    { open: '08:30', close: '12:00' },
    { open: '14:00', close: '18:30' },
  ]
  return { mon: i, tue: i, wed: i, thu: i, fri: i, sat: i, sun: [] }
})()

/** Admin-added kinds, to show the catalogue is data and not a fixed list. */
export const DEMO_EXTRA_AMENITIES = [
  { key: 'umbrella', label: '爱心雨伞', icon: '☂️' },
  { key: 'sewing_kit', label: '针线包', icon: '🧵' },
]

type DemoStation = Omit<StationInput, 'closures'> & { id: string; closures?: (today: Date) => Closure[] }

const day = (base: Date, plusDays: number) =>
  new Date(base.getTime() + 8 * 3600_000 + plusDays * 86_400_000).toISOString().slice(0, 10)

export const DEMO_STATIONS: DemoStation[] = [
  {
    id: 'st-dongxianmen',
    unitId: 'c-dongxianmen',
    name: '东县门社区红色驿站',
    address: '碑林区东县门街道口东县门社区党群服务中心一层',
    location: { lng: 108.9596, lat: 34.2584 },
    amenities: ['reading', 'tea', 'first_aid', 'wifi', 'charging', 'toilet', 'umbrella'],
    hours: WEEKDAYS_WITH_SATURDAY('08:00', '21:00'),
    contact: { name: '陈书记', phone: '029-87213301' },
    description: '社区党群服务中心一层，为环卫工人、快递小哥和过往群众提供歇脚、喝水、充电服务。',
    closures: (today) => [{ from: day(today, 40), to: day(today, 42), kind: 'holiday', reason: '元旦假期' }],
  },
  {
    id: 'st-xiamaling',
    unitId: 'c-xiamaling',
    name: '下马陵社区红色驿站',
    address: '碑林区下马陵路中段下马陵社区居委会旁',
    location: { lng: 108.9626, lat: 34.2509 },
    amenities: ['reading', 'dining_rest', 'tea', 'wifi', 'sewing_kit'],
    hours: WITH_LUNCH_BREAK,
    contact: { phone: '029-87213302' },
    description: '设有老年餐桌和阅览角，午间可在此就餐休息。',
    closures: (today) => [{ from: day(today, 3), to: day(today, 3), kind: 'temporary', reason: '设备检修' }],
  },
  {
    id: 'st-wuweishizi',
    unitId: 'c-wuweishizi',
    name: '五味什字社区红色驿站',
    address: '碑林区五味什字街 18 号',
    location: { lng: 108.9395, lat: 34.2592 },
    amenities: ['tea', 'first_aid', 'charging', 'toilet'],
    hours: WEEKDAYS_WITH_SATURDAY('08:30', '18:00'),
    contact: { name: '值班室', phone: '029-87213303' },
  },
  {
    id: 'st-baishulin-chengqiang',
    unitId: 's-baishulin',
    name: '柏树林街道城墙根红色驿站',
    address: '碑林区建国门内城墙根广场东侧',
    location: { lng: 108.9565, lat: 34.2531 },
    amenities: ['tea', 'first_aid', 'wifi', 'charging', 'toilet'],
    hours: DAILY('07:00', '22:00'),
    contact: { phone: '029-87213300' },
    description: '城墙根广场边的驿站，晨练、遛弯的居民都可以进来歇歇脚。',
  },
  {
    id: 'st-gaoling-shimin',
    unitId: 'd-gaoling',
    name: '高陵区市民广场红色驿站',
    address: '高陵区鹿苑大道与泾河路十字东南角市民广场',
    location: { lng: 109.0896, lat: 34.5331 },
    amenities: ['reading', 'dining_rest', 'tea', 'first_aid', 'wifi', 'charging', 'toilet'],
    hours: DAILY('07:00', '22:00'),
    contact: { name: '广场管理站', phone: '029-86912300' },
    description: '设在市民广场的红色驿站，配有微心愿墙，群众的小心愿可以在这里写下。',
  },
  {
    id: 'st-luyuan-zhaohui',
    unitId: 's-luyuan',
    name: '鹿苑街道昭慧广场红色驿站',
    address: '高陵区昭慧广场北侧',
    location: { lng: 109.0812, lat: 34.5375 },
    amenities: ['reading', 'tea', 'first_aid', 'wifi', 'charging'],
    hours: DAILY('08:00', '21:00'),
    contact: { phone: '029-86912301' },
  },
  {
    id: 'st-dongfeng',
    unitId: 'c-dongfeng',
    name: '东风社区红色驿站',
    address: '高陵区鹿苑大道东风社区党群服务站',
    location: { lng: 109.0841, lat: 34.5368 },
    amenities: ['reading', 'tea', 'first_aid', 'toilet'],
    hours: WEEKDAYS_WITH_SATURDAY('08:00', '18:00'),
    contact: { phone: '029-86912302' },
  },
  {
    id: 'st-jijia-wenhua',
    unitId: 's-jijia',
    name: '姬家街道文化广场红色驿站',
    address: '高陵区姬家街道文化广场',
    location: { lng: 109.0218, lat: 34.5133 },
    amenities: ['tea', 'first_aid', 'charging', 'toilet'],
    hours: DAILY('07:30', '20:30'),
    contact: { phone: '029-86912303' },
  },
  {
    id: 'st-huaqing',
    unitId: 'c-huaqing',
    name: '华清社区红色驿站',
    address: '临潼区华清路华清社区服务中心',
    location: { lng: 109.2161, lat: 34.3624 },
    amenities: ['reading', 'tea', 'first_aid', 'wifi', 'toilet'],
    hours: WEEKDAYS_WITH_SATURDAY('08:00', '20:00'),
    contact: { phone: '029-83812301' },
  },
  {
    id: 'st-lishan-square',
    unitId: 's-lishan',
    name: '骊山街道华清广场红色驿站',
    address: '临潼区华清广场西侧',
    location: { lng: 109.2132, lat: 34.3668 },
    amenities: ['tea', 'wifi', 'charging', 'toilet'],
    // Open around the clock for night-shift workers and tourists.
    hours: DAILY('00:00', '24:00'),
    contact: { phone: '029-83812300' },
  },
  {
    id: 'st-qinyong',
    unitId: 'c-qinyong',
    name: '秦俑社区红色驿站',
    address: '临潼区秦陵北路秦俑社区',
    location: { lng: 109.2684, lat: 34.3792 },
    amenities: ['tea', 'first_aid', 'toilet'],
    hours: WEEKDAYS_WITH_SATURDAY('08:30', '17:30'),
    contact: { phone: '029-83812302' },
  },
  {
    id: 'st-daiwang',
    unitId: 'c-daiwang',
    name: '代王社区红色驿站',
    address: '临潼区代王街道代王社区',
    location: { lng: 109.3435, lat: 34.4022 },
    amenities: ['reading', 'tea', 'first_aid'],
    hours: WEEKDAYS_WITH_SATURDAY('08:30', '17:30', []),
    contact: { phone: '029-83812303' },
  },
  {
    id: 'st-beijie',
    unitId: 'c-beijie',
    name: '北街社区红色驿站',
    address: '长安区韦曲北街北街社区党群服务中心',
    location: { lng: 108.9425, lat: 34.1629 },
    amenities: ['reading', 'dining_rest', 'tea', 'wifi', 'charging', 'toilet'],
    hours: WEEKDAYS_WITH_SATURDAY('08:00', '20:30'),
    contact: { phone: '029-85212301' },
  },
  {
    id: 'st-weiqu-square',
    unitId: 's-weiqu',
    name: '韦曲街道常宁广场红色驿站',
    address: '长安区常宁广场东门',
    location: { lng: 108.9448, lat: 34.1574 },
    amenities: ['tea', 'first_aid', 'charging', 'toilet'],
    // A summer-evening shift that runs past midnight on Saturdays.
    hours: { ...DAILY('08:00', '21:00'), sat: [{ open: '08:00', close: '01:00' }] },
    contact: { phone: '029-85212300' },
  },
  {
    id: 'st-guodu',
    unitId: 'c-guodu',
    name: '郭杜社区红色驿站',
    address: '长安区郭杜街道郭杜社区',
    location: { lng: 108.8729, lat: 34.1735 },
    amenities: ['tea', 'first_aid', 'wifi'],
    hours: WEEKDAYS_WITH_SATURDAY('08:30', '18:00'),
    contact: { phone: '029-85212302' },
  },
]

/** Seeds the extra amenity kinds and the demo stations (fixed ids, so a rerun overwrites). */
export async function seedStations(rt: Runtime): Promise<void> {
  const now = rt.clock.now()
  for (const amenity of DEMO_EXTRA_AMENITIES) await saveAmenity(rt.db, amenity, now, 'demo-admin')
  const units = new Map(ORG_SEED.map((u) => [u.id, u]))
  const ancestorsOf = (id: string): string[] => {
    const chain: string[] = []
    for (let p = units.get(id)?.parent ?? null; p; p = units.get(p)?.parent ?? null) chain.unshift(p)
    return chain
  }
  const at = now.toISOString()
  for (const { id, closures, ...rest } of DEMO_STATIONS) {
    // Parsing here keeps the demo honest: every seeded station passes the staff form's rules.
    const input = StationInputSchema.parse({ ...rest, closures: closures?.(now) ?? [] })
    await rt.db
      .collection(STATIONS_COLLECTION)
      .doc(id)
      .set({
        ...stationFields(rt.db, input, { _id: input.unitId, ancestors: ancestorsOf(input.unitId) }),
        createdAt: at,
        createdBy: 'demo-admin',
        updatedAt: at,
        updatedBy: 'demo-admin',
      })
  }
}
