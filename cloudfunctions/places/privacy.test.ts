import { DEMO_PLACES } from '../../demo'
import { COLLECTIONS } from '../core/collections'
import { HEADER, upload, usePlacesEnv, xlsx } from './test-helpers'

/*
 * No openid reaches anyone but its owner: every answer staff get from the places function
 * (住户, 确认住址, 双报到 and its decision, the posts, the import) is scanned for the openid of
 * every account the test knows.
 */

const SECRETARY = 'demo-secretary-1'
const GRID = 'demo-grid-1'

describe('places staff answers', () => {
  const t = usePlacesEnv()
  const { places } = t

  async function everyOpenid(): Promise<string[]> {
    const users = await t.env().docs<{ _id: string }>(COLLECTIONS.users)
    const roles = await t.env().docs<{ openid: string }>(COLLECTIONS.roleAssignments)
    return [...new Set([...users.map((u) => u._id), ...roles.map((r) => r.openid)])]
  }

  it('should carry no openid in the 住户 list, confirmation, 双报到, posts or the import', async () => {
    const answers: Array<[string, unknown]> = []
    const staff = async <T>(who: string, action: string, input: Record<string, unknown>): Promise<T> => {
      const res = await places(who, { action, ...input })
      expect([action, res.error]).toEqual([action, undefined])
      answers.push([`${who} ${action}`, res.data])
      return res.data as T
    }

    await places('demo-resident-2', {
      action: 'setAddress',
      estateId: DEMO_PLACES.estate,
      buildingId: DEMO_PLACES.building,
      room: '1单元 201',
    })
    await places('demo-resident-1', {
      action: 'reportParty',
      workUnit: '西安市第一医院',
      partyOrg: '第一医院机关党支部',
      skills: ['义诊'],
    })

    await staff(GRID, 'residents', { unitId: 'g-dongxianmen-1' })
    const pending = await staff<{ items: Array<{ ref: string }> }>(SECRETARY, 'residents', {
      unitId: 'c-dongxianmen',
      status: 'pending',
    })
    await staff(SECRETARY, 'confirmResidents', { communityId: 'c-dongxianmen', refs: pending.items.map((r) => r.ref) })
    await staff(SECRETARY, 'residents', { unitId: DEMO_PLACES.building })

    await staff(SECRETARY, 'partyReports', { communityId: 'c-dongxianmen' })
    const reports = await staff<{ items: Array<{ ref: string; name: string }> }>(SECRETARY, 'partyReports', {
      communityId: 'c-dongxianmen',
      status: 'pending',
    })
    const reporter = reports.items.find((r) => r.name === '王秀兰')!.ref
    await staff(SECRETARY, 'verifyParty', { ref: reporter, decision: 'verify' })
    await staff(SECRETARY, 'partyReports', { communityId: 'c-dongxianmen', status: 'verified' })

    const assigned = await staff<{ post: { id: string } }>(SECRETARY, 'assignPost', {
      unitId: DEMO_PLACES.building,
      post: 'party_household',
      ref: reporter,
    })
    await staff(SECRETARY, 'assignPost', {
      unitId: 'c-dongxianmen',
      post: 'police',
      name: '高建军',
      phone: '029-87410000',
    })
    await staff(SECRETARY, 'posts', { communityId: 'c-dongxianmen' })
    await staff(SECRETARY, 'removePost', { postId: assigned.post.id })

    const fileId = await upload(t.env(), SECRETARY, await xlsx([HEADER, ['东县门小区', 5, '第一网格', 2, 30]]))
    const preview = await staff<{ digest: string }>(SECRETARY, 'importPreview', {
      communityId: 'c-dongxianmen',
      fileId,
    })
    await staff(SECRETARY, 'importCommit', { communityId: 'c-dongxianmen', fileId, digest: preview.digest })

    const openids = await everyOpenid()
    expect(openids).toEqual(
      expect.arrayContaining(['demo-resident-1', 'demo-resident-2', 'demo-volunteer-1', SECRETARY]),
    )
    const leaks = answers.flatMap(([action, data]) => {
      const text = JSON.stringify(data)
      return openids.filter((o) => text.includes(o)).map((o) => `${action}: ${o}`)
    })
    expect(leaks).toEqual([])
  })
})
