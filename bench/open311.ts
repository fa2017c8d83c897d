/**
 * What an anonymous Open311 reader costs the host (issue 16, issue 17 item 5). A host in a
 * child process holds the demo data plus BENCH_CASES (default 4,900) cases in the last 90
 * days; the parent times, one at a time:
 *   - GET /open311/v2/requests.json with no arguments (the spec's default query),
 *   - GET requests.json?service_request_id=<100 ids> and <800 ids>,
 * then `POST /api/users {action:'me'}` alone and while four requests.json run in parallel
 * (how much an anonymous reader holds a signed-in user up).
 *
 *   npx tsx bench/open311.ts        (under flock /tmp/minhu-heavy.lock)
 * Figures are printed, never asserted.
 */
import { announce, BENCH_SECRET, createBenchHost, forkServer } from './lib/bench-host'
import { fmt, measure, percentile } from './lib/measure'

const CASES = Number(process.env.BENCH_CASES ?? 4900)
const RUNS = Number(process.env.BENCH_RUNS ?? 5)

interface Ready {
  url: string
  token: string
  numbers: string[]
}

/** Child side: the demo data, one real case, and CASES copies of it spread over 80 days. */
async function serve(): Promise<void> {
  const { signToken } = await import('../host')
  const { seedDemo } = await import('../demo')
  const { registry } = await import('../cloudfunctions/registry')
  const { host, close } = createBenchHost('open311')
  const rt = host.runtime
  await seedDemo(rt)
  const made = await registry.cases.invoke(
    {
      action: 'submit',
      clientRequestId: 'bench-open311-0',
      categoryCode: 'environment.litter',
      description: '楼道垃圾无人清运',
      location: { lng: 108.9573, lat: 34.2581 },
    },
    { openid: 'demo-resident-1' },
    rt,
  )
  if (!made.ok) throw new Error(`submit failed: ${made.error.message}`)
  const id = (made.data as { case: { id: string } }).case.id
  const { _id: _unused, ...template } = (
    (await rt.db.collection('cases').doc(id).get()).data as Array<Record<string, unknown>>
  )[0]!
  const now = rt.clock.now().getTime()
  const numbers: string[] = []
  for (let i = 0; i < CASES; i++) {
    const at = new Date(now - Math.floor((i / CASES) * 80 * 86_400_000)).toISOString()
    const number = `BN-${at.slice(0, 10).replace(/-/g, '')}-${String(i).padStart(5, '0')}`
    numbers.push(number)
    await rt.db.collection('cases').add({
      ...template,
      number,
      clientRequestId: `bench-${i}`,
      submittedAt: at,
      updatedAt: at,
      status: i % 3 === 0 ? 'closed' : 'processing',
    })
  }
  const url = await host.listen(0)
  announce<Ready>({ url, token: signToken('demo-resident-1', BENCH_SECRET), numbers }, close)
}

async function run(): Promise<void> {
  const { child, ready } = await forkServer<Ready>(__filename, ['serve'])
  const base = `${ready.url}/open311/v2`
  const get = async (path: string): Promise<{ status: number; count: number }> => {
    const res = await fetch(`${base}/${path}`)
    const body = (await res.json()) as unknown[]
    return { status: res.status, count: Array.isArray(body) ? body.length : 0 }
  }
  const ids = (n: number) => `requests.json?service_request_id=${ready.numbers.slice(0, n).join(',')}`
  const me = () =>
    fetch(`${ready.url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ready.token}` },
      body: '{"action":"me"}',
    }).then((r) => r.json())

  console.log(`Open311 reads on ${CASES} cases (+ demo), loopback, one at a time, ${RUNS} runs each`)
  for (const [label, path] of [
    ['requests.json (defaults)', 'requests.json'],
    ['requests.json, 100 ids', ids(100)],
    ['requests.json, 800 ids', ids(800)],
  ] as const) {
    const answer = await get(path)
    const t = await measure(() => get(path), RUNS, 2)
    console.log(
      `  ${label.padEnd(26)} HTTP ${answer.status}, ${String(answer.count).padStart(4)} requests: median ${fmt(t.medianMs)}, p95 ${fmt(t.p95Ms)}`,
    )
  }

  const alone = await measure(me, RUNS * 2, 5)
  // users.me one after another while four anonymous readers keep asking for the default list.
  let stop = false
  const readers = Array.from({ length: 4 }, async () => {
    // A reader cut off by the host's request timeout just asks again.
    while (!stop) await get('requests.json').catch(() => undefined)
  })
  const busy: number[] = []
  for (let i = 0; i < RUNS * 2; i++) {
    const t0 = process.hrtime.bigint()
    await me()
    busy.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  stop = true
  await Promise.all(readers)
  busy.sort((a, b) => a - b)
  console.log(`  users.me alone             median ${fmt(alone.medianMs)}, p95 ${fmt(alone.p95Ms)}`)
  console.log(
    `  users.me beside 4 readers  median ${fmt(percentile(busy, 50))}, p95 ${fmt(percentile(busy, 95))}, max ${fmt(busy.at(-1) ?? NaN)}`,
  )
  child.disconnect()
}

if (process.argv[2] === 'serve') {
  void serve()
} else {
  run().catch((err: unknown) => {
    console.error(err)
    process.exit(1)
  })
}
