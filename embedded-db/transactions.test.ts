import { openEmbeddedDb, type EmbeddedDb } from './index'

describe('embedded-db transactions', () => {
  let h: EmbeddedDb
  beforeEach(async () => {
    h = openEmbeddedDb({ file: ':memory:', indexes: [] })
    await h.db.collection('accounts').add([
      { _id: 'a', balance: 100 },
      { _id: 'b', balance: 100 },
      { _id: 'c', balance: 100 },
    ])
  })
  afterEach(() => h.close())
  const balance = async (id: string) => (await h.db.collection('accounts').doc(id).get()).data[0].balance as number

  it('should commit all writes of runTransaction together and return the callback result', async () => {
    const _ = h.db.command
    const result = await h.db.runTransaction(async (tx: any) => {
      const a = (await tx.collection('accounts').doc('a').get()).data
      await tx.collection('accounts').doc('a').update({ balance: _.inc(-30) })
      await tx.collection('accounts').doc('b').update({ balance: _.inc(30) })
      await tx.collection('ledger').add({ _id: 't1', amount: 30 })
      return a.balance
    })
    expect(result).toBe(100)
    expect([await balance('a'), await balance('b')]).toEqual([70, 130])
    expect((await h.db.collection('ledger').doc('t1').get()).data).toHaveLength(1)
  })

  it('should see its own writes before commit, and others should not', async () => {
    const tx = await h.db.startTransaction()
    await tx.collection('accounts').doc('a').update({ balance: 1 })
    expect((await tx.collection('accounts').doc('a').get()).data.balance).toBe(1)
    expect(await balance('a')).toBe(100)
    await tx.commit()
    expect(await balance('a')).toBe(1)
  })

  it('should discard everything on rollback and when the callback throws', async () => {
    const tx = await h.db.startTransaction()
    await tx.collection('accounts').doc('a').update({ balance: 0 })
    await tx.collection('accounts').doc('b').remove()
    await tx.rollback()
    await expect(
      h.db.runTransaction(async (t: any) => {
        await t.collection('accounts').doc('a').update({ balance: 0 })
        throw new Error('余额不足')
      }),
    ).rejects.toThrow('余额不足')
    expect([await balance('a'), await balance('b')]).toEqual([100, 100])
  })

  it('should fail a commit with DATABASE_TRANSACTION_CONFLICT when a document it read has changed', async () => {
    const tx = await h.db.startTransaction()
    await tx.collection('accounts').doc('a').get()
    await h.db.collection('accounts').doc('a').update({ balance: 5 })
    await tx.collection('accounts').doc('b').update({ balance: 0 })
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect([await balance('a'), await balance('b')]).toEqual([5, 100])
  })

  it('should let the first writer win and fail the second at once', async () => {
    const t1 = await h.db.startTransaction()
    const t2 = await h.db.startTransaction()
    await t1.collection('accounts').doc('a').update({ balance: 1 })
    await expect(t2.collection('accounts').doc('a').update({ balance: 2 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    await t1.commit()
    expect(await balance('a')).toBe(1)
  })

  it('should keep the total balance under contending transfers, each applied once or not at all', async () => {
    const _ = h.db.command
    const ids = ['a', 'b', 'c']
    let committed = 0
    let conflicted = 0
    const transfers = Array.from({ length: 60 }, (_x, i) => ({ from: ids[i % 3] as string, to: ids[(i + 1) % 3] as string, amount: (i % 7) + 1 }))
    const moved = new Map(ids.map((id) => [id, 0]))
    await Promise.all(
      transfers.map(async (t) => {
        try {
          await h.db.runTransaction(async (tx: any) => {
            const from = (await tx.collection('accounts').doc(t.from).get()).data
            if (from.balance < t.amount) throw new Error('余额不足')
            await tx.collection('accounts').doc(t.from).update({ balance: _.inc(-t.amount) })
            await tx.collection('accounts').doc(t.to).update({ balance: _.inc(t.amount) })
          })
          committed++
          moved.set(t.from, (moved.get(t.from) as number) - t.amount)
          moved.set(t.to, (moved.get(t.to) as number) + t.amount)
        } catch (e) {
          if ((e as { code?: string }).code === 'DATABASE_TRANSACTION_CONFLICT') conflicted++
          else throw e
        }
      }),
    )
    const balances = await Promise.all(ids.map(balance))
    expect(balances.reduce((x, y) => x + y, 0)).toBe(300)
    expect(balances).toEqual(ids.map((id) => 100 + (moved.get(id) as number)))
    expect(committed + conflicted).toBe(60)
    expect(committed).toBeGreaterThan(0)
    expect(conflicted).toBeGreaterThan(0) // the contention is real: some transfers exhausted their retries
  })

  it('should refuse a where() query inside a transaction rather than run it outside', async () => {
    const tx = await h.db.startTransaction()
    await expect(tx.collection('accounts').where({ balance: 100 }).get()).rejects.toMatchObject({
      message: expect.stringContaining('not supported by the embedded database'),
    })
    await tx.rollback()
  })
})
