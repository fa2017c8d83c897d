/**
 * Instructions per request of the two servers `bench/host.ts` compares (the host answering
 * `users.me`, a bare Node `http` hello-world), counted by valgrind's callgrind. Unlike
 * requests per second these counts repeat from run to run on a busy shared machine, so
 * they are the figure to compare before and after a change to the request path.
 *
 * Each server runs under callgrind (all its threads: V8's compiler and GC count too) and
 * gets one keep-alive connection that sends requests one at a time. Counters are zeroed
 * before and dumped after each round of BENCH_REQUESTS requests; rounds repeat until JIT
 * warm-up is over (the last three within 2 %, at most BENCH_MAX_ROUNDS), and the median of
 * those three is printed. Takes a few minutes (valgrind runs node ~50× slower); needs
 * valgrind, which `npm run bench` does not (this file is not one of its benchmarks).
 *
 *   npx tsx bench/lib/callgrind-host.ts            (BENCH_REQUESTS=1000 BENCH_MAX_ROUNDS=30)
 *   BENCH_KINDS=host npx tsx bench/lib/callgrind-host.ts   (one server only)
 *
 * The last dump of each server stays in the printed folder for `callgrind_annotate`.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { forkServer } from './bench-host'

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000)
const MAX_ROUNDS = Number(process.env.BENCH_MAX_ROUNDS ?? 30)
const KINDS = (process.env.BENCH_KINDS ?? 'hello,host').split(',')

interface Ready {
  url: string
  token?: string
}

function post(agent: Agent, ready: Ready): Promise<void> {
  const url = new URL(ready.token ? '/api/users' : '/', ready.url)
  const body = ready.token ? JSON.stringify({ action: 'me' }) : ''
  const headers: Record<string, string> = ready.token
    ? { 'content-type': 'application/json', authorization: `Bearer ${ready.token}` }
    : {}
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: ready.token ? 'POST' : 'GET', headers }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${url.pathname} answered ${res.statusCode}`))
      res.resume()
      res.on('end', resolve)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** The `totals:` line of a callgrind dump: instructions executed since the last zeroing. */
function totalOf(file: string): number {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('totals:'))
  if (!line) throw new Error(`no totals in ${file}`)
  return Number(line.split(/\s+/)[1])
}

async function count(kind: string, dir: string): Promise<{ perRequest: number; rounds: number[] }> {
  const out = path.join(dir, `callgrind.${kind}`)
  const { child, ready } = await forkServer<Ready>(path.join(__dirname, '..', 'host.ts'), ['serve', kind], {
    command: 'valgrind',
    args: ['--tool=callgrind', `--callgrind-out-file=${out}`, `--log-file=${path.join(dir, `valgrind-${kind}.log`)}`],
  })
  const pid = String(child.pid)
  const control = (flag: string) => execFileSync('callgrind_control', [flag, pid], { stdio: 'ignore' })
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const rounds: number[] = []
  try {
    while (rounds.length < MAX_ROUNDS) {
      control('-z')
      for (let i = 0; i < REQUESTS; i++) await post(agent, ready)
      control('-d')
      const dumps = readdirSync(dir).filter((f) => f.startsWith(`callgrind.${kind}.`))
      const latest = dumps.sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop())).pop()!
      for (const f of dumps) if (f !== latest) rmSync(path.join(dir, f))
      rounds.push(totalOf(path.join(dir, latest)) / REQUESTS)
      process.stderr.write(`${kind} round ${rounds.length}: ${Math.round(rounds.at(-1)!)} instructions/request\n`)
      const last = rounds.slice(-3)
      if (last.length === 3 && Math.max(...last) / Math.min(...last) <= 1.02) break
    }
  } finally {
    agent.destroy()
    child.disconnect()
  }
  const last = rounds.slice(-3).sort((a, b) => a - b)
  return { perRequest: last[1] ?? last[0]!, rounds }
}

async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'minhu-callgrind-'))
  console.log(`callgrind, one keep-alive connection, rounds of ${REQUESTS} requests until three agree within 2 %`)
  const figures = new Map<string, number>()
  for (const kind of KINDS) {
    const { perRequest, rounds } = await count(kind, dir)
    figures.set(kind, perRequest)
    const name = kind === 'host' ? 'host users.me' : 'bare node http'
    console.log(
      `${name.padEnd(16)} ${Math.round(perRequest).toLocaleString('en').padStart(10)} instructions/request   (rounds: ${rounds.map((r) => Math.round(r / 1000) + 'k').join(' ')})`,
    )
  }
  const host = figures.get('host')
  const hello = figures.get('hello')
  if (host && hello) console.log(`host/bare instructions: ${(host / hello).toFixed(2)}`)
  console.log(`the last round's dump of each server (callgrind.<kind>.<n>, for callgrind_annotate) is in ${dir}`)
}

run().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
