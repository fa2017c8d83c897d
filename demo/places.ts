import { COLLECTIONS, type UnitDoc, type UserAddress } from '../cloudfunctions/core/collections'
import { PLACE_COLLECTIONS, placePostId, type PartyMemberDoc, type PlacePostDoc } from '../cloudfunctions/core/places'
import type { Runtime } from '../cloudfunctions/core/runtime'
import type { PlacePost } from '../types/places-labels'
import type { UnitSeed } from './org'

/**
 * Demo 小区 and 楼栋: every demo community gets one or two 小区 per grid, named the way Xi'an
 * residents name them (…小区, …家属院, …花园), each with a few numbered 楼栋.
 */
const ESTATES: Record<string, [string, number][][]> = {
  dongxianmen: [
    [
      ['东县门小区', 4],
      ['柏树林家属院', 2],
    ],
    [['东关正街小区', 3]],
  ],
  xiamaling: [[['下马陵小区', 3]], [['和平门家属院', 2]]],
  wuweishizi: [[['五味什字小区', 3]], [['民乐园小区', 2]]],
  dongfeng: [[['东风小区', 3]], [['鹿苑花园', 4]]],
  jijia: [[['姬家新村', 3]]],
  huaqing: [[['华清园小区', 3]], [['骊山花园', 2]]],
  qinyong: [[['秦俑小区', 3]]],
  daiwang: [[['代王新村', 2]]],
  beijie: [[['韦曲北街小区', 3]], [['航天家属院', 2]]],
  guodu: [[['郭杜花园', 4]]],
}

/** Unit seeds for the 小区 and 楼栋 below the grids of `communities` (as ORG_SEED lists them). */
export function placeSeeds(units: readonly UnitSeed[]): UnitSeed[] {
  const out: UnitSeed[] = []
  for (const [key, grids] of Object.entries(ESTATES)) {
    grids.forEach((estates, g) => {
      const grid = units.find((u) => u.id === `g-${key}-${g + 1}`)
      if (!grid) return
      estates.forEach(([name, buildings], e) => {
        const id = `e-${key}-${g + 1}-${e + 1}`
        const center: [number, number] | undefined = grid.center && [
          grid.center[0] + (e - 0.5) * 0.0012,
          grid.center[1] + 0.0006,
        ]
        out.push({ id, name, kind: 'estate', parent: grid.id, center })
        for (let b = 1; b <= buildings; b++) {
          out.push({
            id: `b-${key}-${g + 1}-${e + 1}-${b}`,
            name: `${b}号楼`,
            kind: 'building',
            parent: id,
            unitCount: b % 2 ? 3 : 2,
            households: b % 2 ? 36 : 24,
          })
        }
      })
    })
  }
  return out
}

export const DEMO_PLACES = {
  estate: 'e-dongxianmen-1-1',
  building: 'b-dongxianmen-1-1-3',
  otherBuilding: 'b-dongxianmen-1-1-1',
} as const

type PostSeed = { unitId: string; post: PlacePost; openid?: string; name: string; phone: string }

/** Who serves 东县门小区 in the demo: a 楼栋长 with an account and the "2+4" contacts. */
const POSTS: PostSeed[] = [
  {
    unitId: DEMO_PLACES.building,
    post: 'building_head',
    openid: 'demo-volunteer-1',
    name: '张志强',
    phone: '13991230003',
  },
  { unitId: DEMO_PLACES.estate, post: 'service_head', name: '杨建华', phone: '13709181234' },
  { unitId: DEMO_PLACES.estate, post: 'liaison_head', name: '何丽娟', phone: '13892045678' },
  { unitId: DEMO_PLACES.estate, post: 'police', name: '马振宇', phone: '029-87412110' },
  { unitId: DEMO_PLACES.estate, post: 'legal_adviser', name: '郑律师', phone: '13572039876' },
  { unitId: DEMO_PLACES.estate, post: 'property', name: '东县门物业服务中心', phone: '029-87426688' },
]

function addressAt(building: UnitDoc, room: string, status: UserAddress['status'], now: string): UserAddress {
  const [, , communityId, gridId, estateId] = building.ancestors
  return {
    communityId: communityId!,
    gridId: gridId!,
    estateId: estateId!,
    buildingId: building._id,
    unitIds: [...building.ancestors, building._id],
    room,
    status,
    declaredAt: now,
    confirmedAt: status === 'confirmed' ? now : null,
    confirmedBy: status === 'confirmed' ? 'demo-secretary-1' : null,
  }
}

/**
 * Addresses, a verified 党员 and the posts: 王秀兰 lives in 东县门小区 3号楼 (confirmed), so her
 * 为我服务 has people in it; 李建国 has none yet, so the address flow can be tried.
 */
export async function seedPlaces(rt: Runtime): Promise<void> {
  const now = rt.clock.now().toISOString()
  const building = ((await rt.db.collection(COLLECTIONS.units).doc(DEMO_PLACES.building).get()).data as UnitDoc[])[0]!
  const users = rt.db.collection(COLLECTIONS.users)
  await users.doc('demo-resident-1').update({ address: addressAt(building, '2单元 301', 'confirmed', now) })
  await users
    .doc('demo-volunteer-1')
    .update({ address: addressAt(building, '1单元 502', 'confirmed', now), partyMember: true })
  const report: Omit<PartyMemberDoc, '_id'> = {
    communityId: building.ancestors[2]!,
    workUnit: '碑林区教育局',
    partyOrg: '碑林区教育局机关党支部',
    skills: ['辅导作业', '电脑维修'],
    status: 'verified',
    reportedAt: now,
    verifiedAt: now,
    verifiedBy: 'demo-secretary-1',
    reason: null,
  }
  await rt.db.collection(PLACE_COLLECTIONS.partyMembers).doc('demo-volunteer-1').set(report)
  const unitIds = (unitId: string) =>
    unitId === building._id ? [...building.ancestors, unitId] : [...building.ancestors.slice(0, 4), unitId]
  for (const p of POSTS) {
    const doc: Omit<PlacePostDoc, '_id'> = {
      unitId: p.unitId,
      unitIds: unitIds(p.unitId),
      post: p.post,
      openid: p.openid ?? null,
      name: p.name,
      phone: p.phone,
      phoneHidden: false,
      createdAt: now,
      createdBy: 'demo-secretary-1',
    }
    const id = placePostId(p.unitId, p.post, p.openid ?? p.phone)
    await rt.db.collection(PLACE_COLLECTIONS.placePosts).doc(id).set(doc)
    if (p.openid) await users.doc(p.openid).update({ placePostIds: rt.db.command.addToSet(id) })
  }
}
