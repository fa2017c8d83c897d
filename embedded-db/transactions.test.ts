import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { countRequests, openEmbeddedDb, type EmbeddedDb } from './index'

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
      await tx
        .collection('accounts')
        .doc('a')
        .update({ balance: _.inc(-30) })
      await tx
        .collection('accounts')
        .doc('b')
        .update({ balance: _.inc(30) })
      await tx.collection('ledger').add({ _id: 't1', amount: 30 })
      return a.balance
    })
    expect(result).toBe(100)
    expect([await balance('a'), await balance('b')]).toEqual([70, 130])
    expect((await h.db.collection('ledger').doc('t1').get()).data).toHaveLength(1)
  })

  it('should insert a list in one request inside a transaction, and fail the transaction on an existing id', async () => {
    const { requests } = await countRequests(() =>
      h.db.runTransaction(async (tx: any) => {
        await tx.collection('ledger').add([
          { _id: 't1', amount: 10 },
          { _id: 't2', amount: 20 },
        ])
      }),
    )
    expect(requests.byAction['database.insertDocument']).toBe(1)
    expect((await h.db.collection('ledger').get()).data.map((d: any) => d._id).sort()).toEqual(['t1', 't2'])
    await expect(
      h.db.runTransaction(async (tx: any) => {
        await tx.collection('accounts').doc('a').update({ balance: 0 })
        await tx.collection('ledger').add([{ _id: 't3', amount: 30 }, { _id: 't2' }])
      }),
    ).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    expect([await balance('a'), (await h.db.collection('ledger').get()).data.length]).toEqual([100, 2])
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
    await expect(t2.collection('accounts').doc('a').update({ balance: 2 })).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
    })
    await t1.commit()
    expect(await balance('a')).toBe(1)
  })

  it('should keep the total balance under contending transfers, each applied once or not at all', async () => {
    const _ = h.db.command
    const ids = ['a', 'b', 'c']
    let committed = 0
    let conflicted = 0
    const transfers = Array.from({ length: 60 }, (_x, i) => ({
      from: ids[i % 3] as string,
      to: ids[(i + 1) % 3] as string,
      amount: (i % 7) + 1,
    }))
    const moved = new Map(ids.map((id) => [id, 0]))
    await Promise.all(
      transfers.map(async (t) => {
        try {
          await h.db.runTransaction(async (tx: any) => {
            const from = (await tx.collection('accounts').doc(t.from).get()).data
            if (from.balance < t.amount) throw new Error('余额不足')
            await tx
              .collection('accounts')
              .doc(t.from)
              .update({ balance: _.inc(-t.amount) })
            await tx
              .collection('accounts')
              .doc(t.to)
              .update({ balance: _.inc(t.amount) })
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

describe('embedded-db on one file from two connections', () => {
  let dir: string
  let a: EmbeddedDb
  let b: EmbeddedDb
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'embedded-db-two-'))
    a = openEmbeddedDb({ file: join(dir, 'shared.db'), indexes: [] })
    b = openEmbeddedDb({ file: join(dir, 'shared.db'), indexes: [] })
  })
  afterEach(() => {
    a.close()
    b.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('should read a collection the other connection created after this one opened', async () => {
    await a.db.collection('counters').doc('day-1').set({ seq: 1 })
    expect((await b.db.collection('counters').doc('day-1').get()).data).toEqual([{ _id: 'day-1', seq: 1 }])
    expect((await b.db.collection('counters').count()).total).toBe(1)
    expect((await b.db.collection('counters').where({ seq: 1 }).get()).data).toHaveLength(1)
  })

  it('should number on from what the other connection committed when the collection is new to it', async () => {
    const next = (h: EmbeddedDb) =>
      h.db.runTransaction(async (tx: any) => {
        const seq = ((await tx.collection('counters').doc('day-1').get()).data?.seq ?? 0) + 1
        await tx.collection('counters').doc('day-1').set({ seq })
        return seq
      })
    expect(await next(a)).toBe(1)
    expect(await next(b)).toBe(2)
  })

  it('should fail with a conflict, not a duplicate, when the other connection creates a document it read as missing', async () => {
    const tx = await b.db.startTransaction()
    expect((await tx.collection('counters').doc('day-1').get()).data).toBeNull()
    await a.db.collection('counters').doc('day-1').set({ seq: 1 })
    const writeAndCommit = async () => {
      await tx.collection('counters').doc('day-1').set({ seq: 1 })
      await tx.commit()
    }
    await expect(writeAndCommit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect((await b.db.collection('counters').doc('day-1').get()).data).toEqual([{ _id: 'day-1', seq: 1 }])
  })
})
