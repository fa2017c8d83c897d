import type { PlacesContract } from '../../types/places'
import { upload, xlsx, HEADER } from '../places/test-helpers'
import { COMMUNITY, GRID, RESIDENT, RESIDENT_2, SECRETARY, type KindsOf, type Script } from './script'

const PLACES_KINDS: KindsOf<typeof PlacesContract> = {
  places: 'read',
  setAddress: 'write',
  myServers: 'read',
  // The 住户 and 双报到 lists store the refs they hand out on accounts that lack one (core/person-ref.ts).
  residents: 'write',
  confirmResidents: 'write',
  importPreview: 'read',
  importCommit: 'write',
  reportParty: 'write',
  myPartyReport: 'read',
  partyReports: 'write',
  verifyParty: 'write',
  posts: 'read',
  assignPost: 'write',
  removePost: 'write',
  setPhoneHidden: 'write',
  setWorkPhone: 'write',
}

const ESTATE = 'e-dongxianmen-1-1'
const BUILDING = 'b-dongxianmen-1-1-3'
const OTHER_BUILDING = 'b-dongxianmen-1-1-1'

/** 小区楼栋与住址: the resident's address and 为我服务, staff confirming, posts, 双报到, the import. */
export const placesScript: Script = {
  fn: 'places',
  kinds: PLACES_KINDS,
  async warmUp(call) {
    // An earlier 为我服务 in the grid (or a case routed to it) read the grid's roster into the runtime.
    await call(RESIDENT, 'places', { action: 'myServers' })
  },
  async play(call, env) {
    await call(RESIDENT_2, 'places', { action: 'places', communityId: COMMUNITY })
    await call(RESIDENT_2, 'places', {
      action: 'setAddress',
      estateId: ESTATE,
      buildingId: BUILDING,
      room: '1单元 201',
    })
    await call(RESIDENT, 'places', { action: 'myServers' })
    const pending = await call<{ items: Array<{ ref: string }> }>(SECRETARY, 'places', {
      action: 'residents',
      unitId: COMMUNITY,
      status: 'pending',
    })
    const refs = pending.items.map((r) => r.ref)
    await call(SECRETARY, 'places', { action: 'confirmResidents', communityId: COMMUNITY, refs })

    const report = { workUnit: '西安市第一医院', partyOrg: '第一医院机关党支部', skills: ['义诊'] }
    await call(RESIDENT, 'places', { action: 'reportParty', ...report })
    await call(RESIDENT, 'places', { action: 'myPartyReport' })
    const reports = await call<{ items: Array<{ ref: string }> }>(SECRETARY, 'places', {
      action: 'partyReports',
      communityId: COMMUNITY,
      status: 'pending',
    })
    await call(SECRETARY, 'places', { action: 'verifyParty', ref: reports.items[0]!.ref, decision: 'verify' })

    await call(SECRETARY, 'places', { action: 'posts', communityId: COMMUNITY })
    const assigned = await call<{ post: { id: string } }>(SECRETARY, 'places', {
      action: 'assignPost',
      unitId: OTHER_BUILDING,
      post: 'building_head',
      ref: reports.items[0]!.ref,
    })
    await call(SECRETARY, 'places', { action: 'removePost', postId: assigned.post.id })
    await call(GRID, 'places', { action: 'setPhoneHidden', hidden: true })
    await call(GRID, 'places', { action: 'setWorkPhone', workPhone: '029-87654321' })

    const sheet = await xlsx([
      HEADER,
      ['东县门小区', 5, '第一网格', 2, 30],
      ['建东街小区', '1号楼', '东县门社区第二网格', 2, 24],
    ])
    const fileId = await upload(env, SECRETARY, sheet)
    const preview = await call<{ digest: string }>(SECRETARY, 'places', {
      action: 'importPreview',
      communityId: COMMUNITY,
      fileId,
    })
    await call(SECRETARY, 'places', { action: 'importCommit', communityId: COMMUNITY, fileId, digest: preview.digest })
  },
}
