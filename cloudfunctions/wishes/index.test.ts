import { saveUpload } from '../core/photos'
import type { TestEnv } from '../core/testing'
import {
  A_WISH,
  COMMUNITY,
  OTHER_COMMUNITY,
  RESIDENT,
  SECRETARY,
  STATION,
  VOLUNTEER,
  addPerson,
  claimedWish,
  expectOk,
  fulfilledWish,
  openWish,
  outboxFor,
  wishDoc,
  createWishEnv,
} from './test-helpers'

let env: TestEnv
beforeEach(async () => {
  env = await createWishEnv()
})
afterEach(async () => {
  await env.close()
})

const call = (openid: string | null, event: Record<string, unknown>) => env.call<any>(openid, 'wishes', event)

describe('wishes.post', () => {
  it('should queue a wish for staff review and tell the community staff', async () => {
    const res = await call(RESIDENT, { action: 'post', ...A_WISH })
    const { id, status } = expectOk<{ id: string; status: string }>(res)
    expect(status).toBe('pending_review')
    const doc = await wishDoc(env, id)
    expect(doc).toMatchObject({
      communityId: COMMUNITY,
      wisherId: RESIDENT,
      wisherPhone: '13991230001',
      contentVerdict: 'pass',
      history: [{ action: 'post' }],
    })
    expect((await outboxFor(env, SECRETARY)).map((m) => m.title)).toContain('新心愿待审核')
  })

  it('should refuse risky text with a clear message and store nothing', async () => {
    const res = await call(RESIDENT, { action: 'post', ...A_WISH, text: '想找人一起玩网赌赚钱' })
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('不适宜公开') },
    })
    expect(await env.docs('wishes')).toHaveLength(0)
  })

  it('should refuse a photo another user uploaded with BAD_REQUEST 照片无效 and store nothing', async () => {
    const theirs = await saveUpload(env.rt, 'theirs.png', Buffer.from('theirs'), 'demo-resident-2')
    const res = await call(RESIDENT, { action: 'post', ...A_WISH, photos: [theirs] })
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: '照片无效' } })
    expect(await env.docs('wishes')).toHaveLength(0)
    const mine = await saveUpload(env.rt, 'mine.png', Buffer.from('mine'), RESIDENT)
    const { id } = expectOk<{ id: string }>(await call(RESIDENT, { action: 'post', ...A_WISH, photos: [mine] }))
    expect((await wishDoc(env, id)).photos).toEqual([mine])
  })

  it('should send review-flagged text to staff even when the community turned review off', async () => {
    expectOk(
      await call(SECRETARY, { action: 'updateSettings', communityId: COMMUNITY, settings: { reviewRequired: false } }),
    )
    const flagged = expectOk<{ id: string; status: string }>(
      await call(RESIDENT, { action: 'post', ...A_WISH, text: '需要帮忙，请加微信联系我' }),
    )
    expect(flagged.status).toBe('pending_review')
    const queue = expectOk<{ items: { id: string; contentVerdict: string }[] }>(
      await call(SECRETARY, { action: 'reviewQueue', communityId: COMMUNITY }),
    )
    expect(queue.items).toEqual([expect.objectContaining({ id: flagged.id, contentVerdict: 'review' })])
  })

  it('should put passing text straight on the wall when the community turned review off', async () => {
    expectOk(
      await call(SECRETARY, { action: 'updateSettings', communityId: COMMUNITY, settings: { reviewRequired: false } }),
    )
    const posted = expectOk<{ id: string; status: string }>(await call(RESIDENT, { action: 'post', ...A_WISH }))
    expect(posted.status).toBe('open')
  })

  it('should post at a station into the station community', async () => {
    const { id } = expectOk<{ id: string }>(
      await call(RESIDENT, { action: 'post', ...A_WISH, communityId: undefined, stationId: STATION }),
    )
    expect(await wishDoc(env, id)).toMatchObject({ stationId: STATION, communityId: COMMUNITY })
  })

  it('should answer BAD_REQUEST with issues for a too-short text and store nothing', async () => {
    const res = await call(RESIDENT, { action: 'post', ...A_WISH, text: '帮忙' })
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', issues: [{ path: ['text'] }] } })
    expect(await env.docs('wishes')).toHaveLength(0)
  })

  it('should refuse a needed-by date in the past', async () => {
    const res = await call(RESIDENT, { action: 'post', ...A_WISH, neededBy: '2025-03-02' })
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', issues: [{ path: ['neededBy'] }] } })
  })

  it('should ask an anonymous caller to sign in', async () => {
    expect(await call(null, { action: 'post', ...A_WISH })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    })
  })
})

describe('wishes.review', () => {
  it('should put an approved wish on the wall and tell the wisher', async () => {
    const id = await openWish(env)
    expect(await wishDoc(env, id)).toMatchObject({ status: 'open', openedAt: expect.any(String) })
    expect((await outboxFor(env, RESIDENT)).map((m) => m.title)).toContain('心愿已上墙')
  })

  it('should show the wisher the reason of a rejection', async () => {
    const { id } = expectOk<{ id: string }>(await call(RESIDENT, { action: 'post', ...A_WISH }))
    expectOk(await call(SECRETARY, { action: 'review', wishId: id, decision: 'reject', reason: '请写清楚具体需要' }))
    const detail = expectOk<{ status: string; rejectReason: string }>(
      await call(RESIDENT, { action: 'get', wishId: id }),
    )
    expect(detail).toMatchObject({ status: 'rejected', rejectReason: '请写清楚具体需要' })
  })

  it('should require a reason to reject', async () => {
    const { id } = expectOk<{ id: string }>(await call(RESIDENT, { action: 'post', ...A_WISH }))
    const res = await call(SECRETARY, { action: 'review', wishId: id, decision: 'reject' })
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', issues: [{ path: ['reason'] }] } })
    expect(await wishDoc(env, id)).toMatchObject({ status: 'pending_review' })
  })

  it('should refuse a resident and the staff of another community', async () => {
    const { id } = expectOk<{ id: string }>(await call(RESIDENT, { action: 'post', ...A_WISH }))
    expect(await call('demo-resident-2', { action: 'review', wishId: id, decision: 'approve' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
    await addPerson(env, 'other-secretary', { role: 'community_secretary', unitId: OTHER_COMMUNITY })
    expect(await call('other-secretary', { action: 'review', wishId: id, decision: 'approve' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
    expect(await wishDoc(env, id)).toMatchObject({ status: 'pending_review' })
  })

  it('should let the street above the community review', async () => {
    const { id } = expectOk<{ id: string }>(await call(RESIDENT, { action: 'post', ...A_WISH }))
    expect(await call('demo-street-1', { action: 'review', wishId: id, decision: 'approve' })).toMatchObject({
      ok: true,
      data: { status: 'open' },
    })
  })
})

describe('wishes.wall', () => {
  it('should show open wishes with the name masked and no contact anywhere', async () => {
    await openWish(env)
    const res = await call('demo-resident-2', { action: 'wall', communityId: COMMUNITY })
    const wall = expectOk<{ items: { wisherName: string }[]; hasMore: boolean }>(res)
    expect(wall).toMatchObject({ items: [expect.anything()], hasMore: false })
    expect(wall.items[0]!.wisherName).toBe('王**')
    const json = JSON.stringify(res)
    expect(json).not.toContain('13991230001')
    expect(json).not.toContain('王秀兰')
    expect(json).not.toContain('contact')
  })

  it('should keep the phone out of the wall even for the claimer', async () => {
    await claimedWish(env)
    const res = await call(VOLUNTEER, { action: 'wall', communityId: COMMUNITY, status: 'claimed' })
    expect(expectOk<{ items: unknown[] }>(res).items).toHaveLength(1)
    expect(JSON.stringify(res)).not.toContain('13991230001')
  })

  it('should show the wisher their own name in full', async () => {
    await openWish(env)
    const wall = expectOk<{ items: { wisherName: string; mine: boolean }[] }>(
      await call(RESIDENT, { action: 'wall', communityId: COMMUNITY }),
    )
    expect(wall.items[0]).toMatchObject({ wisherName: '王秀兰', mine: true })
  })

  it('should filter by category and sort by the soonest needed', async () => {
    await openWish(env, { neededBy: '2025-03-20', category: 'study', text: '孩子需要一套初中数学辅导书' })
    await openWish(env, { neededBy: '2025-03-05', category: 'study', text: '孩子需要一个新书包，旧的坏了' })
    await openWish(env, { neededBy: '2025-03-04', category: 'company', text: '周末想找人陪我聊聊天' })
    const study = expectOk<{ items: { neededBy: string; category: string }[] }>(
      await call(VOLUNTEER, { action: 'wall', communityId: COMMUNITY, category: 'study', sort: 'soonest' }),
    )
    expect(study.items.map((w) => w.neededBy)).toEqual(['2025-03-05', '2025-03-20'])
    const byStation = expectOk<{ items: unknown[] }>(await call(VOLUNTEER, { action: 'wall', stationId: STATION }))
    expect(byStation.items).toEqual([])
  })

  it('should page the wall and say whether another page follows', async () => {
    const older = await openWish(env, { text: '想请人帮忙把旧衣服送到捐赠点' })
    env.clock.advance(60_000)
    const newer = await openWish(env, { text: '想请人帮忙修一下自行车的链条' })
    const first = expectOk<{ items: { id: string }[]; hasMore: boolean }>(
      await call(VOLUNTEER, { action: 'wall', communityId: COMMUNITY, pageSize: 1 }),
    )
    expect(first).toMatchObject({ items: [{ id: newer }], hasMore: true, page: 1, pageSize: 1 })
    const second = expectOk<{ items: { id: string }[]; hasMore: boolean }>(
      await call(VOLUNTEER, { action: 'wall', communityId: COMMUNITY, pageSize: 1, page: 2 }),
    )
    expect(second).toMatchObject({ items: [{ id: older }], hasMore: false })
    expect(second).not.toHaveProperty('total')
  })

  it('should not list wishes waiting for review', async () => {
    expectOk(await call(RESIDENT, { action: 'post', ...A_WISH }))
    expect(
      expectOk<{ items: unknown[] }>(await call(VOLUNTEER, { action: 'wall', communityId: COMMUNITY })).items,
    ).toEqual([])
  })

  it('should need a community or a station', async () => {
    expect(await call(VOLUNTEER, { action: 'wall' })).toMatchObject({ error: { code: 'BAD_REQUEST' } })
  })
})

describe('wishes.claim', () => {
  it('should give the claimer the contact and tell both people', async () => {
    const id = await openWish(env)
    const res = expectOk<{ status: string; contact: { name: string; phone: string }; claimDeadline: string }>(
      await call(VOLUNTEER, { action: 'claim', wishId: id }),
    )
    expect(res).toMatchObject({
      status: 'claimed',
      contact: { name: '王秀兰', phone: '13991230001' },
      claimDeadline: '2025-03-10T02:00:00.000Z',
    })
    expect((await outboxFor(env, RESIDENT)).map((m) => m.title)).toContain('心愿已被认领')
    expect((await outboxFor(env, VOLUNTEER)).map((m) => m.title)).toContain('认领成功')
    const detail = expectOk<{ contact: unknown; can: string[] }>(await call(VOLUNTEER, { action: 'get', wishId: id }))
    expect(detail.contact).toEqual({ name: '王秀兰', phone: '13991230001' })
    expect(detail.can).toEqual(['release', 'fulfil'])
  })

  it('should hide the contact from everyone but the wisher and the claimer', async () => {
    const id = await claimedWish(env)
    for (const openid of ['demo-resident-2', SECRETARY, 'demo-grid-1']) {
      const res = await call(openid, { action: 'get', wishId: id })
      expect(expectOk<{ contact: unknown }>(res).contact).toBeNull()
      expect(JSON.stringify(res)).not.toContain('13991230001')
    }
    expect(expectOk<{ contact: unknown }>(await call(RESIDENT, { action: 'get', wishId: id })).contact).not.toBeNull()
  })

  it('should tell the second volunteer the wish has just been claimed', async () => {
    const id = await claimedWish(env)
    await addPerson(env, 'vol-2', { role: 'volunteer', unitId: COMMUNITY })
    expect(await call('vol-2', { action: 'claim', wishId: id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('刚刚被其他志愿者认领') },
    })
  })

  it('should refuse a resident, a volunteer of another community and the wisher', async () => {
    const id = await openWish(env)
    expect(await call('demo-resident-2', { action: 'claim', wishId: id })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
    await addPerson(env, 'vol-elsewhere', { role: 'volunteer', unitId: OTHER_COMMUNITY })
    expect(await call('vol-elsewhere', { action: 'claim', wishId: id })).toMatchObject({ error: { code: 'FORBIDDEN' } })
    const own = await openWish(env, {}, VOLUNTEER)
    expect(await call(VOLUNTEER, { action: 'claim', wishId: own })).toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect(await wishDoc(env, id)).toMatchObject({ status: 'open', claimerId: null })
  })

  it('should stop a volunteer at the limit of open claims and free a slot on release', async () => {
    expectOk(await call(SECRETARY, { action: 'updateSettings', communityId: COMMUNITY, settings: { claimLimit: 2 } }))
    const ids = [await openWish(env), await openWish(env), await openWish(env)]
    expectOk(await call(VOLUNTEER, { action: 'claim', wishId: ids[0] }))
    expectOk(await call(VOLUNTEER, { action: 'claim', wishId: ids[1] }))
    expect(await call(VOLUNTEER, { action: 'claim', wishId: ids[2] })).toMatchObject({
      error: { code: 'CONFLICT', message: expect.stringContaining('2 个未完成') },
    })
    expectOk(await call(VOLUNTEER, { action: 'release', wishId: ids[0] }))
    expectOk(await call(VOLUNTEER, { action: 'claim', wishId: ids[2] }))
  })

  it('should answer NOT_FOUND for an unknown wish', async () => {
    expect(await call(VOLUNTEER, { action: 'claim', wishId: 'w-nope' })).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })

  it('should answer a repeated claim by the winner as a success, without a second slot or second notices', async () => {
    expectOk(await call(SECRETARY, { action: 'updateSettings', communityId: COMMUNITY, settings: { claimLimit: 2 } }))
    const id = await openWish(env)
    const first = expectOk<{ claimDeadline: string }>(await call(VOLUNTEER, { action: 'claim', wishId: id }))
    const again = expectOk<{ status: string; claimDeadline: string; contact: unknown }>(
      await call(VOLUNTEER, { action: 'claim', wishId: id }),
    )
    expect(again).toEqual({
      id,
      status: 'claimed',
      claimDeadline: first.claimDeadline,
      contact: { name: '王秀兰', phone: '13991230001' },
    })
    expect(await env.docs('wish_claim_slots', { _id: VOLUNTEER })).toEqual([expect.objectContaining({ open: 1 })])
    expect((await wishDoc(env, id)).history.filter((h: { action: string }) => h.action === 'claim')).toHaveLength(1)
    expect((await outboxFor(env, VOLUNTEER)).filter((m) => m.title === '认领成功')).toHaveLength(1)
    // The second slot is still free for another wish.
    expectOk(await call(VOLUNTEER, { action: 'claim', wishId: await openWish(env) }))
  })

  it('should answer two simultaneous taps by one volunteer both as the same claim', async () => {
    const id = await openWish(env)
    const answers = await Promise.all([
      call(VOLUNTEER, { action: 'claim', wishId: id }),
      call(VOLUNTEER, { action: 'claim', wishId: id }),
    ])
    expect(answers.map((a) => a.ok)).toEqual([true, true])
    expect(await env.docs('wish_claim_slots', { _id: VOLUNTEER })).toEqual([expect.objectContaining({ open: 1 })])
    expect(await wishDoc(env, id)).toMatchObject({ status: 'claimed', claimerId: VOLUNTEER, version: 3 })
  })
})

describe('wishes.release', () => {
  it('should return the wish to the wall without the claimer and tell the wisher', async () => {
    const id = await claimedWish(env)
    expectOk(await call(VOLUNTEER, { action: 'release', wishId: id, reason: '临时出差' }))
    expect(await wishDoc(env, id)).toMatchObject({ status: 'open', claimerId: null })
    expect((await outboxFor(env, RESIDENT)).map((m) => m.body).join()).toContain('临时出差')
    expect(expectOk<{ contact: unknown }>(await call(VOLUNTEER, { action: 'get', wishId: id })).contact).toBeNull()
  })

  it('should refuse anyone but the claimer', async () => {
    const id = await claimedWish(env)
    await addPerson(env, 'vol-2', { role: 'volunteer', unitId: COMMUNITY })
    expect(await call('vol-2', { action: 'release', wishId: id })).toMatchObject({ error: { code: 'FORBIDDEN' } })
  })
})

describe('wishes.fulfil, confirm, dispute and thank', () => {
  it('should credit the volunteer once on confirmation and show the entry in their ledger', async () => {
    const id = await fulfilledWish(env)
    expect((await outboxFor(env, RESIDENT)).map((m) => m.title)).toContain('请确认心愿')
    expectOk(await call(RESIDENT, { action: 'confirm', wishId: id }))
    expect(await call(RESIDENT, { action: 'confirm', wishId: id })).toMatchObject({ error: { code: 'CONFLICT' } })
    const ledger = expectOk<{ items: { wishId: string; hours: number }[]; totalHours: number; totalPoints: number }>(
      await call(VOLUNTEER, { action: 'ledger' }),
    )
    expect(ledger).toMatchObject({ items: [{ wishId: id, hours: 2 }], totalHours: 2, totalPoints: 10 })
  })

  it('should send a disputed wish back to the volunteer with the reason', async () => {
    const id = await fulfilledWish(env)
    expectOk(await call(RESIDENT, { action: 'dispute', wishId: id, reason: '电视还是没有信号' }))
    expect(await wishDoc(env, id)).toMatchObject({
      status: 'claimed',
      claimerId: VOLUNTEER,
      disputeReason: '电视还是没有信号',
    })
    expect((await outboxFor(env, VOLUNTEER)).map((m) => m.body).join()).toContain('电视还是没有信号')
    expect(await env.docs('service_ledger')).toHaveLength(0)
  })

  it('should show the thanks on the wall once, and only the wisher may write it', async () => {
    const id = await fulfilledWish(env)
    expectOk(await call(RESIDENT, { action: 'confirm', wishId: id }))
    expect(await call('demo-resident-2', { action: 'thank', wishId: id, text: '谢谢志愿者' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
    expectOk(await call(RESIDENT, { action: 'thank', wishId: id, text: '谢谢张师傅，电视修好了！' }))
    expect(await call(RESIDENT, { action: 'thank', wishId: id, text: '再次感谢' })).toMatchObject({
      error: { code: 'CONFLICT' },
    })
    const wall = expectOk<{ items: { thanks: string }[] }>(
      await call('demo-resident-2', { action: 'wall', communityId: COMMUNITY, status: 'confirmed' }),
    )
    expect(wall.items[0]!.thanks).toBe('谢谢张师傅，电视修好了！')
  })

  it('should show the proof photos of a fulfilment to the wisher, and refuse more than three', async () => {
    const id = await claimedWish(env)
    const photo = await saveUpload(env.rt, 'proof.png', Buffer.from('proof'), VOLUNTEER)
    const tooMany = Array(4).fill(photo)
    expect(
      await call(VOLUNTEER, { action: 'fulfil', wishId: id, note: '已上门调试好天线', photos: tooMany }),
    ).toMatchObject({ error: { code: 'BAD_REQUEST' } })
    expectOk(await call(VOLUNTEER, { action: 'fulfil', wishId: id, note: '已上门调试好天线', photos: [photo] }))
    const detail = expectOk<{ fulfilPhotos: { fileId: string; url: string }[]; can: string[] }>(
      await call(RESIDENT, { action: 'get', wishId: id }),
    )
    expect(detail.fulfilPhotos).toEqual([{ fileId: photo, url: await env.rt.storage.url(photo) }])
    expect(detail.can).toContain('confirm')
  })

  it('should refuse proof photos the volunteer did not upload with BAD_REQUEST 照片无效, leaving the wish claimed', async () => {
    const id = await claimedWish(env)
    const wishers = await saveUpload(env.rt, 'wisher.png', Buffer.from('wisher'), RESIDENT)
    expect(
      await call(VOLUNTEER, { action: 'fulfil', wishId: id, note: '已上门调试好天线', photos: [wishers] }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: '照片无效' } })
    expect(await wishDoc(env, id)).toMatchObject({ status: 'claimed', fulfilPhotos: [], fulfilNote: null })
  })

  it('should refuse fulfilling by anyone but the claimer and a note that is missing', async () => {
    const id = await claimedWish(env)
    expect(await call(VOLUNTEER, { action: 'fulfil', wishId: id, photos: [] })).toMatchObject({
      error: { code: 'BAD_REQUEST' },
    })
    await addPerson(env, 'vol-2', { role: 'volunteer', unitId: COMMUNITY })
    expect(await call('vol-2', { action: 'fulfil', wishId: id, note: '已完成', photos: [] })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
  })

  it('should keep every transition in the history', async () => {
    const id = await fulfilledWish(env)
    expectOk(await call(RESIDENT, { action: 'confirm', wishId: id }))
    const detail = expectOk<{ history: { action: string; by: string }[] }>(
      await call(RESIDENT, { action: 'get', wishId: id }),
    )
    expect(detail.history.map((h) => `${h.action}:${h.by}`)).toEqual([
      'post:wisher',
      'approve:staff',
      'claim:volunteer',
      'fulfil:volunteer',
      'confirm:wisher',
    ])
  })
})

describe('wishes.withdraw and hide', () => {
  it('should let the wisher withdraw an unclaimed wish but not a claimed one', async () => {
    const open = await openWish(env)
    expectOk(await call(RESIDENT, { action: 'withdraw', wishId: open }))
    const claimed = await claimedWish(env)
    expect(await call(RESIDENT, { action: 'withdraw', wishId: claimed })).toMatchObject({ error: { code: 'CONFLICT' } })
    expect(await call('demo-resident-2', { action: 'withdraw', wishId: claimed })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
  })

  it('should let staff hide a wish with a reason, off the wall and gone for strangers', async () => {
    const id = await claimedWish(env)
    expectOk(await call(SECRETARY, { action: 'hide', wishId: id, reason: '内容涉及个人隐私' }))
    expect(
      expectOk<{ items: unknown[] }>(
        await call('demo-resident-2', { action: 'wall', communityId: COMMUNITY, status: 'claimed' }),
      ).items,
    ).toEqual([])
    expect(await call('demo-resident-2', { action: 'get', wishId: id })).toMatchObject({ error: { code: 'NOT_FOUND' } })
    expect(expectOk<{ hideReason: string }>(await call(RESIDENT, { action: 'get', wishId: id })).hideReason).toBe(
      '内容涉及个人隐私',
    )
    expect((await outboxFor(env, VOLUNTEER)).map((m) => m.title)).toContain('心愿已隐藏')
    expect(await call(VOLUNTEER, { action: 'hide', wishId: id, reason: '不合适' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
  })
})

describe('wishes.mine, stationResults and settings', () => {
  it('should list my wishes and my claims', async () => {
    const id = await claimedWish(env)
    expect(
      expectOk<{ items: { id: string }[] }>(await call(RESIDENT, { action: 'mine' })).items.map((w) => w.id),
    ).toEqual([id])
    expect(
      expectOk<{ items: { id: string }[] }>(await call(VOLUNTEER, { action: 'mine', as: 'claimer' })).items.map(
        (w) => w.id,
      ),
    ).toEqual([id])
  })

  it('should show a station its confirmed wishes with masked names and thanks, to anyone', async () => {
    const id = await fulfilledWish(env, { communityId: undefined, stationId: STATION })
    expectOk(await call(RESIDENT, { action: 'confirm', wishId: id }))
    expectOk(await call(RESIDENT, { action: 'thank', wishId: id, text: '非常感谢！' }))
    const res = await call(null, { action: 'stationResults', stationId: STATION })
    expect(expectOk<{ items: unknown[] }>(res).items).toEqual([
      expect.objectContaining({ id, wisherName: '王**', fulfilNote: '已上门调试好天线', thanks: '非常感谢！' }),
    ])
    expect(JSON.stringify(res)).not.toContain('13991230001')
  })

  it('should refuse settings to anyone but staff', async () => {
    expect(await call(VOLUNTEER, { action: 'settings', communityId: COMMUNITY })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
    expect(
      await call(SECRETARY, { action: 'updateSettings', communityId: COMMUNITY, settings: { claimLimit: 0 } }),
    ).toMatchObject({ error: { code: 'BAD_REQUEST' } })
  })
})
