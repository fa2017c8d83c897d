/**
 * 微心愿 benchmarks through the local host (HTTP, signed tokens, the function framework,
 * the real CloudBase SDK on the embedded database). The host runs in a child process so
 * the client does not share its event loop.
 *
 *   npx tsx bench/wishes.ts claims      200 volunteers race for 50 open wishes
 *   npx tsx bench/wishes.ts wall        wall page p50/p99 at 1k and 100k wishes
 *   npx tsx bench/wishes.ts             both
 *
 * Figures are printed, never asserted.
 */
import { performance } from 'node:perf_hooks'
import { announce, BENCH_SECRET, createBenchHost, forkServer } from './lib/bench-host'

const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 200)
const WISHES = Number(process.env.BENCH_WISHES ?? 50)
const WALL_SIZES = (process.env.BENCH_WALL_SIZES ?? '1000,100000').split(',').map(Number)
const WALL_REQUESTS = Number(process.env.BENCH_WALL_REQUESTS ?? 300)
const COMMUNITY = 'c-dongxianmen'
const CATEGORIES = ['life', 'study', 'medical', 'repair', 'company', 'other'] as const

interface Ready {
  url: string
  tokens: Record<string, string>
  wishIds?: string[]
  seedMs: number
}

/** Child side: a host with the scenario's data, on a loopback port. */
async function serve(scenario: string, size: number): Promise<void> {
  const { signToken } = await import('../host')
  const { seedDemo } = await import('../demo')
  const { wishes } = await import('../cloudfunctions/wishes')
  const { host, close } = createBenchHost('wishes')
  const rt = host.runtime
  const db = rt.db
  const started = performance.now()
  await seedDemo(rt)
  const tokens: Record<string, string> = { 'demo-resident-2': signToken('demo-resident-2', BENCH_SECRET) }
  const invoke = async (openid: string, event: Record<string, unknown>) => {
    const res = await wishes.invoke(event, { openid }, rt)
    if (!res.ok) throw new Error(`${String(event.action)}: ${res.error.message}`)
    return res.data as { id: string }
  }
  let wishIds: string[] | undefined
  const at = rt.clock.now().toISOString()
  const neededBy = new Date(Date.now() + 8 * 3600_000 + 10 * 86_400_000).toISOString().slice(0, 10)

  if (scenario === 'claims') {
    for (let i = 0; i < VOLUNTEERS; i++) {
      const openid = `bench-vol-${i}`
      await db
        .collection('users')
        .doc(openid)
        .set({ name: `志愿者${i}`, phone: '13700000000', communityId: COMMUNITY, createdAt: at, updatedAt: at })
      await db
        .collection('role_assignments')
        .doc(`${openid}:volunteer:${COMMUNITY}`)
        .set({ openid, role: 'volunteer', unitId: COMMUNITY, createdAt: at, grantedBy: null })
      tokens[openid] = signToken(openid, BENCH_SECRET)
    }
    wishIds = []
    for (let i = 0; i < WISHES; i++) {
      const { id } = await invoke('demo-resident-1', {
        action: 'post',
        communityId: COMMUNITY,
        text: `测试心愿第 ${i} 号，需要志愿者帮忙`,
        category: CATEGORIES[i % 6],
        neededBy,
      })
      await invoke('demo-secretary-1', { action: 'review', wishId: id, decision: 'approve' })
      wishIds.push(id)
    }
  } else {
    // Bulk documents shaped exactly as postWish writes them, in batches of one transaction.
    const statuses = ['open', 'open', 'open', 'claimed', 'confirmed'] as const
    const tx = db as unknown as { runTransaction<T>(fn: (t: typeof db) => Promise<T>): Promise<T> }
    for (let start = 0; start < size; start += 1000) {
      await tx.runTransaction(async (t) => {
        for (let i = start; i < Math.min(size, start + 1000); i++) {
          const created = new Date(Date.parse('2025-01-01T00:00:00Z') + i * 60_000).toISOString()
          const status = statuses[i % statuses.length]!
          await t
            .collection('wishes')
            .doc(`bench-${i}`)
            .set({
              communityId: COMMUNITY,
              stationId: i % 10 === 0 ? 'st-dongxianmen' : null,
              wisherId: `bench-wisher-${i % 500}`,
              wisherName: '王秀兰',
              wisherPhone: '13991230001',
              text: `测试心愿第 ${i} 号，需要志愿者帮忙`,
              category: CATEGORIES[i % 6],
              photos: [],
              neededBy: new Date(Date.parse('2025-02-01T00:00:00Z') + (i % 90) * 86_400_000).toISOString().slice(0, 10),
              status,
              contentVerdict: 'pass',
              claimerId: status === 'open' ? null : 'bench-vol',
              claimedAt: null,
              claimDeadline: null,
              fulfilNote: null,
              fulfilPhotos: [],
              fulfilledAt: null,
              autoConfirmAt: null,
              confirmedAt: status === 'confirmed' ? created : null,
              disputeReason: null,
              rejectReason: null,
              hideReason: null,
              thanks: null,
              openedAt: created,
              digestId: null,
              history: [{ action: 'post', by: 'wisher', status, note: null, at: created }],
              version: 1,
              createdAt: created,
              updatedAt: created,
            })
        }
      })
    }
  }
  const url = await host.listen(0)
  announce<Ready>({ url, tokens, wishIds, seedMs: performance.now() - started }, close)
}

const start = (scenario: string, size = 0) => forkServer<Ready>(__filename, ['serve', scenario, String(size)])

async function post(
  url: string,
  token: string,
  event: Record<string, unknown>,
): Promise<{ ms: number; body: { ok: boolean; error?: { code: string } } }> {
  const t0 = performance.now()
  const res = await fetch(`${url}/api/wishes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(event),
  })
  const body = (await res.json()) as { ok: boolean; error?: { code: string } }
  return { ms: performance.now() - t0, body }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

function shuffle<T>(list: T[]): T[] {
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** Every volunteer at once tries wishes in its own random order until one claim wins or none is left. */
async function benchClaims(): Promise<void> {
  const { child, ready } = await start('claims')
  try {
    const latencies: number[] = []
    const codes: Record<string, number> = {}
    let wins = 0
    const t0 = performance.now()
    await Promise.all(
      Array.from({ length: VOLUNTEERS }, async (_, i) => {
        const token = ready.tokens[`bench-vol-${i}`]!
        for (const id of shuffle(ready.wishIds!)) {
          const { ms, body } = await post(ready.url, token, { action: 'claim', wishId: id })
          latencies.push(ms)
          const code = body.ok ? 'OK' : (body.error?.code ?? '?')
          codes[code] = (codes[code] ?? 0) + 1
          if (body.ok) {
            wins++
            return
          }
        }
      }),
    )
    const seconds = (performance.now() - t0) / 1000
    latencies.sort((a, b) => a - b)
    const wall = await post(ready.url, ready.tokens['demo-resident-2']!, {
      action: 'wall',
      communityId: COMMUNITY,
      status: 'claimed',
      pageSize: 50,
    })
    console.log(`claims: ${VOLUNTEERS} volunteers, ${WISHES} wishes (seeded in ${(ready.seedMs / 1000).toFixed(1)} s)`)
    console.log(
      `  requests ${latencies.length} in ${seconds.toFixed(2)} s = ${(latencies.length / seconds).toFixed(0)} claim requests/s`,
    )
    console.log(
      `  latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
    )
    console.log(
      `  outcomes ${JSON.stringify(codes)}; winners ${wins}; wall shows ${JSON.stringify((wall.body as { data?: { items: unknown[] } }).data?.items.length)} claimed`,
    )
  } finally {
    child.disconnect()
  }
}

/** Sequential wall requests (the figure a resident feels), first page of 20. */
async function benchWall(size: number): Promise<void> {
  const { child, ready } = await start('wall', size)
  try {
    const token = ready.tokens['demo-resident-2']!
    const variants: [string, Record<string, unknown>][] = [
      ['newest, open', { action: 'wall', communityId: COMMUNITY, status: 'open', sort: 'newest' }],
      [
        'soonest, open, category',
        { action: 'wall', communityId: COMMUNITY, status: 'open', sort: 'soonest', category: 'repair' },
      ],
      [
        'newest, open, category',
        { action: 'wall', communityId: COMMUNITY, status: 'open', sort: 'newest', category: 'repair' },
      ],
      ['station, open, soonest', { action: 'wall', stationId: 'st-dongxianmen', status: 'open', sort: 'soonest' }],
      ['station, confirmed', { action: 'wall', stationId: 'st-dongxianmen', status: 'confirmed' }],
      ['newest, open, page 50', { action: 'wall', communityId: COMMUNITY, status: 'open', sort: 'newest', page: 50 }],
    ]
    console.log(
      `wall: ${size} wishes in one community (seeded in ${(ready.seedMs / 1000).toFixed(1)} s), ${WALL_REQUESTS} sequential requests each`,
    )
    for (const [label, event] of variants) {
      for (let i = 0; i < 20; i++) await post(ready.url, token, event) // warm-up
      const latencies: number[] = []
      let shown = 0
      let hasMore = false
      for (let i = 0; i < WALL_REQUESTS; i++) {
        const { ms, body } = await post(ready.url, token, event)
        if (!body.ok) throw new Error(`wall failed: ${JSON.stringify(body)}`)
        const data = (body as { data?: { items: unknown[]; hasMore: boolean } }).data
        shown = data?.items.length ?? 0
        hasMore = data?.hasMore ?? false
        latencies.push(ms)
      }
      latencies.sort((a, b) => a - b)
      console.log(
        `  ${label.padEnd(24)} p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  (${shown} shown, more: ${hasMore})`,
      )
    }
  } finally {
    child.disconnect()
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'serve') return serve(process.argv[3]!, Number(process.argv[4]))
  const what = process.argv[2] ?? 'all'
  if (what === 'claims' || what === 'all') await benchClaims()
  if (what === 'wall' || what === 'all') for (const size of WALL_SIZES) await benchWall(size)
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
