import { openEmbeddedDb, type EmbeddedDb } from './index'

describe('embedded-db conditional updates', () => {
  let h: EmbeddedDb
  beforeEach(() => {
    h = openEmbeddedDb({ file: ':memory:', indexes: [] })
  })
  afterEach(() => h.close())

  it('should let exactly one of 200 concurrent callers claim an open wish', async () => {
    await h.db.collection('wishes').add({ _id: 'w1', status: 'open' })
    const results = await Promise.all(
      Array.from({ length: 200 }, (_x, i) =>
        h.db
          .collection('wishes')
          .where({ _id: 'w1', status: 'open' })
          .update({ status: 'claimed', claimedBy: `v${i}` }),
      ),
    )
    const winners = results.map((r, i) => (r.updated === 1 ? i : -1)).filter((i) => i >= 0)
    expect(winners).toHaveLength(1)
    const doc = (await h.db.collection('wishes').doc('w1').get()).data[0]
    expect(doc.claimedBy).toBe(`v${winners[0]}`)
  })

  it('should never overbook: 200 concurrent sign-ups for 37 seats give 37 confirmations', async () => {
    const _ = h.db.command
    await h.db.collection('events').add({ _id: 'e1', seatsLeft: 37 })
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        h.db
          .collection('events')
          .where({ _id: 'e1', seatsLeft: _.gt(0) })
          .update({ seatsLeft: _.inc(-1) }),
      ),
    )
    expect(results.filter((r) => r.updated === 1)).toHaveLength(37)
    expect((await h.db.collection('events').doc('e1').get()).data[0].seatsLeft).toBe(0)
  })
})
