/** Small timing helpers for the benchmarks (figures are printed, never asserted). */
export interface Timing {
  runs: number
  medianMs: number
  p95Ms: number
  perSecond: number
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
}

/** Runs `fn` `runs` times after `warmup` runs, one at a time, and summarises the latencies. */
export async function measure(fn: () => unknown, runs: number, warmup = Math.ceil(runs / 10)): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn()
  const times: number[] = []
  const start = process.hrtime.bigint()
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint()
    await fn()
    times.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  const totalMs = Number(process.hrtime.bigint() - start) / 1e6
  times.sort((a, b) => a - b)
  return { runs, medianMs: percentile(times, 50), p95Ms: percentile(times, 95), perSecond: (runs / totalMs) * 1000 }
}

/** Runs `fn` one at a time after a warm-up and gives p50 and p99 in ms. */
export async function timed(fn: () => Promise<unknown>, runs: number): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < Math.ceil(runs / 10); i++) await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint()
    await fn()
    times.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p99: percentile(times, 99) }
}

export const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`)
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`
