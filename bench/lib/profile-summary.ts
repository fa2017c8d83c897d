/**
 * Reads a V8 CPU profile (`node --cpu-prof`, or a benchmark run with BENCH_CPU_PROF=<dir>)
 * and prints where the time went: self time by function and by file (node_modules
 * packages grouped by package), largest first.
 *
 *   BENCH_CPU_PROF=/tmp/prof BENCH_MODES=full npx tsx bench/cases-host.ts
 *   npx tsx bench/lib/profile-summary.ts /tmp/prof/CPU.*.cpuprofile [TOP=30]
 */
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** A file's short name: the package for node_modules, the path inside the repository otherwise. */
function where(url: string): string {
  if (!url) return '(native)'
  const nm = url.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/')
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!
  }
  const repo = url.replace(/^file:\/\//, '').replace(/^.*?\/(wt\/[^/]+|main)\//, '')
  return repo.startsWith('node:') ? 'node:' + repo.slice(5).split('/')[0] : repo
}

/** Native frames by name: which part of a request they are (others count as `other`). */
const NATIVE_PARTS: Record<string, string> = {
  run: 'SQLite (better-sqlite3 statements)',
  get: 'SQLite (better-sqlite3 statements)',
  all: 'SQLite (better-sqlite3 statements)',
  iterate: 'SQLite (better-sqlite3 statements)',
  exec: 'SQLite (better-sqlite3 statements)',
  parse: 'JSON and EJSON (text ⇄ values)',
  stringify: 'JSON and EJSON (text ⇄ values)',
  writev: 'HTTP, token, host',
  writeUtf8String: 'HTTP, token, host',
  writeBuffer: 'HTTP, token, host',
  '(garbage collector)': 'garbage collection',
  fsync: 'fsync and file calls',
  // The inspector answering Profiler.start/stop (a window profile, bench/lib/window-profile.ts).
  dispatch: '(the profiler itself)',
}

/**
 * The part of a 诉求 submission a self-time frame belongs to (docs/design.md, "Where a request's
 * CPU goes"): by file or package, natives by name.
 */
function partOf(functionName: string, url: string): string {
  const file = where(url)
  if (file === '(native)') return NATIVE_PARTS[functionName] ?? 'other (V8, Node internals)'
  if (file === 'better-sqlite3') return 'SQLite (better-sqlite3 statements)'
  if (file === 'bson' || /^embedded-db\/(codec|decode|canonical-ejson)\.ts$/.test(file))
    return 'JSON and EJSON (text ⇄ values)'
  if (file.startsWith('@cloudbase/') || file === 'embedded-db/seam.ts' || file === 'cloudfunctions/core/data.ts')
    return 'SDK layer (request building, seam, typed wrappers)'
  if (file.startsWith('embedded-db/')) return 'storage engine (queries, transactions, index keys, group commit)'
  if (file.startsWith('host/') || /^node:(_http|net|stream|crypto)/.test(file)) return 'HTTP, token, host'
  if (file === 'zod' || /^cloudfunctions\/core\/(define-function|authz|text-guard|runtime-cache)\.ts$/.test(file))
    return 'function framework (caller, access, zod, contract check)'
  if (file.startsWith('cloudfunctions/') || file.startsWith('types/'))
    return 'the cases slice (routing, numbering, notices, answer)'
  if (file === 'node:fs') return 'fsync and file calls'
  return 'other (V8, Node internals)'
}

function summarise(file: string, top: number): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const idle = [...self]
    .filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)')
    .reduce((a, [, t]) => a + t, 0)
  const byFunction = new Map<string, number>()
  const byFile = new Map<string, number>()
  const byPart = new Map<string, number>()
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    if (functionName === '(idle)') continue
    const part = partOf(functionName, url)
    byPart.set(part, (byPart.get(part) ?? 0) + us)
    const key = `${functionName || '(anonymous)'} ${where(url)}:${lineNumber + 1}`
    byFunction.set(key, (byFunction.get(key) ?? 0) + us)
    byFile.set(where(url), (byFile.get(where(url)) ?? 0) + us)
  }
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const inclusive = new Map<string, number>()
  profile.samples.forEach((leaf, i) => {
    const seen = new Set<string>()
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const { functionName, url, lineNumber } = byId.get(id)!.callFrame
      if (functionName === '(idle)' || functionName === '(root)') continue
      seen.add(`${functionName || '(anonymous)'} ${where(url)}:${lineNumber + 1}`)
    }
    for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const busy = total - idle
  const print = (title: string, m: Map<string, number>) => {
    console.log(`\n${title}`)
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((us / busy) * 100).toFixed(1).padStart(5)}%  ${k}`)
    }
  }
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (not idle)`)
  print('self time by part of a request (partOf)', byPart)
  print('self time by file or package', byFile)
  print('self time by function', byFunction)
  print('inclusive time by function (itself and what it calls)', inclusive)
}

const [file, topArg] = process.argv.slice(2)
if (!file) {
  console.error('usage: npx tsx bench/lib/profile-summary.ts <file.cpuprofile> [top]')
  process.exit(1)
}
summarise(file, Number(topArg ?? 30))
