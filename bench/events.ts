/**
 * 活动报名 benchmarks through the local host (HTTP, signed tokens, the function framework,
 * the real CloudBase SDK on the embedded database). The host runs in a child process so the
 * client does not share its event loop.
 *
 *   npx tsx bench/events.ts race     1,000 residents race for 100 seats (sign-ups/s, p50, p99)
 *   npx tsx bench/events.ts list     the resident list at 10,000 published events (p50/p99)
 *   npx tsx bench/events.ts          both
 *
 * Figures are printed, never asserted.
 */
import { performance } from 'node:perf_hooks'
import { announce, BENCH_SECRET, createBenchHost, forkServer } from './lib/bench-host'
import { percentile } from './lib/measure'

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1000)
const SEATS = Number(process.env.BENCH_SEATS ?? 100)
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 100)
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10000)
const LIST_REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 300)
const COMMUNITIES = ['c-dongxianmen', 'c-xiamaling', 'c-wuweishizi', 'c-dongfeng', 'c-huaqing']

interface Ready {
  url: string
  tokens: Record<string, string>
  eventId?: string
  seedMs: number
}

/** Child side: a host with the scenario's data, on a loopback port. */
async function serve(scenario: string): Promise<void> {
  const { signToken } = await import('../host')
  const { seedDemo, BASE_SEEDS } = await import('../demo')
  const { events } = await import('../cloudfunctions/events')
  const { draft } = await import('../cloudfunctions/events/test-helpers')
  const { host, close } = createBenchHost('events')
  const rt = host.runtime
  const db = rt.db
  const started = performance.now()
  await seedDemo(rt, BASE_SEEDS)
  const invoke = async (event: Record<string, unknown>) => {
    const res = await events.invoke(event, { openid: 'demo-secretary-1' }, rt)
    if (!res.ok) throw new Error(`${String(event.action)}: ${res.error.message}`)
    return res.data as { id: string }
  }
  const tokens: Record<string, string> = { 'demo-resident-1': signToken('demo-resident-1', BENCH_SECRET) }
  const at = rt.clock.now().toISOString()
  const date = new Date(Date.now() + 8 * 3600_000 + 5 * 86_400_000).toISOString().slice(0, 10)
  let eventId: string | undefined
  if (scenario === 'race') {
    for (let i = 0; i < PEOPLE; i++) {
      const openid = `bench-r-${i}`
      await db
        .collection('users')
        .doc(openid)
        .set({
          name: `居民${i}`,
          phone: `137${String(i).padStart(8, '0')}`,
          communityId: 'c-dongxianmen',
          createdAt: at,
          updatedAt: at,
        })
      tokens[openid] = signToken(openid, BENCH_SECRET)
    }
    eventId = (await invoke({ action: 'create', ...draft({ capacity: SEATS, date }) })).id
    await invoke({ action: 'publish', eventId })
  } else {
    // One event made by the function, then copies of its documents in bulk (one transaction
    // per 1,000): published, spread over five communities and the next 90 days, a fifth of
    // them open to everyone.
    const { id } = await invoke({ action: 'create', ...draft({ date, capacity: 30 }) })
    await invoke({ action: 'publish', eventId: id })
    const template = ((await db.collection('events').doc(id).get()).data as Record<string, unknown>[])[0]!
    const book = ((await db.collection('event_books').doc(id).get()).data as Record<string, unknown>[])[0]!
    const tx = db as unknown as { runTransaction<T>(fn: (t: typeof db) => Promise<T>): Promise<T> }
    for (let start = 0; start < EVENTS; start += 1000) {
      await tx.runTransaction(async (t) => {
        for (let i = start; i < Math.min(EVENTS, start + 1000); i++) {
          const unitId = COMMUNITIES[i % COMMUNITIES.length]!
          const startAt = new Date(Date.now() + (1 + (i % 90)) * 86_400_000).toISOString()
          const endAt = new Date(Date.parse(startAt) + 5_400_000).toISOString()
          const { _id: _e, ...event } = template
          const { _id: _b, ...seats } = book
          const audienceKeys = i % 5 === 0 ? ['all'] : [`unit:${unitId}`]
          await t
            .collection('events')
            .doc(`bench-e-${i}`)
            .set({
              ...event,
              unitId,
              unitScope: ['d-beilin', unitId],
              audienceKeys,
              title: `活动 ${i}`,
              startAt,
              endAt,
              signUpClosesAt: startAt,
              cancelDeadline: startAt,
            })
          await t.collection('event_books').doc(`bench-e-${i}`).set(seats)
        }
      })
    }
  }
  const url = await host.listen(0)
  announce<Ready>({ url, tokens, eventId, seedMs: performance.now() - started }, close)
}

type Answer = { ok: boolean; data?: { registration?: { status: string }; items?: unknown[] }; error?: { code: string } }

async function post(url: string, token: string, event: Record<string, unknown>): Promise<{ ms: number; body: Answer }> {
  const t0 = performance.now()
  const res = await fetch(`${url}/api/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(event),
  })
  return { ms: performance.now() - t0, body: (await res.json()) as Answer }
}

async function benchRace(): Promise<void> {
  const { child, ready } = await forkServer<Ready>(__filename, ['serve', 'race'])
  try {
    const latencies: number[] = []
    const statuses: Record<string, number> = {}
    let next = 0
    const t0 = performance.now()
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < PEOPLE) {
          const i = next++
          const { ms, body } = await post(ready.url, ready.tokens[`bench-r-${i}`]!, {
            action: 'signUp',
            eventId: ready.eventId,
            clientRequestId: `bench-request-${i}`,
          })
          latencies.push(ms)
          const s = body.ok ? (body.data?.registration?.status ?? '?') : (body.error?.code ?? '?')
          statuses[s] = (statuses[s] ?? 0) + 1
        }
      }),
    )
    const seconds = (performance.now() - t0) / 1000
    latencies.sort((a, b) => a - b)
    console.log(
      `race: ${PEOPLE} residents for ${SEATS} seats, ${IN_FLIGHT} in flight (seeded in ${(ready.seedMs / 1000).toFixed(1)} s)`,
    )
    console.log(
      `  ${(PEOPLE / seconds).toFixed(0)} sign-ups/s; latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    )
    console.log(`  outcomes ${JSON.stringify(statuses)}`)
  } finally {
    child.disconnect()
  }
}

async function benchList(): Promise<void> {
  const { child, ready } = await forkServer<Ready>(__filename, ['serve', 'list'])
  try {
    const latencies: number[] = []
    const token = ready.tokens['demo-resident-1']!
    let items = 0
    for (let i = 0; i < LIST_REQUESTS; i++) {
      const { ms, body } = await post(ready.url, token, { action: 'list', limit: 20, skip: (i % 5) * 20 })
      latencies.push(ms)
      items = body.data?.items?.length ?? -1
    }
    latencies.sort((a, b) => a - b)
    console.log(
      `list: ${EVENTS} published events (seeded in ${(ready.seedMs / 1000).toFixed(1)} s), ${LIST_REQUESTS} requests, ${items} items a page`,
    )
    console.log(
      `  latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    )
  } finally {
    child.disconnect()
  }
}

async function main(): Promise<void> {
  const [mode, scenario] = process.argv.slice(2)
  if (mode === 'serve') return serve(scenario!)
  if (!mode || mode === 'race') await benchRace()
  if (!mode || mode === 'list') await benchList()
}

void main()
