import ExcelJS from 'exceljs'
import { runSweeps } from '../scheduler/sweeps'
import type { TestEnv } from '../core/testing'
import { loadAssignments } from '../core/authz'
import { queueClaimNotices, reserveSlot, takeClaim } from './claims'
import { autoConfirm, claimNotices, collectDigests, expireClaims } from './sweeps'
import {
  COMMUNITY,
  RESIDENT,
  SECRETARY,
  VOLUNTEER,
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
  env = await createWishEnv({ now: '2025-03-03T02:00:00.000Z' })
})
afterEach(async () => {
  await env.close()
})

const DAY = 86_400_000

/**
 * A crash right after the winning claim: exactly the claim's conditional update has
 * happened (takeClaim), the request that would have queued the notices never continued.
 */
async function claimThenCrash(id: string): Promise<void> {
  await takeClaim(
    {
      rt: env.rt,
      requireCaller: () => ({ openid: VOLUNTEER }),
      assignments: await loadAssignments(env.rt.db, VOLUNTEER),
      now: () => env.clock.now(),
    },
    id,
  )
}

const titles = async (openid: string) => (await outboxFor(env, openid)).map((m) => m.title)

describe('claimNotices', () => {
  it('should queue the notices a crash after the winning claim left out, once', async () => {
    const id = await openWish(env)
    await claimThenCrash(id)
    expect(await wishDoc(env, id)).toMatchObject({
      status: 'claimed',
      claimerId: VOLUNTEER,
      claimNoticeDueAt: expect.any(String),
    })
    expect(await titles(RESIDENT)).not.toContain('心愿已被认领')
    expect(await titles(VOLUNTEER)).not.toContain('认领成功')

    // Within the grace minute the sweep leaves it to the request that made the claim.
    expect(await claimNotices(env.rt)).toEqual({ queued: 0 })
    env.clock.advance(60_000)
    expect(await claimNotices(env.rt)).toEqual({ queued: 1 })
    expect(await titles(RESIDENT)).toContain('心愿已被认领')
    expect(await titles(VOLUNTEER)).toContain('认领成功')
    expect((await wishDoc(env, id)).claimNoticeDueAt).toBeNull()

    expect(await claimNotices(env.rt)).toEqual({ queued: 0 })
    expect((await titles(RESIDENT)).filter((t) => t === '心愿已被认领')).toHaveLength(1)
    expect((await titles(VOLUNTEER)).filter((t) => t === '认领成功')).toHaveLength(1)
  })

  it('should queue them once when the request and the sweep run at the same moment', async () => {
    const id = await openWish(env)
    await claimThenCrash(id)
    const run = () => queueClaimNotices(env.rt.db, id, env.clock.now())
    const runs = await Promise.all([run(), run()])
    expect(runs.filter(Boolean)).toHaveLength(1)
    expect((await titles(RESIDENT)).filter((t) => t === '心愿已被认领')).toHaveLength(1)
    expect((await titles(VOLUNTEER)).filter((t) => t === '认领成功')).toHaveLength(1)
    expect((await wishDoc(env, id)).claimNoticeDueAt).toBeNull()
  })

  it('should deliver the recovered notices to the inbox through the scheduler', async () => {
    const id = await openWish(env)
    await claimThenCrash(id)
    env.clock.advance(5 * 60_000)
    const results = await runSweeps(env.rt)
    expect(results.find((r) => r.name === 'wishes.claimNotices')).toMatchObject({ ok: true, result: { queued: 1 } })
    const inbox = await env.docs<{ title: string }>('inbox', { openid: RESIDENT })
    expect(inbox.map((m) => m.title)).toContain('心愿已被认领')
  })

  it('should leave nothing for the sweep when the claim request finished', async () => {
    const id = await claimedWish(env)
    expect((await wishDoc(env, id)).claimNoticeDueAt).toBeNull()
    env.clock.advance(60_000)
    expect(await claimNotices(env.rt)).toEqual({ queued: 0 })
    expect((await titles(RESIDENT)).filter((t) => t === '心愿已被认领')).toHaveLength(1)
  })

  it('should only clear the mark of a claim that was released before its notices went out', async () => {
    const id = await openWish(env)
    await claimThenCrash(id)
    expectOk(await env.call(VOLUNTEER, 'wishes', { action: 'release', wishId: id, reason: '临时有事' }))
    env.clock.advance(60_000)
    expect(await claimNotices(env.rt)).toEqual({ queued: 0 })
    expect((await wishDoc(env, id)).claimNoticeDueAt).toBeNull()
    expect(await titles(RESIDENT)).toEqual(expect.arrayContaining(['心愿重新上墙']))
    expect(await titles(RESIDENT)).not.toContain('心愿已被认领')
  })
})

describe('repairClaimSlots', () => {
  /** A crash between the slot reservation and the winning update: the slot is taken, no wish is. */
  const reserveThenCrash = (limit = 1) => reserveSlot(env.rt.db, VOLUNTEER, limit, env.clock.now())
  const sweep = async () => (await runSweeps(env.rt)).find((r) => r.name === 'wishes.repairClaimSlots')
  const openSlots = async () => (await env.docs<{ open: number }>('wish_claim_slots', { _id: VOLUNTEER }))[0]?.open

  it('should give back a slot a crashed claim left taken, so a volunteer holding nothing can claim again', async () => {
    expectOk(
      await env.call(SECRETARY, 'wishes', {
        action: 'updateSettings',
        communityId: COMMUNITY,
        settings: { claimLimit: 1 },
      }),
    )
    const id = await openWish(env)
    expect(await reserveThenCrash()).toBe(true)
    expect(await env.call(VOLUNTEER, 'wishes', { action: 'claim', wishId: id })).toMatchObject({
      error: { code: 'CONFLICT' },
    })

    env.clock.advance(60_000)
    expect(await sweep()).toMatchObject({ ok: true, result: { repaired: 1 } })
    expect(await openSlots()).toBe(0)
    expectOk(await env.call(VOLUNTEER, 'wishes', { action: 'claim', wishId: id }))
    expect(await openSlots()).toBe(1)
  })

  it('should leave the slots of claims that stand, and a reservation younger than a minute', async () => {
    const held = await claimedWish(env)
    expect(await reserveThenCrash(5)).toBe(true)
    expect(await sweep()).toMatchObject({ ok: true, result: { repaired: 0 } })
    expect(await openSlots()).toBe(2)
    env.clock.advance(60_000)
    expect(await sweep()).toMatchObject({ ok: true, result: { repaired: 1 } })
    expect(await openSlots()).toBe(1)
    expect(await wishDoc(env, held)).toMatchObject({ status: 'claimed', claimerId: VOLUNTEER })
    // Checked once: nothing is left for the next run.
    env.clock.advance(60_000)
    expect(await sweep()).toMatchObject({ ok: true, result: { repaired: 0 } })
    expect(await openSlots()).toBe(1)
  })

  it('should count a disputed wish, which takes its slot back, as held', async () => {
    const id = await fulfilledWish(env)
    expectOk(await env.call(RESIDENT, 'wishes', { action: 'dispute', wishId: id, reason: '还没有修好' }))
    env.clock.advance(60_000)
    expect(await sweep()).toMatchObject({ ok: true, result: { repaired: 0 } })
    expect(await openSlots()).toBe(1)
  })
})

describe('expireClaims', () => {
  it('should leave a claim alone until its deadline', async () => {
    const id = await claimedWish(env)
    env.clock.advance(7 * DAY - 1000)
    expect(await expireClaims(env.rt)).toEqual({ expired: 0 })
    expect(await wishDoc(env, id)).toMatchObject({ status: 'claimed', claimerId: VOLUNTEER })
  })

  it('should return an expired claim to the wall and tell both people', async () => {
    const id = await claimedWish(env)
    env.clock.advance(7 * DAY)
    expect(await expireClaims(env.rt)).toEqual({ expired: 1 })
    expect(await wishDoc(env, id)).toMatchObject({ status: 'open', claimerId: null, claimDeadline: null })
    expect((await outboxFor(env, RESIDENT)).map((m) => m.title)).toContain('心愿重新上墙')
    expect((await outboxFor(env, VOLUNTEER)).map((m) => m.title)).toContain('认领已超时')
    // The slot came back: the volunteer can claim again, and the claim sweep is idempotent.
    expect(await expireClaims(env.rt)).toEqual({ expired: 0 })
    expectOk(await env.call(VOLUNTEER, 'wishes', { action: 'claim', wishId: id }))
  })

  it('should deliver the expiry notices to the inbox through the scheduler', async () => {
    await claimedWish(env)
    env.clock.advance(8 * DAY)
    const results = await runSweeps(env.rt)
    expect(results.find((r) => r.name === 'wishes.expireClaims')).toMatchObject({ ok: true, result: { expired: 1 } })
    const inbox = await env.docs<{ title: string }>('inbox', { openid: VOLUNTEER })
    expect(inbox.map((m) => m.title)).toContain('认领已超时')
  })
})

describe('autoConfirm', () => {
  it('should confirm and credit a fulfilled wish after 7 days without an answer', async () => {
    const id = await fulfilledWish(env)
    env.clock.advance(7 * DAY - 1000)
    expect(await autoConfirm(env.rt)).toEqual({ confirmed: 0 })
    env.clock.advance(1000)
    expect(await autoConfirm(env.rt)).toEqual({ confirmed: 1 })
    expect(await wishDoc(env, id)).toMatchObject({ status: 'confirmed' })
    expect(await env.docs('service_ledger')).toEqual([
      expect.objectContaining({ openid: VOLUNTEER, hours: 2, points: 10 }),
    ])
    expect((await outboxFor(env, RESIDENT)).map((m) => m.title)).toContain('心愿已自动确认')
  })

  it('should not confirm a wish the wisher disputed meanwhile', async () => {
    const id = await fulfilledWish(env)
    expectOk(await env.call(RESIDENT, 'wishes', { action: 'dispute', wishId: id, reason: '还没有修好' }))
    env.clock.advance(8 * DAY)
    expect(await autoConfirm(env.rt)).toEqual({ confirmed: 0 })
  })
})

describe('collectDigests', () => {
  it('should gather wishes unclaimed for 14 days once into a digest staff can export and send', async () => {
    const stale = await openWish(env, { neededBy: '2025-04-30' })
    await claimedWish(env)
    env.clock.advance(10 * DAY)
    const fresh = await openWish(env, { neededBy: '2025-04-30', text: '想请人教我用智能手机挂号' })
    env.clock.advance(4 * DAY)
    expect(await collectDigests(env.rt)).toEqual({ digests: 1, wishes: 1 })
    expect(await collectDigests(env.rt)).toEqual({ digests: 0, wishes: 0 })
    expect((await wishDoc(env, fresh)).digestId).toBeNull()

    const digests = expectOk<{ items: { id: string; wishIds: string[] }[] }>(
      await env.call(SECRETARY, 'wishes', { action: 'digests', communityId: COMMUNITY }),
    )
    expect(digests.items).toEqual([expect.objectContaining({ id: `${COMMUNITY}:2025-03-17`, wishIds: [stale] })])
    expect((await outboxFor(env, SECRETARY)).map((m) => m.title)).toContain('未认领心愿汇总')

    const exported = expectOk<{ fileId: string; rows: number }>(
      await env.call(SECRETARY, 'wishes', { action: 'exportDigest', digestId: digests.items[0]!.id }),
    )
    expect(exported.rows).toBe(1)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await env.storedFile(exported.fileId)) as unknown as ExcelJS.Buffer)
    const sheet = book.getWorksheet('未认领微心愿')!
    expect(sheet.getRow(1).getCell(4).value).toBe('心愿内容')
    expect(sheet.getRow(2).getCell(4).value).toBe('家里的旧电视没有信号，想请人帮忙看看')
    expect(sheet.getRow(2).getCell(5).value).toBe('王**')

    const sent = expectOk<{ sentTo: string[]; sentAt: string }>(
      await env.call(SECRETARY, 'wishes', {
        action: 'sendDigest',
        digestId: digests.items[0]!.id,
        recipients: ['碑林区妇联', '东县门小学'],
      }),
    )
    expect(sent).toMatchObject({ sentTo: ['碑林区妇联', '东县门小学'], sentAt: expect.any(String) })
    expect(
      await env.call(VOLUNTEER, 'wishes', { action: 'exportDigest', digestId: digests.items[0]!.id }),
    ).toMatchObject({ error: { code: 'FORBIDDEN' } })
  })
})
