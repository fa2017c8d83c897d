import type { Db } from '@cloudbase/database'
import type { UnitKind } from '../types/roles'
import { COLLECTIONS, type UnitDoc } from '../cloudfunctions/core/collections'
import type { Runtime } from '../cloudfunctions/core/runtime'
import { invalidateOrgCache } from '../cloudfunctions/core/org-cache'
import { placeSeeds } from './places'

/**
 * The demo org tree: real district and street names from the seeds, communities and grids
 * with plausible Xi'an coordinates (GCJ-02, as WeChat's map uses). Everything the demo
 * accounts do meets in 碑林区 · 柏树林街道 · 东县门社区.
 */
export interface UnitSeed {
  id: string
  name: string
  kind: UnitKind
  parent: string | null
  center?: [number, number]
  address?: string
  /** Grid boundary as a closed ring of [lng, lat]. */
  ring?: [number, number][]
  /** 楼栋 only. */
  unitCount?: number
  households?: number
}

export const UNIT_IDS = {
  beilin: 'd-beilin',
  baishulin: 's-baishulin',
  dongxianmen: 'c-dongxianmen',
  dongxianmenGrid1: 'g-dongxianmen-1',
  dongxianmenGrid2: 'g-dongxianmen-2',
  beilinHousing: 'dept-beilin-zhujian',
} as const

const DEPARTMENTS: [string, string][] = [
  ['zhujian', '住建局'],
  ['chengguan', '城管局'],
  ['jiaoyu', '教育局'],
  ['weijian', '卫健局'],
  ['renshe', '人社局'],
  ['gongshui', '供水公司'],
  ['gongdian', '供电公司'],
  ['ranqi', '燃气热力公司'],
]

function box(lng: number, lat: number, half = 0.0018): [number, number][] {
  return [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
    [lng - half, lat - half],
  ]
}

function district(id: string, name: string, center: [number, number], depts: [string, string][]): UnitSeed[] {
  return [
    { id, name, kind: 'district', parent: null, center },
    ...depts.map(([key, label]): UnitSeed => ({
      id: `dept-${id.slice(2)}-${key}`,
      name: `${name}${label}`,
      kind: 'department',
      parent: id,
    })),
  ]
}

function street(id: string, name: string, parent: string, center: [number, number]): UnitSeed[] {
  return [
    { id, name, kind: 'street', parent, center },
    { id: `${id}-sfb`, name: `${name}三方办`, kind: 'joint_office', parent: id },
  ]
}

function community(
  id: string,
  name: string,
  parent: string,
  center: [number, number],
  address: string,
  grids = 2,
): UnitSeed[] {
  const key = id.slice(2)
  return [
    { id, name, kind: 'community', parent, center, address },
    { id: `${id}-sfb`, name: `${name}三方办`, kind: 'joint_office', parent: id },
    ...Array.from({ length: grids }, (_, i): UnitSeed => {
      const c: [number, number] = [center[0] + (i - (grids - 1) / 2) * 0.004, center[1]]
      return {
        id: `g-${key}-${i + 1}`,
        name: `${name}第${'一二三四五'[i]}网格`,
        kind: 'grid',
        parent: id,
        center: c,
        ring: box(c[0], c[1]),
      }
    }),
  ]
}

const ADMINISTRATIVE_SEED: UnitSeed[] = [
  ...district('d-beilin', '碑林区', [108.9345, 34.2316], DEPARTMENTS),
  ...street('s-baishulin', '柏树林街道', 'd-beilin', [108.9588, 34.2553]),
  ...community('c-dongxianmen', '东县门社区', 's-baishulin', [108.9593, 34.2581], '碑林区东县门街道口'),
  ...community('c-xiamaling', '下马陵社区', 's-baishulin', [108.9622, 34.2512], '碑林区下马陵路中段'),
  ...street('s-nanyuanmen', '南院门街道', 'd-beilin', [108.9402, 34.2562]),
  ...community('c-wuweishizi', '五味什字社区', 's-nanyuanmen', [108.9398, 34.2589], '碑林区五味什字'),

  ...district('d-gaoling', '高陵区', [109.0882, 34.5349], DEPARTMENTS.slice(0, 2)),
  ...street('s-luyuan', '鹿苑街道', 'd-gaoling', [109.0855, 34.5341]),
  ...community('c-dongfeng', '东风社区', 's-luyuan', [109.0838, 34.5362], '高陵区鹿苑大道'),
  ...street('s-jijia', '姬家街道', 'd-gaoling', [109.0214, 34.5126]),
  ...community('c-jijia', '姬家社区', 's-jijia', [109.0209, 34.5141], '高陵区姬家街道办对面', 1),

  ...district('d-lintong', '临潼区', [109.2141, 34.3673], DEPARTMENTS.slice(0, 2)),
  ...street('s-lishan', '骊山街道', 'd-lintong', [109.2189, 34.3659]),
  ...community('c-huaqing', '华清社区', 's-lishan', [109.2158, 34.3627], '临潼区华清路'),
  ...street('s-qinling', '秦陵街道', 'd-lintong', [109.2665, 34.3812]),
  ...community('c-qinyong', '秦俑社区', 's-qinling', [109.2687, 34.3795], '临潼区秦陵北路', 1),
  ...street('s-daiwang', '代王街道', 'd-lintong', [109.3448, 34.4011]),
  ...community('c-daiwang', '代王社区', 's-daiwang', [109.3431, 34.4026], '临潼区代王街道', 1),

  ...district('d-changan', '长安区', [108.9071, 34.1588], DEPARTMENTS.slice(0, 2)),
  ...street('s-weiqu', '韦曲街道', 'd-changan', [108.9433, 34.1593]),
  ...community('c-beijie', '北街社区', 's-weiqu', [108.9421, 34.1626], '长安区韦曲北街'),
  ...street('s-guodu', '郭杜街道', 'd-changan', [108.8712, 34.1718]),
  ...community('c-guodu', '郭杜社区', 's-guodu', [108.8725, 34.1731], '长安区郭杜街道', 1),
]

/** The administrative tree, then the 小区 and 楼栋 under its grids (demo/places.ts). */
export const ORG_SEED: UnitSeed[] = [...ADMINISTRATIVE_SEED, ...placeSeeds(ADMINISTRATIVE_SEED)]

type GeoCtor = {
  Point: new (lng: number, lat: number) => unknown
  LineString: new (points: unknown[]) => unknown
  Polygon: new (lines: unknown[]) => unknown
}

/** Unit documents with `ancestors` computed from the parent chain (root first). */
export function buildUnitDocs(db: Db, seeds: UnitSeed[] = ORG_SEED): UnitDoc[] {
  const byId = new Map(seeds.map((s) => [s.id, s]))
  const geo = db.Geo as unknown as GeoCtor
  const ancestorsOf = (s: UnitSeed): string[] => {
    const chain: string[] = []
    for (let p = s.parent; p; p = byId.get(p)?.parent ?? null) chain.unshift(p)
    return chain
  }
  return seeds.map((s, i) => ({
    _id: s.id,
    name: s.name,
    kind: s.kind,
    parentId: s.parent,
    ancestors: ancestorsOf(s),
    center: s.center ? (new geo.Point(s.center[0], s.center[1]) as UnitDoc['center']) : null,
    address: s.address ?? null,
    area: s.ring ? new geo.Polygon([new geo.LineString(s.ring.map(([lng, lat]) => new geo.Point(lng, lat)))]) : null,
    sort: i,
    ...(s.kind === 'building' ? { unitCount: s.unitCount ?? null, households: s.households ?? null } : {}),
  }))
}

export async function seedOrg(rt: Runtime): Promise<void> {
  for (const { _id, ...doc } of buildUnitDocs(rt.db)) {
    await rt.db.collection(COLLECTIONS.units).doc(_id).set(doc)
  }
  invalidateOrgCache(rt.db)
}
