import type { Db } from '@cloudbase/database'
import { openEmbeddedDb, type EmbeddedDb } from '../../embedded-db'
import { runTransactionWithRetry } from './transaction-retry'

type Tx = Pick<Db, 'collection'>

describe('runTransactionWithRetry', () => {
  let h: EmbeddedDb
  beforeEach(async () => {
    h = openEmbeddedDb({ file: ':memory:', indexes: [] })
    await h.db.collection('counters').add({ _id: 'day', seq: 0 })
  })
  afterEach(() => h.close())

  const take = (tx: Tx) => async () => {
    const got = (await tx.collection('counters').doc('day').get()) as unknown as { data: { seq: number } }
    const seq = got.data.seq + 1
    await tx.collection('counters').doc('day').update({ seq })
    return seq
  }

  it('should give thirty simultaneous transactions on one counter thirty distinct numbers', async () => {
    const seqs = await Promise.all(
      Array.from({ length: 30 }, () => runTransactionWithRetry<Tx, number>(h.db, (tx) => take(tx)())),
    )
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_x, i) => i + 1))
    expect((await h.db.collection('counters').doc('day').get()).data[0].seq).toBe(30)
  })

  it('should not retry an error that is not a write conflict', async () => {
    let calls = 0
    const failing = runTransactionWithRetry<Tx, never>(h.db, async () => {
      calls++
      throw new Error('诉求分类不存在')
    })
    await expect(failing).rejects.toThrow('诉求分类不存在')
    expect(calls).toBe(1)
  })

  it('should give up with the conflict after the last attempt', async () => {
    let calls = 0
    const always = runTransactionWithRetry<Tx, never>(
      h.db,
      async () => {
        calls++
        throw Object.assign(new Error('conflict'), { code: 'DATABASE_TRANSACTION_CONFLICT' })
      },
      { attempts: 3, baseMs: 1, maxMs: 2 },
    )
    await expect(always).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect(calls).toBe(3)
  })
})
