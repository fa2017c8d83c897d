/**
 * 活动签到 benchmark through the local host (HTTP, signed tokens, the function framework, the
 * real CloudBase SDK on the embedded database), the host in a child process.
 *
 *   npx tsx bench/checkin.ts     500 confirmed residents checked in by code from 4 staff devices
 *                                at once (each device its quarter, and every tenth person scanned
 *                                by a second device too): p50/p99, and whether the records are exact
 *
 * Figures are printed, never asserted.
 */
import { performance } from 'node:perf_hooks'
import { announce, BENCH_SECRET, createBenchHost, forkServer } from './lib/bench-host'
import { percentile } from './lib/measure'

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 500)
const DEVICES = Number(process.env.BENCH_DEVICES ?? 4)
/** Inside the check-in window of the event below (2027-03-06 14:30 Shanghai). */
const DURING = '2027-03-06T06:10:00.000Z'

interface Ready {
  url: string
  staffToken: string
  eventId: string
  codes: string[]
  seedMs: number
}

async function serve(): Promise<void> {
  const { signToken } = await import('../host')
  const { seedDemo, BASE_SEEDS } = await import('../demo')
  const { events } = await import('../cloudfunctions/events')
  const { draft } = await import('../cloudfunctions/events/test-helpers')
  const { host, close } = createBenchHost('checkin')
  const rt = host.runtime
  const started = performance.now()
  rt.clock.set(DURING)
  await seedDemo(rt, BASE_SEEDS)
  const invoke = async <T>(openid: string, event: Record<string, unknown>): Promise<T> => {
    const res = await events.invoke(event, { openid }, rt)
    if (!res.ok) throw new Error(`${String(event.action)}: ${res.error.message}`)
    return res.data as T
  }
  const { id: eventId } = await invoke<{ id: string }>('demo-secretary-1', {
    action: 'create',
    ...draft({ capacity: 0, date: '2027-03-06' }),
  })
  await invoke('demo-secretary-1', { action: 'publish', eventId })
  const at = rt.clock.now().toISOString()
  const codes: string[] = []
  for (let i = 0; i < PEOPLE; i++) {
    const openid = `bench-c-${i}`
    await rt.db
      .collection('users')
      .doc(openid)
      .set({
        name: `居民${i}`,
        phone: `136${String(i).padStart(8, '0')}`,
        communityId: 'c-dongxianmen',
        createdAt: at,
        updatedAt: at,
      })
    await invoke(openid, { action: 'signUp', eventId, clientRequestId: `bench-checkin-${i}` })
    codes.push((await invoke<{ code: string }>(openid, { action: 'myCode', eventId })).code)
  }
  const url = await host.listen(0)
  announce<Ready>(
    {
      url,
      staffToken: signToken('demo-secretary-1', BENCH_SECRET),
      eventId,
      codes,
      seedMs: performance.now() - started,
    },
    close,
  )
}

type Answer = {
  ok: boolean
  data?: { outcome?: string; counts?: { present: number; confirmed: number } }
  error?: { code: string }
}

async function post(url: string, token: string, event: Record<string, unknown>): Promise<{ ms: number; body: Answer }> {
  const t0 = performance.now()
  const res = await fetch(`${url}/api/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(event),
  })
  return { ms: performance.now() - t0, body: (await res.json()) as Answer }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'serve') return serve()
  const { child, ready } = await forkServer<Ready>(__filename, ['serve'])
  try {
    // Each device scans its quarter; every tenth person is also scanned by the next device.
    const queues = Array.from({ length: DEVICES }, () => [] as string[])
    ready.codes.forEach((code, i) => {
      queues[i % DEVICES]!.push(code)
      if (i % 10 === 0) queues[(i + 1) % DEVICES]!.push(code)
    })
    const latencies: number[] = []
    const outcomes: Record<string, number> = {}
    const t0 = performance.now()
    await Promise.all(
      queues.map(async (queue) => {
        for (const code of queue) {
          const { ms, body } = await post(ready.url, ready.staffToken, {
            action: 'checkIn',
            eventId: ready.eventId,
            code,
          })
          latencies.push(ms)
          const o = body.ok ? (body.data?.outcome ?? '?') : (body.error?.code ?? '?')
          outcomes[o] = (outcomes[o] ?? 0) + 1
        }
      }),
    )
    const seconds = (performance.now() - t0) / 1000
    latencies.sort((a, b) => a - b)
    const list = await post(ready.url, ready.staffToken, { action: 'attendance', eventId: ready.eventId })
    console.log(
      `check-in: ${PEOPLE} confirmed residents, ${DEVICES} staff devices at once, ${latencies.length} scans (seeded in ${(ready.seedMs / 1000).toFixed(1)} s)`,
    )
    console.log(
      `  ${(latencies.length / seconds).toFixed(0)} scans/s; latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    )
    console.log(`  outcomes ${JSON.stringify(outcomes)}; records: ${JSON.stringify(list.body.data?.counts)}`)
  } finally {
    child.disconnect()
  }
}

void main()
