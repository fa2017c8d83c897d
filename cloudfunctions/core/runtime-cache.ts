import type { Db } from '@cloudbase/database'

/** How long a runtime trusts what it cached; another runtime's edits show within this. */
export const RUNTIME_CACHE_TTL_MS = 60_000

/** A value read once per database handle (one per runtime) and key, kept for a while. */
export interface RuntimeCache<T> {
  get(db: Db, key?: string, nowMs?: number): Promise<T>
  /** After writing what it holds: the next read of this runtime reads again (every key, or one). */
  invalidate(db: Db, key?: string): void
}

/**
 * Data that changes rarely, by an administrator (the org tree, the case categories and
 * routing rules, who holds a role at a unit), read at most once a TTL per database handle —
 * a warm cloud instance, the local host — instead of in every call. Whoever writes it
 * invalidates it, so this runtime sees the change at once and other runtimes within the
 * TTL. Concurrent callers share one read; a failed read is not kept. Timed by the
 * process's monotonic clock, not the runtime clock tests set at will. The values are
 * shared: callers must not change them.
 */
export function runtimeCache<T>(
  load: (db: Db, key: string) => Promise<T>,
  ttlMs = RUNTIME_CACHE_TTL_MS,
): RuntimeCache<T> {
  const byDb = new WeakMap<Db, Map<string, { loadedAt: number; value: Promise<T> }>>()
  return {
    get(db, key = '', nowMs = performance.now()) {
      let entries = byDb.get(db)
      if (!entries) byDb.set(db, (entries = new Map()))
      const hit = entries.get(key)
      if (hit && nowMs - hit.loadedAt < ttlMs) return hit.value
      const entry = { loadedAt: nowMs, value: load(db, key) }
      entries.set(key, entry)
      entry.value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key)
      })
      return entry.value
    },
    invalidate(db, key) {
      if (key === undefined) byDb.delete(db)
      else byDb.get(db)?.delete(key)
    },
  }
}
