import type { Open311Error } from './open311'

/*
 * GET requests' query (GeoReport v2). `service_request_id`, `service_code` and `status` may
 * each be repeated or comma delimited; ids override every other argument. Without dates the
 * last 90 days are searched, and a range may not span more than 90 days.
 *
 * Anonymous callers may ask, so the work per request is capped: at most 100 ids, pages of
 * `page_size` (default 50, at most 200) newest first, and no page past the spec's "first
 * 1000 requests" of a query — narrower dates reach older ones.
 */

export const OPEN311_QUERY_LIMITS = { ids: 100, pageSize: 50, maxPageSize: 200, window: 1000, spanDays: 90 } as const

/** Query parameters as sent: each may be repeated. */
export type Open311Query = Readonly<Record<string, readonly string[]>>

export interface RequestsQuery {
  ids: string[] | null
  serviceCodes: string[] | null
  /** null: both open and closed. */
  status: 'open' | 'closed' | null
  start: Date
  end: Date
  /** 1-based. */
  page: number
  pageSize: number
}

const MAX_SPAN_MS = OPEN311_QUERY_LIMITS.spanDays * 24 * 3_600_000

/** Every value of a parameter, repeated or comma delimited, trimmed, without empties and repeats. */
function list(q: Open311Query, key: string): string[] {
  return [
    ...new Set(
      (q[key] ?? [])
        .flatMap((v) => v.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ]
}

function date(q: Open311Query, key: string): Date | null | 'bad' {
  const s = (q[key] ?? []).find((v) => v.trim() !== '')?.trim()
  if (!s) return null
  // W3C date/time: a date alone, or a date and time with Z or an offset.
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(s)) return 'bad'
  const t = Date.parse(s)
  return Number.isNaN(t) ? 'bad' : new Date(t)
}

function integer(q: Open311Query, key: string, fallback: number, min: number, max: number): number | string {
  const s = (q[key] ?? []).find((v) => v.trim() !== '')?.trim()
  if (!s) return fallback
  const n = Number(s)
  if (!Number.isInteger(n) || n < min || n > max) return `${key} must be a whole number from ${min} to ${max}`
  return n
}

export function parseRequestsQuery(
  q: Open311Query,
  now: Date,
): { ok: true; query: RequestsQuery } | { ok: false; errors: Open311Error[] } {
  const errors: Open311Error[] = []
  const fail = (description: string) => errors.push({ code: 400, description })
  const ids = list(q, 'service_request_id')
  if (ids.length > OPEN311_QUERY_LIMITS.ids)
    fail(`too many service_request_id: ${ids.length}, at most ${OPEN311_QUERY_LIMITS.ids} per request`)
  const statuses = list(q, 'status')
  const badStatus = statuses.find((s) => s !== 'open' && s !== 'closed')
  if (badStatus !== undefined) fail(`status must be open or closed (comma delimited), not ${badStatus.slice(0, 40)}`)
  const pageSize = integer(q, 'page_size', OPEN311_QUERY_LIMITS.pageSize, 1, OPEN311_QUERY_LIMITS.maxPageSize)
  const page = integer(q, 'page', 1, 1, OPEN311_QUERY_LIMITS.window)
  for (const v of [pageSize, page]) if (typeof v === 'string') fail(v)
  const startIn = date(q, 'start_date')
  const endIn = date(q, 'end_date')
  if (startIn === 'bad' || endIn === 'bad')
    fail('start_date and end_date must be W3C date/times, e.g. 2026-11-01T00:00:00+08:00')
  if (
    errors.length > 0 ||
    typeof pageSize === 'string' ||
    typeof page === 'string' ||
    startIn === 'bad' ||
    endIn === 'bad'
  )
    return { ok: false, errors }

  const end = endIn ?? (startIn ? new Date(Math.min(now.getTime(), startIn.getTime() + MAX_SPAN_MS)) : now)
  const start = startIn ?? new Date(end.getTime() - MAX_SPAN_MS)
  if (ids.length === 0) {
    if (end.getTime() < start.getTime()) fail('end_date is before start_date')
    else if (end.getTime() - start.getTime() > MAX_SPAN_MS)
      fail(`the date range may not span more than ${OPEN311_QUERY_LIMITS.spanDays} days`)
    if ((page - 1) * pageSize >= OPEN311_QUERY_LIMITS.window) {
      fail(
        `page ${page} starts past the first ${OPEN311_QUERY_LIMITS.window} requests of this query: narrow start_date and end_date instead`,
      )
    }
    if (errors.length > 0) return { ok: false, errors }
  }
  const byId = ids.length > 0
  return {
    ok: true,
    query: {
      ids: byId ? ids : null,
      serviceCodes: byId ? null : list(q, 'service_code').length > 0 ? list(q, 'service_code') : null,
      // Both statuses asked is the same as none.
      status: byId || statuses.length !== 1 ? null : (statuses[0] as 'open' | 'closed'),
      start,
      end,
      page: byId ? 1 : page,
      pageSize: byId ? ids.length : pageSize,
    },
  }
}
