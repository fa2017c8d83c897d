import { COLLECTIONS } from './collections'
import { transaction } from './data'
import { countRequests } from '../../embedded-db'
import {
  backoffMs,
  drainOutbox,
  notify,
  notifyMany,
  notifyNew,
  subscriptionId,
  type DrainStep,
  type OutboxDoc,
} from './outbox'
import { createTestEnv, type TestEnv } from './testing'

/** The local runtime's stand-in template for caseProgress (demoTemplateMap): number → character_string1, step → thing2, status → phrase3. */
const TEMPLATE = 'demo-caseProgress'
const OPENID = 'demo-resident-1'

class Crash extends Error {}

describe('outbox', () => {
  let env: TestEnv
  beforeEach(async () => {
    env = await createTestEnv({ seed: 'base' })
  })
  afterEach(() => env.close())

  const grant = (remaining: number) =>
    env.rt.db.collection(COLLECTIONS.subscriptions).doc(subscriptionId(OPENID, TEMPLATE)).set({
      openid: OPENID,
      templateId: TEMPLATE,
      remaining,
      accepted: remaining,
      rejected: 0,
      updatedAt: env.clock.now().toISOString(),
    })
  const remaining = async () => (await env.docs<{ remaining: number }>(COLLECTIONS.subscriptions))[0]?.remaining
  const record = async (id: string) => (await env.docs<OutboxDoc>(COLLECTIONS.outbox, { _id: id }))[0]!
  const queue = (key = 'case:1:routed', withTemplate = true, urgent = false) =>
    notify(
      env.rt.db,
      {
        dedupeKey: key,
        openid: OPENID,
        title: '您的诉求已受理',
        body: '您反映的楼道照明问题已转东县门社区办理。',
        link: '/pages/cases/detail?id=1',
        template: withTemplate
          ? {
              kind: 'caseProgress' as const,
              data: {
                number: 'BL-20250303-0001',
                step: '楼道照明不亮，晚上出行很不方便，请尽快修理',
                status: '已受理完成了',
              },
              urgent,
            }
          : undefined,
      },
      env.clock.now(),
    )

  it('should keep one record per dedupe key', async () => {
    expect(await queue()).toBe(true)
    expect(await queue()).toBe(false)
    expect(await env.docs(COLLECTIONS.outbox)).toHaveLength(1)
  })

  it('should not queue a notification whose transaction rolls back', async () => {
    await expect(
      transaction(env.rt.db, async (tx) => {
        await notify(tx, { dedupeKey: 'k', openid: OPENID, title: 't', body: 'b' }, env.clock.now())
        throw new Error('state change refused')
      }),
    ).rejects.toThrow('state change refused')
    expect(await env.docs(COLLECTIONS.outbox)).toHaveLength(0)
  })

  it('should send the kind through the deployment template, each field cut to the limit of its keyword', async () => {
    await grant(1)
    await queue()
    await drainOutbox(env.rt)
    const [sent] = await env.docs<{ templateId: string; data: Record<string, { value: string }> }>(
      COLLECTIONS.devMessages,
    )
    expect(sent!.templateId).toBe(TEMPLATE)
    expect(sent!.data.character_string1).toEqual({ value: 'BL-20250303-0001' })
    expect(Array.from(sent!.data.thing2!.value)).toHaveLength(20)
    expect(sent!.data.phrase3).toEqual({ value: '已受理完成' })
  })

  it('should skip the push, not fail, where the deployment has no template for the kind', async () => {
    await grant(1)
    delete env.rt.templates.caseProgress
    await queue()
    await drainOutbox(env.rt)
    expect(await env.docs(COLLECTIONS.inbox, { openid: OPENID })).toHaveLength(1)
    expect(await env.docs(COLLECTIONS.devMessages)).toHaveLength(0)
    expect((await record('case:1:routed')).subscribeStep).toBe('skipped')
    expect(await remaining()).toBe(1)
  })

  it('should hold an ordinary push until 07:00 in quiet hours but deliver the in-app message at once', async () => {
    await grant(2)
    env.clock.set(new Date('2025-03-03T23:30:00+08:00'))
    await queue('night')
    await queue('urgent', true, true)
    await drainOutbox(env.rt)
    expect(await env.docs(COLLECTIONS.inbox, { openid: OPENID })).toHaveLength(2)
    const sent = await env.docs<{ templateId: string }>(COLLECTIONS.devMessages)
    expect(sent).toHaveLength(1)
    expect((await record('night')).nextAttemptAt).toBe(new Date('2025-03-04T07:00:00+08:00').toISOString())
    env.clock.set(new Date('2025-03-04T07:00:00+08:00'))
    await drainOutbox(env.rt)
    expect(await env.docs(COLLECTIONS.devMessages)).toHaveLength(2)
    expect((await record('night')).status).toBe('done')
  })

  it('should deliver to the inbox always and send a subscribe message only with a grant', async () => {
    await queue('a')
    const first = await drainOutbox(env.rt)
    expect(first).toMatchObject({ claimed: 1, inbox: 1, subscribeSent: 0 })
    expect(await env.docs(COLLECTIONS.inbox, { openid: OPENID })).toHaveLength(1)
    expect(await env.docs(COLLECTIONS.devMessages)).toHaveLength(0)
    expect((await record('a')).subscribeStep).toBe('skipped')

    await grant(1)
    await queue('b')
    await drainOutbox(env.rt)
    const sent = await env.docs<{ touser: string; templateId: string; data: Record<string, { value: string }> }>(
      COLLECTIONS.devMessages,
    )
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ touser: OPENID, templateId: TEMPLATE })
    expect(sent[0]!.data.phrase3).toEqual({ value: '已受理完成' })
    expect(await remaining()).toBe(0)
    expect((await record('b')).status).toBe('done')
  })

  it('should not deliver a record twice when drained again', async () => {
    await grant(5)
    await queue()
    await drainOutbox(env.rt)
    env.clock.advance(24 * 3600_000)
    const again = await drainOutbox(env.rt)
    expect(again.claimed).toBe(0)
    expect(await env.docs(COLLECTIONS.inbox)).toHaveLength(1)
    expect(await env.docs(COLLECTIONS.devMessages)).toHaveLength(1)
    expect(await remaining()).toBe(4)
  })

  it('should retry a transient failure with exponential backoff and give the grant back', async () => {
    await grant(1)
    await queue()
    env.rt.messaging.failNext(-1, 2)
    await drainOutbox(env.rt)
    let doc = await record('case:1:routed')
    expect(doc).toMatchObject({ status: 'pending', attempts: 1, subscribeStep: 'pending' })
    expect(Date.parse(doc.nextAttemptAt) - env.clock.now().getTime()).toBe(backoffMs(1))
    expect(await remaining()).toBe(1)

    // Not due yet: nothing happens.
    expect((await drainOutbox(env.rt)).claimed).toBe(0)

    env.clock.advance(backoffMs(1))
    await drainOutbox(env.rt)
    doc = await record('case:1:routed')
    expect(doc.attempts).toBe(2)
    expect(Date.parse(doc.nextAttemptAt) - env.clock.now().getTime()).toBe(backoffMs(2))
    expect(backoffMs(2)).toBe(2 * backoffMs(1))

    env.clock.advance(backoffMs(2))
    await drainOutbox(env.rt)
    expect(await record('case:1:routed')).toMatchObject({ status: 'done', subscribeStep: 'sent', attempts: 3 })
    expect(await env.docs(COLLECTIONS.devMessages)).toHaveLength(1)
    expect(await env.docs(COLLECTIONS.inbox)).toHaveLength(1)
    expect(await remaining()).toBe(0)
  })

  it('should fail a record after the last attempt', async () => {
    await grant(1)
    await queue()
    env.rt.messaging.failWith(-1)
    for (let i = 0; i < 10; i++) {
      await drainOutbox(env.rt)
      env.clock.advance(backoffMs(10))
    }
    expect(await record('case:1:routed')).toMatchObject({ status: 'failed', subscribeStep: 'failed', attempts: 6 })
  })

  it('should not retry 43101 (user refused) and forget the stale grant', async () => {
    await grant(3)
    await queue()
    env.rt.messaging.failNext(43101)
    const report = await drainOutbox(env.rt)
    expect(report.failed).toBe(1)
    expect(await record('case:1:routed')).toMatchObject({ status: 'failed', subscribeStep: 'failed', attempts: 1 })
    expect((await record('case:1:routed')).lastError).toContain('43101')
    expect(await remaining()).toBe(0)
    env.clock.advance(backoffMs(10))
    expect((await drainOutbox(env.rt)).claimed).toBe(0)
    // The in-app message still reached the person.
    expect(await env.docs(COLLECTIONS.inbox)).toHaveLength(1)
  })

  it.each([40003, 47003])('should not retry permanent error %i', async (errcode) => {
    await grant(1)
    await queue()
    env.rt.messaging.failNext(errcode)
    await drainOutbox(env.rt)
    expect(await record('case:1:routed')).toMatchObject({ status: 'failed', attempts: 1 })
    expect(await remaining()).toBe(1)
  })

  const crashAt = (step: DrainStep) => async (s: DrainStep) => {
    if (s === step) throw new Crash(`crashed after ${step}`)
  }

  it.each<[DrainStep, number, string]>([
    ['claimed', 1, 'sent'],
    ['inbox-done', 1, 'sent'],
    // Sent but the process died before recording it: not sent again.
    ['message-sent', 1, 'unknown'],
    // Reserved but not known to be sent: at most once, so it is never sent.
    ['grant-reserved', 0, 'unknown'],
  ])('should resume after a crash at %s with nothing sent twice', async (step, expectedSent, expectedStep) => {
    await grant(2)
    await queue()
    await expect(drainOutbox(env.rt, { onStep: crashAt(step) })).rejects.toThrow(Crash)

    // While the lease holds, another drain leaves the record alone.
    expect((await drainOutbox(env.rt)).claimed).toBe(0)

    env.clock.advance(3 * 60_000)
    await drainOutbox(env.rt)
    env.clock.advance(24 * 3600_000)
    await drainOutbox(env.rt)

    expect(await env.docs(COLLECTIONS.inbox)).toHaveLength(1)
    expect(await env.docs(COLLECTIONS.devMessages)).toHaveLength(expectedSent)
    const doc = await record('case:1:routed')
    expect(doc.status).toBe('done')
    expect(doc.subscribeStep).toBe(expectedStep)
  })

  it('should let only one of two concurrent drains deliver a record', async () => {
    await grant(5)
    for (let i = 0; i < 5; i++) await queue(`k${i}`)
    const [a, b] = await Promise.all([drainOutbox(env.rt), drainOutbox(env.rt)])
    expect(a.claimed + b.claimed).toBe(5)
    expect(await env.docs(COLLECTIONS.inbox)).toHaveLength(5)
    expect(await env.docs(COLLECTIONS.devMessages)).toHaveLength(5)
    expect(await remaining()).toBe(0)
  })
})

describe('notifyNew', () => {
  let env: TestEnv
  beforeEach(async () => {
    env = await createTestEnv({ seed: 'base' })
  })
  afterEach(() => env.close())
  const notice = (openid: string) => ({
    dedupeKey: `case:9:routed:${openid}`,
    openid,
    title: '新诉求待签收',
    body: '垃圾堆放：楼道垃圾没人清运，请及时签收。',
  })

  it('should queue every record in one insert, pending and ready for the drain', async () => {
    const now = env.clock.now()
    const { requests } = await countRequests(() =>
      transaction(env.rt.db, (tx) => notifyNew(tx, [notice(OPENID), notice('demo-grid-1')], now)),
    )
    expect(requests.byAction['database.insertDocument']).toBe(1)
    const queued = await env.docs<OutboxDoc>(COLLECTIONS.outbox)
    expect(queued.map((d) => [d._id, d.openid, d.status, d.subscribeStep]).sort()).toEqual([
      ['case:9:routed:demo-grid-1', 'demo-grid-1', 'pending', 'none'],
      ['case:9:routed:demo-resident-1', OPENID, 'pending', 'none'],
    ])
    expect((await drainOutbox(env.rt)).inbox).toBe(2)
  })

  it('should fail the whole transaction rather than queue a record twice', async () => {
    const now = env.clock.now()
    await notify(env.rt.db, notice(OPENID), now)
    const write = transaction(env.rt.db, (tx) => notifyNew(tx, [notice('demo-grid-1'), notice(OPENID)], now))
    await expect(write).rejects.toBeDefined()
    expect((await env.docs<OutboxDoc>(COLLECTIONS.outbox)).map((d) => d._id)).toEqual([`case:9:routed:${OPENID}`])
  })

  it('should queue many records in two requests, skipping the keys already queued', async () => {
    const now = env.clock.now()
    await notify(env.rt.db, notice(OPENID), now)
    const { requests } = await countRequests(() =>
      notifyMany(env.rt.db, [notice(OPENID), notice('demo-grid-1'), notice('demo-secretary-1')], now),
    )
    expect(requests.total).toBe(2)
    const ids = (await env.docs<OutboxDoc>(COLLECTIONS.outbox)).map((d) => d._id).sort()
    expect(ids).toEqual([
      'case:9:routed:demo-grid-1',
      'case:9:routed:demo-resident-1',
      'case:9:routed:demo-secretary-1',
    ])
  })

  it('should queue each record once when two callers queue the same records at once', async () => {
    const now = env.clock.now()
    const batch = [notice(OPENID), notice('demo-grid-1'), notice('demo-secretary-1')]
    await Promise.all([notifyMany(env.rt.db, batch, now), notifyMany(env.rt.db, batch, now)])
    expect((await env.docs<OutboxDoc>(COLLECTIONS.outbox)).map((d) => d._id).sort()).toEqual([
      'case:9:routed:demo-grid-1',
      'case:9:routed:demo-resident-1',
      'case:9:routed:demo-secretary-1',
    ])
    expect((await drainOutbox(env.rt)).inbox).toBe(3)
  })
})
