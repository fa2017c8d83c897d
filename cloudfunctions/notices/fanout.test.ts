import { runSweeps } from '../scheduler/sweeps'
import { NOTICE_COLLECTIONS } from './collections'
import { runFanout } from './fanout'
import { draft, G2, noticesHarness, type NoticesHarness } from './test-helpers'

const N = 10_000

async function addResidents(h: NoticesHarness, n: number): Promise<void> {
  const users = h.env.rt.db.collection('users')
  for (let i = 0; i < n; i += 500) {
    const page = Array.from({ length: Math.min(500, n - i) }, (_, j) => ({
      _id: `bulk-${String(i + j).padStart(6, '0')}`,
      name: '居民',
      phone: null,
      communityId: 'c-dongxianmen',
      address: {
        communityId: 'c-dongxianmen',
        gridId: G2,
        estateId: 'e-bulk',
        buildingId: 'b-bulk',
        unitIds: ['d-beilin', 's-baishulin', 'c-dongxianmen', G2, 'e-bulk', 'b-bulk'],
        room: '',
        status: 'confirmed',
        declaredAt: '',
        confirmedAt: null,
        confirmedBy: null,
      },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    }))
    await users.add(page)
  }
}

const count = async (h: NoticesHarness, collection: string, where: Record<string, unknown>) =>
  (await h.env.rt.db.collection(collection).where(where).count()).total

describe('notice fan-out', () => {
  let h: NoticesHarness
  beforeEach(async () => {
    h = await noticesHarness()
    await addResidents(h, N)
  })
  afterEach(() => h.env.close())

  it('should write every receipt exactly once when killed half-way and resumed by the sweep', async () => {
    const created = await h.env.call('demo-secretary-1', 'notices', draft({ audience: { unitIds: [G2] } }))
    const id = created.ok ? created.data.id : ''
    const outboxBefore = await count(h, 'outbox', {})
    const published = await h.act('demo-secretary-1', 'publish', { noticeId: id })
    expect(published.ok && published.data.status).toBe('publishing')
    // The process dies after the 25th batch (5,000 receipts), mid-way through the audience.
    await expect(
      runFanout(h.env.rt, id, {
        onBatch: (batches) => {
          if (batches === 25) throw new Error('killed')
        },
      }),
    ).rejects.toThrow('killed')
    const written = await count(h, NOTICE_COLLECTIONS.receipts, { noticeId: id })
    expect(written).toBe(25 * 200)

    await runSweeps(h.env.rt)
    const receipts = await count(h, NOTICE_COLLECTIONS.receipts, { noticeId: id })
    expect(receipts).toBe(N)
    expect((await count(h, 'outbox', {})) - outboxBefore).toBe(N)
    const notice = (await h.env.rt.db.collection(NOTICE_COLLECTIONS.notices).doc(id).get()).data[0]
    expect(notice).toMatchObject({ status: 'published', recipientCount: N, fanout: { done: true, written: N } })
    // One receipt per person: the receipt id is derived from the person, so a duplicate would collide.
    const one = await h.env.rt.db
      .collection(NOTICE_COLLECTIONS.receipts)
      .where({ noticeId: id, openid: 'bulk-004999' })
      .count()
    expect(one.total).toBe(1)
    expect(await runFanout(h.env.rt, id)).toBe(0)
  }, 120_000)

  it('should write every receipt and its message once when two runners work the same notice at once', async () => {
    const created = await h.env.call('demo-secretary-1', 'notices', draft({ audience: { unitIds: [G2] } }))
    const id = created.ok ? created.data.id : ''
    const outboxBefore = await count(h, 'outbox', {})
    await h.act('demo-secretary-1', 'publish', { noticeId: id })
    await Promise.all([runFanout(h.env.rt, id), runFanout(h.env.rt, id), runSweeps(h.env.rt)])
    await runSweeps(h.env.rt)
    expect(await count(h, NOTICE_COLLECTIONS.receipts, { noticeId: id })).toBe(N)
    expect((await count(h, 'outbox', {})) - outboxBefore).toBe(N)
    const notice = (await h.env.rt.db.collection(NOTICE_COLLECTIONS.notices).doc(id).get()).data[0]
    expect(notice).toMatchObject({ status: 'published', recipientCount: N, fanout: { done: true, written: N } })
  }, 120_000)

  it('should stop a fan-out when the notice is withdrawn in the middle of it', async () => {
    const created = await h.env.call('demo-secretary-1', 'notices', draft({ audience: { unitIds: [G2] } }))
    const id = created.ok ? created.data.id : ''
    await h.act('demo-secretary-1', 'publish', { noticeId: id })
    const withdrawn = await h.act('demo-secretary-1', 'withdraw', { noticeId: id, reason: '发错范围' })
    expect(withdrawn.ok).toBe(true)
    const before = await count(h, NOTICE_COLLECTIONS.receipts, { noticeId: id })
    await runSweeps(h.env.rt)
    expect(await count(h, NOTICE_COLLECTIONS.receipts, { noticeId: id })).toBe(before)
    expect(before).toBeLessThan(N)
    expect(await count(h, NOTICE_COLLECTIONS.receipts, { noticeId: id, withdrawn: false })).toBe(0)
  }, 120_000)
})
