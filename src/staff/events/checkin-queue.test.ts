import { dismiss, enqueue, parseQueue, syncQueue, type QueueEntry, type SendOutcome } from './checkin-queue'

const at = new Date('2026-12-05T06:40:00.000Z')

function queueOf(...labels: string[]): QueueEntry[] {
  return labels.reduce<QueueEntry[]>((q, label) => enqueue(q, { kind: 'code', code: label }, label, at), [])
}

describe('syncQueue', () => {
  it('should send pending check-ins in order and drop the ones done', async () => {
    const sent: string[] = []
    const res = await syncQueue(
      queueOf('A', 'B'),
      async (e) => (sent.push(e.label), { ok: true, message: '已签到 14:40' }),
    )
    expect(sent).toEqual(['A', 'B'])
    expect(res).toEqual({ queue: [], done: ['A：已签到 14:40', 'B：已签到 14:40'] })
  })

  it('should stop at a network failure and keep that one and the rest pending', async () => {
    const outcomes: SendOutcome[] = [
      { ok: true, message: '已签到' },
      { ok: false, code: 'NETWORK', message: '网络不太好' },
    ]
    const sent: string[] = []
    const res = await syncQueue(queueOf('A', 'B', 'C'), async (e) => (sent.push(e.label), outcomes.shift()!))
    expect(sent).toEqual(['A', 'B'])
    expect(res.queue.map((e) => [e.label, e.state])).toEqual([
      ['B', 'pending'],
      ['C', 'pending'],
    ])
  })

  it('should keep a refusal as a conflict with its message and go on', async () => {
    const res = await syncQueue(queueOf('A', 'B'), async (e) =>
      e.label === 'A' ? { ok: false, code: 'CONFLICT', message: '这份报名已取消' } : { ok: true, message: '已签到' },
    )
    expect(res.queue.map((e) => [e.label, e.state, e.message])).toEqual([['A', 'conflict', '这份报名已取消']])
    expect(res.done).toEqual(['B：已签到'])
  })

  it('should not send a conflict again', async () => {
    const first = await syncQueue(queueOf('A'), async () => ({ ok: false, code: 'NOT_FOUND', message: '签到码无效' }))
    const send = jest.fn(async (): Promise<SendOutcome> => ({ ok: true, message: '已签到' }))
    expect((await syncQueue(first.queue, send)).queue).toHaveLength(1)
    expect(send).not.toHaveBeenCalled()
  })
})

describe('enqueue and dismiss', () => {
  it('should keep the moment of the scan and remove a read conflict', () => {
    const q = queueOf('A', 'B')
    expect(q.map((e) => e.scannedAt)).toEqual([at.toISOString(), at.toISOString()])
    expect(new Set(q.map((e) => e.id)).size).toBe(2)
    expect(dismiss(q, q[0]!.id).map((e) => e.label)).toEqual(['B'])
  })
})

describe('parseQueue', () => {
  it.each([
    ['nothing stored', '', 0],
    ['a damaged value', [{ id: 1 }, null, 'x'], 0],
    ['a stored queue', queueOf('A'), 1],
  ])('should read %s', (_what, raw, n) => {
    expect(parseQueue(raw)).toHaveLength(n)
  })
})
