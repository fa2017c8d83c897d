import type { TestEnv } from '../core/testing'
import { COMMUNITY, RESIDENT, addPerson, expectOk, openWish, wishDoc, createWishEnv } from './test-helpers'

let env: TestEnv
beforeEach(async () => {
  env = await createWishEnv()
})
afterEach(async () => {
  await env.close()
})

describe('wishes.claim under contention', () => {
  it('should let exactly one of 200 simultaneous volunteers win, and credit only the winner once', async () => {
    const volunteers = Array.from({ length: 200 }, (_, i) => `race-vol-${i}`)
    for (const v of volunteers) await addPerson(env, v, { role: 'volunteer', unitId: COMMUNITY }, '志愿者')
    const id = await openWish(env)

    const answers = await Promise.all(
      volunteers.map((v) => env.call<{ contact: unknown }>(v, 'wishes', { action: 'claim', wishId: id })),
    )

    const winners = volunteers.filter((_, i) => answers[i]!.ok)
    const codes = answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code))
    expect(winners).toHaveLength(1)
    expect(codes).toEqual(Array(199).fill('CONFLICT'))
    const winner = winners[0]!
    expect(await wishDoc(env, id)).toMatchObject({ status: 'claimed', claimerId: winner, version: 3 })
    // Every loser's slot was given back; only the winner holds one.
    const slots = await env.docs<{ _id: string; open: number }>('wish_claim_slots')
    expect(slots.filter((s) => s.open !== 0).map((s) => s._id)).toEqual([winner])

    expectOk(await env.call(winner, 'wishes', { action: 'fulfil', wishId: id, note: '已送到家里', photos: [] }))
    const confirms = await Promise.all(
      Array.from({ length: 5 }, () => env.call(RESIDENT, 'wishes', { action: 'confirm', wishId: id })),
    )
    expect(confirms.filter((c) => c.ok)).toHaveLength(1)
    expect(confirms.filter((c) => !c.ok).map((c) => (c.ok ? '' : c.error.code))).toEqual(Array(4).fill('CONFLICT'))
    expect(await env.docs('service_ledger')).toEqual([expect.objectContaining({ openid: winner, sourceId: id })])
  })
})
