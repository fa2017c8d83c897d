import type { WishesContract } from '../../types/wishes'
import { collectDigests } from '../wishes/sweeps'
import { COMMUNITY, RESIDENT, SECRETARY, STATION, VOLUNTEER, type Call, type KindsOf, type Script } from './script'

const WISHES_KINDS: KindsOf<typeof WishesContract> = {
  post: 'write',
  wall: 'read',
  get: 'read',
  mine: 'read',
  reviewQueue: 'read',
  workload: 'read',
  review: 'write',
  withdraw: 'write',
  hide: 'write',
  claim: 'write',
  release: 'write',
  fulfil: 'write',
  confirm: 'write',
  dispute: 'write',
  thank: 'write',
  ledger: 'read',
  stationResults: 'read',
  settings: 'read',
  updateSettings: 'write',
  digests: 'read',
  exportDigest: 'read',
  sendDigest: 'write',
}

const DAY = 86_400_000

/** Posts a wish as the resident and, unless told not to, has the secretary approve it. */
async function wish(call: Call, text: string, approve = true): Promise<string> {
  const posted = await call<{ id: string }>(RESIDENT, 'wishes', {
    action: 'post',
    communityId: COMMUNITY,
    text,
    category: 'repair',
    neededBy: '2026-12-31',
  })
  if (approve) await call(SECRETARY, 'wishes', { action: 'review', wishId: posted.id, decision: 'approve' })
  return posted.id
}

/** 微心愿 from posting to thanks, the ways out of it, the settings and the digest for partner units. */
export const wishesScript: Script = {
  fn: 'wishes',
  kinds: WISHES_KINDS,
  async play(call, env) {
    const wishId = await wish(call, '家里的旧电视没有信号，想请人帮忙看看', false)
    await call(SECRETARY, 'wishes', { action: 'reviewQueue', communityId: COMMUNITY })
    await call(SECRETARY, 'wishes', { action: 'workload' })
    await call(SECRETARY, 'wishes', { action: 'review', wishId, decision: 'approve' })
    await call(RESIDENT, 'wishes', { action: 'wall', communityId: COMMUNITY })
    await call(RESIDENT, 'wishes', { action: 'get', wishId })
    await call(VOLUNTEER, 'wishes', { action: 'claim', wishId })
    await call(VOLUNTEER, 'wishes', { action: 'mine', as: 'claimer' })
    const fulfilment = { wishId, note: '已上门调试好天线', photos: [] }
    await call(VOLUNTEER, 'wishes', { action: 'fulfil', ...fulfilment })
    await call(RESIDENT, 'wishes', { action: 'dispute', wishId, reason: '电视还是没有信号' })
    await call(VOLUNTEER, 'wishes', { action: 'fulfil', ...fulfilment })
    await call(RESIDENT, 'wishes', { action: 'confirm', wishId })
    await call(RESIDENT, 'wishes', { action: 'thank', wishId, text: '谢谢张师傅，电视修好了！' })
    await call(VOLUNTEER, 'wishes', { action: 'ledger' })
    await call(null, 'wishes', { action: 'stationResults', stationId: STATION })

    const released = await wish(call, '想请人帮忙换一下厨房的灯泡')
    await call(VOLUNTEER, 'wishes', { action: 'claim', wishId: released })
    await call(VOLUNTEER, 'wishes', { action: 'release', wishId: released })
    await call(RESIDENT, 'wishes', { action: 'withdraw', wishId: await wish(call, '想请人教我用手机交电费') })
    const hidden = await wish(call, '想请人帮忙修一下自行车')
    await call(SECRETARY, 'wishes', { action: 'hide', wishId: hidden, reason: '内容涉及个人隐私' })
    await call(SECRETARY, 'wishes', { action: 'settings', communityId: COMMUNITY })
    await call(SECRETARY, 'wishes', {
      action: 'updateSettings',
      communityId: COMMUNITY,
      settings: { reviewRequired: true },
    })

    // Unclaimed for two weeks: the sweep gathers it into a digest for partner units.
    env.clock.advance(15 * DAY)
    await collectDigests(env.rt)
    const digests = await call<{ items: { id: string }[] }>(SECRETARY, 'wishes', {
      action: 'digests',
      communityId: COMMUNITY,
    })
    const digestId = digests.items[0]?.id
    await call(SECRETARY, 'wishes', { action: 'exportDigest', digestId })
    await call(SECRETARY, 'wishes', { action: 'sendDigest', digestId, recipients: ['碑林区妇联', '东县门小学'] })
  },
}
