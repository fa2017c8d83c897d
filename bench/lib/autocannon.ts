/** The part of autocannon's API the benchmarks use (the package ships no types). */
export interface CannonOptions {
  url: string
  connections: number
  duration?: number
  method?: string
  headers?: Record<string, string>
  body?: string
}
export interface CannonResult {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number }
  errors: number
  non2xx: number
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const autocannon = require('autocannon') as (options: CannonOptions) => Promise<CannonResult>
