import type { OutboxDoc } from '../core/collections'
import type { TestEnv } from '../core/testing'
import { A_WISH, RESIDENT, SECRETARY, VOLUNTEER, claimedWish, createWishEnv, expectOk, openWish } from './test-helpers'

/*
 * Who waits on whom around a wish: the reviewers told of a wish waiting for them (待办提醒),
 * their 待审核心愿 count, and the wisher learning who claimed their wish.
 */

let env: TestEnv
beforeEach(async () => {
  env = await createWishEnv()
})
afterEach(async () => {
  await env.close()
})

const call = <T>(openid: string | null, event: Record<string, unknown>) => env.call<T>(openid, 'wishes', event)

describe('wishes.post review notice', () => {
  it('should tell the community secretary by a 待办提醒 push that a wish waits for review', async () => {
    expectOk(await call(RESIDENT, { action: 'post', ...A_WISH }))
    const [notice] = (await env.docs<OutboxDoc>('outbox', { openid: SECRETARY })).filter(
      (d) => d.title === '新心愿待审核',
    )
    expect(notice?.template).toEqual({
      kind: 'staffTodo',
      data: { task: `心愿待审核：${A_WISH.text}`, count: '1', status: '待审核' },
      urgent: false,
    })
  })
})

describe('wishes.workload', () => {
  it('should count the wishes waiting for review in the secretary’s community and under the street', async () => {
    expectOk(await call(RESIDENT, { action: 'post', ...A_WISH }))
    expectOk(await call('demo-resident-2', { action: 'post', ...A_WISH, text: '想请人帮忙修一下漏水的水龙头' }))
    await openWish(env)
    expect(expectOk(await call(SECRETARY, { action: 'workload' }))).toEqual({ pendingReview: 2 })
    expect(expectOk(await call('demo-street-1', { action: 'workload' }))).toEqual({ pendingReview: 2 })
  })

  it('should refuse a resident and a grid worker with FORBIDDEN', async () => {
    expect(await call(RESIDENT, { action: 'workload' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call('demo-grid-1', { action: 'workload' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('wishes.get contact of a claimed wish', () => {
  it('should show the wisher the volunteer’s masked name and phone, not their own contact', async () => {
    const id = await claimedWish(env)
    const mine = expectOk<{ contact: unknown }>(await call(RESIDENT, { action: 'get', wishId: id }))
    expect(mine.contact).toEqual({ name: '志愿者张**', phone: '13991230003' })
  })

  it('should still show the volunteer the wisher’s contact', async () => {
    const id = await claimedWish(env)
    expect(expectOk<{ contact: unknown }>(await call(VOLUNTEER, { action: 'get', wishId: id })).contact).toEqual({
      name: '王秀兰',
      phone: '13991230001',
    })
  })

  it('should show the wisher no contact before anyone claims it', async () => {
    const id = await openWish(env)
    expect(expectOk<{ contact: unknown }>(await call(RESIDENT, { action: 'get', wishId: id })).contact).toBeNull()
  })

  it('should tell the wisher who claimed it and how to reach them', async () => {
    await claimedWish(env)
    const [notice] = (await env.docs<OutboxDoc>('outbox', { openid: RESIDENT })).filter(
      (d) => d.title === '心愿已被认领',
    )
    expect(notice?.body).toMatch(/^志愿者张\*\*已认领您的心愿.*联系电话13991230003$/)
  })
})

describe('wishes contact for the community', () => {
  it('should keep both phones from the reviewing secretary', async () => {
    const id = await claimedWish(env)
    const seen = JSON.stringify(await call(SECRETARY, { action: 'get', wishId: id }))
    expect([seen.includes('13991230001'), seen.includes('13991230003')]).toEqual([false, false])
  })
})
