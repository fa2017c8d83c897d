import { COLLECTIONS, type UnitDoc } from '../cloudfunctions/core/collections'
import { createTestEnv } from '../cloudfunctions/core/testing'
import { DEMO_ACCOUNTS, seedDemo } from '.'

describe('seedDemo', () => {
  it('should seed an empty database once and leave a seeded one alone', async () => {
    const env = await createTestEnv({ seed: false })
    try {
      expect(await seedDemo(env.rt)).toEqual({ seeded: true })
      const units = (await env.docs<UnitDoc>(COLLECTIONS.units)).length
      await env.rt.db.collection(COLLECTIONS.users).doc('demo-resident-1').update({ name: '改过的名字' })
      expect(await seedDemo(env.rt)).toEqual({ seeded: false })
      expect(await env.docs(COLLECTIONS.units)).toHaveLength(units)
      expect((await env.docs<{ name: string }>(COLLECTIONS.users, { _id: 'demo-resident-1' }))[0]!.name).toBe(
        '改过的名字',
      )
      expect(await env.docs(COLLECTIONS.users)).toHaveLength(DEMO_ACCOUNTS.length)
    } finally {
      await env.close()
    }
  })

  it('should give every unit the ids of the units above it, root first', async () => {
    const env = await createTestEnv()
    try {
      const [grid] = await env.docs<UnitDoc>(COLLECTIONS.units, { _id: 'g-dongxianmen-1' })
      expect(grid!.ancestors).toEqual(['d-beilin', 's-baishulin', 'c-dongxianmen'])
      const streets = await env.docs<UnitDoc>(COLLECTIONS.units, { kind: 'street' })
      expect(streets.map((s) => s.name).sort()).toEqual(
        [
          '代王街道',
          '南院门街道',
          '姬家街道',
          '柏树林街道',
          '秦陵街道',
          '郭杜街道',
          '韦曲街道',
          '骊山街道',
          '鹿苑街道',
        ].sort(),
      )
    } finally {
      await env.close()
    }
  })
})
