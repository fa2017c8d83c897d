import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Db } from '@cloudbase/database'
import { createHost, type Host } from '../../host'

/** The secret bench tokens are signed with (`signToken(openid, BENCH_SECRET)`). */
export const BENCH_SECRET = 'bench'

/**
 * A quiet production-mode host on a fresh temporary database (or the given `db`), for a
 * benchmark's server process. `close()` also removes the temporary folder.
 */
export function createBenchHost(name: string, db?: Db): { host: Host; work: string; close(): Promise<void> } {
  const work = mkdtempSync(path.join(tmpdir(), `minhu-bench-${name}-`))
  const host = createHost({
    ...(db ? { db } : { dbFile: path.join(work, 'bench.sqlite') }),
    devMode: false,
    secret: BENCH_SECRET,
    h5Dir: work,
    dataDir: work,
    sweepIntervalMs: 0,
    log: () => undefined,
    quiet: true,
    // Benchmarks flood from one address on purpose: the limits would be all they measure.
    rateLimits: false,
  })
  return { host, work, close: () => host.close().then(() => rmSync(work, { recursive: true, force: true })) }
}

/** Child side: report readiness to the parent, and close when the parent goes away. */
export function announce<T>(ready: T, close: () => Promise<void>): void {
  process.on('disconnect', () => void close())
  // The parent asks for the server's CPU time around a measured window (`cpuOf`).
  process.on('message', (m: unknown) => {
    if (m === CPU_QUERY) process.send?.({ cpu: { ...process.cpuUsage(), mainThread: mainThreadCpuUs() } })
  })
  process.send?.(ready)
}

const CPU_QUERY = 'bench:cpu'

/**
 * The CPU time of this process's main thread (µs; the JavaScript and what it calls, SQLite
 * included), apart from libuv's pool (fsync) and V8's helper threads: Linux's
 * /proc/self/task/<pid>/stat, in clock ticks (assumed 100 a second). Undefined elsewhere.
 */
function mainThreadCpuUs(): number | undefined {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    // After "pid (comm) ": utime and stime are the 12th and 13th fields.
    return (Number(fields[11]) + Number(fields[12])) * 10_000
  } catch {
    return undefined
  }
}

/** The child's CPU time so far (user + system, ms): the difference over a window is what the server spent. */
export async function cpuOf(child: ChildProcess): Promise<number> {
  const cpu = await cpuUsageOf(child)
  return (cpu.user + cpu.system) / 1000
}

/** The child's `process.cpuUsage()` (µs, user and system apart) and its main thread's CPU time where known. */
export function cpuUsageOf(child: ChildProcess): Promise<NodeJS.CpuUsage & { mainThread?: number }> {
  return ask(child, CPU_QUERY, 'cpu')
}

/** Sends the server a query and resolves with the `key` field of its answer. */
export function ask<T>(child: ChildProcess, query: string, key: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: unknown) => {
      const value = (m as Record<string, T | undefined>)[key]
      if (value === undefined) return
      child.off('message', onMessage)
      resolve(value)
    }
    child.on('message', onMessage)
    child.send(query)
  })
}

/**
 * Parent side: runs `file` again as a child process with `args` (the benchmark's server
 * half), so a load generator never shares the server's event loop, and waits for its
 * `announce()`.
 */
export function forkServer<T>(
  file: string,
  args: string[],
  /** A program that runs node, e.g. valgrind with its options (`callgrind-host.ts`). */
  wrapper?: { command: string; args: string[] },
): Promise<{ child: ChildProcess; ready: T }> {
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it exits
  // (`npx tsx bench/lib/profile-summary.ts <file>` reads it).
  const prof = process.env.BENCH_CPU_PROF
  const execArgv = ['--import', 'tsx', ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [])]
  const child = wrapper
    ? fork(file, args, { execPath: wrapper.command, execArgv: [...wrapper.args, process.execPath, ...execArgv] })
    : fork(file, args, { execArgv })
  return new Promise((resolve, reject) => {
    child.once('message', (ready) => resolve({ child, ready: ready as T }))
    child.once('exit', (code) => reject(new Error(`${path.basename(file)} ${args.join(' ')} exited with ${code}`)))
  })
}
