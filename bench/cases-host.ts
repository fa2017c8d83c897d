/**
 * Case submission through the local HTTP host under concurrency: BENCH_CLIENTS (default 32)
 * clients, each with its own account and keep-alive connection, sending
 * `POST /api/cases {action:'submit'}` one after another (a bounded Promise pool) until
 * BENCH_SUBMITS (default 3000) cases are in. Every request is a new case (fresh client
 * request id), so each one routes, numbers, writes the case, its timeline, its outbox
 * records and its figure counters in one transaction on a file-backed embedded database.
 * The host runs in a child process on 127.0.0.1 so the clients do not share its event loop.
 * It runs once per durability mode (BENCH_MODES, default `per-commit,full`): SQLite's own
 * fsync at every commit, then group commit (one fsync shared by the commits waiting for it).
 * Both acknowledge a submission only once it is on disk.
 *
 *   npx tsx bench/cases-host.ts     (BENCH_MODES=full: group commit only; BENCH_CLIENT=http: below)
 * Figures are printed, never asserted.
 */
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
// Static, as bench-host imports the host: a dynamic import() here would load a second copy of the module.
import { retryTally } from '../cloudfunctions/core/transaction-retry'
import { announce, ask, BENCH_SECRET, cpuUsageOf, createBenchHost, forkServer } from './lib/bench-host'
import { percentile } from './lib/measure'
import { startWindowProfile } from './lib/window-profile'

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32)
const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 3000)
const POINT = { lng: 108.9573, lat: 34.2581 }
const MODES = (process.env.BENCH_MODES ?? 'per-commit,full').split(',') as Mode[]
type Mode = 'per-commit' | 'full'

/**
 * BENCH_WINDOW_PROF=<file>: the host writes a V8 CPU profile of the measured window only
 * (not its start-up, seeding and warm-up) there; `npx tsx bench/lib/profile-summary.ts <file>`.
 */
const WINDOW_PROF = process.env.BENCH_WINDOW_PROF

const TALLY_QUERY = 'bench:retry-tally'
const PROFILE_START = 'bench:profile-start'
const PROFILE_STOP = 'bench:profile-stop'
type Tally = { transactions: number; conflicts: number }

/** The server's retried transactions so far (core/transaction-retry.ts `retryTally`). */
const tallyOf = (child: ChildProcess) => ask<Tally>(child, TALLY_QUERY, 'tally')

interface Ready {
  url: string
  tokens: string[]
}

/** Child side: a host on a loopback port with the demo data, and one token per client. */
async function serve(mode: Mode): Promise<void> {
  const { signToken } = await import('../host')
  const { seedDemo } = await import('../demo')
  const { openEmbeddedDb } = await import('../embedded-db')
  const { INDEXES } = await import('../cloudfunctions/core/indexes')
  const dir = mkdtempSync(path.join(tmpdir(), 'minhu-bench-cases-db-'))
  const opened = openEmbeddedDb({ file: path.join(dir, 'bench.sqlite'), indexes: INDEXES, synchronous: mode })
  const bench = createBenchHost('cases-host', opened.db)
  const { host } = bench
  const close = () =>
    bench.close().then(() => {
      opened.close()
      rmSync(dir, { recursive: true, force: true })
    })
  await seedDemo(host.runtime)
  let stopProfile: ((file: string) => Promise<void>) | null = null
  process.on('message', (m: unknown) => {
    if (m === TALLY_QUERY) process.send?.({ tally: { ...retryTally } })
    if (m === PROFILE_START)
      void startWindowProfile().then((stop) => {
        stopProfile = stop
        process.send?.({ profiling: true })
      })
    if (m === PROFILE_STOP && stopProfile && WINDOW_PROF)
      void stopProfile(WINDOW_PROF).then(() => process.send?.({ profiled: true }))
  })
  const url = await host.listen(0)
  announce<Ready>(
    { url, tokens: Array.from({ length: CLIENTS }, (_x, i) => signToken(`bench-resident-${i}`, BENCH_SECRET)) },
    close,
  )
}

/**
 * BENCH_CLIENT: how the load generator sends. `fetch` (the default, the figures before) is
 * undici, 1.0–1.5 ms of client CPU a submission on the 2-core machine it was measured on;
 * `http` is node:http with one keep-alive socket per client, ~0.4 ms. The client's CPU is
 * taken from the cores the host could have had.
 */
const CLIENT = process.env.BENCH_CLIENT === 'http' ? 'http' : 'fetch'
const agents = new Map<string, Agent>()

async function post(url: string, token: string, body: string): Promise<{ status: number; text: string }> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` }
  if (CLIENT === 'fetch') {
    const res = await fetch(url, { method: 'POST', headers, body })
    return { status: res.status, text: await res.text() }
  }
  let agent = agents.get(token)
  if (!agent) agents.set(token, (agent = new Agent({ keepAlive: true, maxSockets: 1 })))
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

async function run(mode: Mode): Promise<void> {
  const { child, ready } = await forkServer<Ready>(__filename, ['serve', mode])
  const submit = async (token: string, n: number): Promise<{ ms: number; ok: boolean; status: number }> => {
    const body = JSON.stringify({
      action: 'submit',
      clientRequestId: `bench-host-${String(n).padStart(8, '0')}`,
      categoryCode: 'environment.litter',
      description: '楼道垃圾无人清运',
      location: POINT,
    })
    const t0 = process.hrtime.bigint()
    const res = await post(`${ready.url}/api/cases`, token, body)
    const json = JSON.parse(res.text) as { ok: boolean; data?: { created: boolean } }
    return {
      ms: Number(process.hrtime.bigint() - t0) / 1e6,
      ok: json.ok && json.data?.created === true,
      status: res.status,
    }
  }
  // Warm-up: JIT, the SQLite page cache, the org tree cache.
  await Promise.all(ready.tokens.map((t, i) => submit(t, 10_000_000 + i)))

  let next = 0
  const times: number[] = []
  const failures = new Map<number, number>()
  if (WINDOW_PROF) await ask(child, PROFILE_START, 'profiling')
  const cpuBefore = await cpuUsageOf(child)
  const tallyBefore = await tallyOf(child)
  const clientCpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  await Promise.all(
    ready.tokens.map(async (token) => {
      while (next < SUBMITS) {
        const r = await submit(token, next++)
        times.push(r.ms)
        if (!r.ok) failures.set(r.status, (failures.get(r.status) ?? 0) + 1)
      }
    }),
  )
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const clientMs = cpuMs(process.cpuUsage(clientCpu))
  const cpuAfter = await cpuUsageOf(child)
  const host = { user: cpuAfter.user - cpuBefore.user, system: cpuAfter.system - cpuBefore.system }
  const hostMs = cpuMs(host)
  const mainMs =
    cpuAfter.mainThread === undefined || cpuBefore.mainThread === undefined
      ? null
      : (cpuAfter.mainThread - cpuBefore.mainThread) / 1000
  const tallyAfter = await tallyOf(child)
  if (WINDOW_PROF) await ask(child, PROFILE_STOP, 'profiled')
  const conflicts = tallyAfter.conflicts - tallyBefore.conflicts
  child.disconnect()
  times.sort((a, b) => a - b)
  const label =
    mode === 'full'
      ? 'group commit (synchronous=NORMAL + one WAL fsync per batch)'
      : 'fsync per commit (synchronous=FULL)'
  console.log(
    `POST /api/cases submit, ${CLIENTS} concurrent clients (${CLIENT}), ${SUBMITS} new cases, loopback, file-backed embedded db, ${label}`,
  )
  console.log(
    `${(SUBMITS / seconds).toFixed(0)} submissions/s; latency p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms; ` +
      `failed ${[...failures.values()].reduce((a, b) => a + b, 0)}${failures.size ? ` (by HTTP status ${JSON.stringify(Object.fromEntries(failures))})` : ''}; ` +
      `${(conflicts / SUBMITS).toFixed(2)} write conflicts per submission (each one runs its transaction again); ` +
      `host CPU ${(hostMs / SUBMITS).toFixed(2)} ms per submission (${((hostMs / 1000 / seconds) * 100).toFixed(0)}% of one core; ` +
      `${((host.system / 1000 / hostMs) * 100).toFixed(0)}% of it in the kernel` +
      (mainMs === null ? '' : `, ${((mainMs / hostMs) * 100).toFixed(0)}% on the main thread`) +
      `); ` +
      `load generator CPU ${(clientMs / SUBMITS).toFixed(2)} ms per submission; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  )
}

const cpuMs = (cpu: NodeJS.CpuUsage) => (cpu.user + cpu.system) / 1000

async function runAll(): Promise<void> {
  for (const mode of MODES) await run(mode)
}

if (process.argv[2] === 'serve') {
  void serve(process.argv[3] as Mode)
} else {
  runAll().catch((err: unknown) => {
    console.error(err)
    process.exit(1)
  })
}
