/*
 * Per-account and per-address limits for the local host (one process, so memory is the
 * right place: nothing to share, nothing to persist). One resident once sent 400 cases in
 * two seconds and queued 9,472 notifications; these limits stop that long before the
 * database or the drain notices, and leave ordinary use — a page of taps, a form with nine
 * photos — far below them.
 */

/** A token bucket: `burst` at once, then `perHour` spread evenly over the hour. */
export interface Limit {
  burst: number
  perHour: number
}

/** The host's limits; a key is an account (`a:<openid>`) or an address (`ip:<address>`). */
export const LIMITS = {
  /** Every function call: a busy page makes a handful at once. */
  call: { account: { burst: 60, perHour: 36_000 }, address: { burst: 240, perHour: 144_000 } },
  /** Actions that create something people must act on (an action's `limit: 'submission'`). */
  submission: { account: { burst: 10, perHour: 30 }, address: { burst: 40, perHour: 300 } },
  /** Photo uploads: a form takes up to nine. */
  upload: { account: { burst: 30, perHour: 120 }, address: { burst: 90, perHour: 600 } },
  /**
   * Open311 POSTs, per API account and address: one key stands for a hotline's many callers,
   * so it gets far more than a resident's submissions, but not an unbounded flood.
   */
  open311: { account: { burst: 30, perHour: 600 }, address: { burst: 60, perHour: 1200 } },
} as const satisfies Record<string, { account: Limit; address: Limit }>

export type LimitKind = keyof typeof LIMITS

interface Bucket {
  tokens: number
  at: number
}

export interface RateLimiter {
  /** Takes one token from each key's bucket; null when allowed, else the seconds to wait. */
  take(kind: LimitKind, keys: { account?: string | null; address: string }): number | null
  /** How many buckets are held (idle full ones are dropped). */
  size(): number
}

export function createRateLimiter(now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, Bucket>()
  let lastSweep = now()

  function level(key: string, limit: Limit, t: number): Bucket {
    const b = buckets.get(key) ?? { tokens: limit.burst, at: t }
    const refill = ((t - b.at) / 3_600_000) * limit.perHour
    return { tokens: Math.min(limit.burst, b.tokens + refill), at: t }
  }

  function sweep(t: number): void {
    // Forget buckets that would be full again: they hold nothing a later request needs.
    if (t - lastSweep < 60_000) return
    lastSweep = t
    for (const [key, b] of buckets) if (t - b.at > 3_600_000) buckets.delete(key)
  }

  return {
    take(kind, keys) {
      const t = now()
      sweep(t)
      const wanted: [string, Limit][] = [[`${kind}:ip:${keys.address}`, LIMITS[kind].address]]
      if (keys.account) wanted.push([`${kind}:a:${keys.account}`, LIMITS[kind].account])
      const levels = wanted.map(([key, limit]) => ({ key, limit, b: level(key, limit, t) }))
      const short = levels.filter((l) => l.b.tokens < 1)
      if (short.length > 0) {
        // Nothing is taken from any bucket when one refuses: a refused call costs nothing.
        return Math.max(...short.map((l) => Math.ceil(((1 - l.b.tokens) / l.limit.perHour) * 3600)))
      }
      for (const l of levels) buckets.set(l.key, { tokens: l.b.tokens - 1, at: t })
      return null
    },
    size: () => buckets.size,
  }
}
