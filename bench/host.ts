/**
 * The local host's overhead: autocannon against `POST /api/users {action:'me'}` (token
 * check, JSON, the function framework, the embedded database through the CloudBase SDK)
 * and against a bare Node `http` hello-world, in the same run on the same machine.
 * Each server runs in a child process so autocannon does not share its event loop.
 *
 * The two are measured in alternating rounds (BENCH_ROUNDS, default 3) and the ratio is
 * taken per round, so a neighbour's load on a shared machine hits both sides of a ratio.
 *
 *   npx tsx bench/host.ts            (BENCH_SECONDS=5 BENCH_CONNECTIONS=10 BENCH_ROUNDS=3 by default)
 */
import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:http'
import { loadavg } from 'node:os'
import { autocannon, type CannonOptions } from './lib/autocannon'
import { announce, BENCH_SECRET, cpuOf, createBenchHost, forkServer } from './lib/bench-host'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)

interface Ready {
  url: string
  token?: string
}

/** Child side: start one server on a loopback port and tell the parent where it is. */
async function serve(kind: string): Promise<void> {
  if (kind === 'hello') {
    const body = JSON.stringify({ ok: true, data: { hello: 'world' } })
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(body)
    })
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number }
      announce<Ready>({ url: `http://127.0.0.1:${address.port}` }, async () => {
        server.close()
      })
    })
    return
  }
  const { signToken } = await import('../host')
  const { seedDemo } = await import('../demo')
  const { host, close } = createBenchHost('host')
  await seedDemo(host.runtime)
  const url = await host.listen(0)
  announce<Ready>({ url, token: signToken('demo-resident-1', BENCH_SECRET) }, close)
}

const start = (kind: string) => forkServer<Ready>(__filename, ['serve', kind])

interface Figures {
  rps: number
  /** The server's CPU per request, ms (user + system, from its process.cpuUsage()). */
  cpuMs: number
  /** The load generator's CPU per request, ms (autocannon runs in this process). */
  clientMs: number
  p50: number
  p99: number
  errors: number
  non2xx: number
}

async function measure(options: CannonOptions, server: ChildProcess): Promise<Figures> {
  // A short warm-up first so JIT and the SQLite page cache are not part of the figures.
  await autocannon({ ...options, duration: 2 })
  const cpuBefore = await cpuOf(server)
  const clientBefore = process.cpuUsage()
  const result = await autocannon({ ...options, duration: SECONDS })
  const client = process.cpuUsage(clientBefore)
  const cpuMs = (await cpuOf(server)) - cpuBefore
  return {
    rps: result.requests.average,
    cpuMs: cpuMs / result.requests.total,
    clientMs: (client.user + client.system) / 1000 / result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  }
}

async function run(): Promise<void> {
  const base = { connections: CONNECTIONS }
  const hello = await start('hello')
  const host = await start('host')
  const me: CannonOptions = {
    ...base,
    url: `${host.ready.url}/api/users`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.ready.token}` },
    body: JSON.stringify({ action: 'me' }),
  }
  const row = (name: string, f: Figures): string =>
    `${name.padEnd(22)} ${f.rps.toFixed(0).padStart(8)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   server CPU ${(f.cpuMs * 1000).toFixed(0).padStart(4)} µs/req   client CPU ${(f.clientMs * 1000).toFixed(0).padStart(3)} µs/req   errors ${f.errors}  non-2xx ${f.non2xx}`
  console.log(`autocannon, ${CONNECTIONS} connections, ${SECONDS}s each, loopback, ${ROUNDS} alternating rounds`)
  const ratios: number[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    const bare = await measure({ ...base, url: hello.ready.url }, hello.child)
    const served = await measure(me, host.child)
    ratios.push(served.rps / bare.rps)
    console.log(row(`bare node http (${round})`, bare))
    console.log(row(`host users.me (${round})`, served))
  }
  hello.child.disconnect()
  hello.child.kill()
  host.child.disconnect()
  ratios.sort((a, b) => a - b)
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  console.log(
    `ratio host/bare per round: ${ratios.map((r) => r.toFixed(3)).join(', ')}; median ${ratios[Math.floor(ratios.length / 2)]!.toFixed(3)} of the requests per second`,
  )
}

if (process.argv[2] === 'serve') {
  void serve(process.argv[3] ?? 'hello')
} else {
  run().catch((err: unknown) => {
    console.error(err)
    process.exit(1)
  })
}
