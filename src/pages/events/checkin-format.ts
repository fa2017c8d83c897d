import dayjs from '../../lib/dayjs'
import type { CheckInResult } from '../../services/events-attendance'

const ZONE = 'Asia/Shanghai'

/** `14:05` in Shanghai time. */
export function hm(iso: string): string {
  return dayjs(iso).tz(ZONE).format('HH:mm')
}

/** What a check-in came to, as staff read it at the door: 已签到 09:02, or that it was done before. */
export function checkInLine(res: Pick<CheckInResult, 'outcome'> & { checkedInAt: string | null }): string {
  const at = res.checkedInAt ? hm(res.checkedInAt) : ''
  return res.outcome === 'already' ? `已签到过（${at}），无需重复签到` : `已签到 ${at}`
}

/**
 * The venue code and event from what opened the check-in page: a 小程序码's `scene`
 * (`v=CODE`, URL-encoded), a link's `eventId` and `v`, or a scanned text or path holding them.
 */
export function venueFrom(params: Record<string, string | undefined>): {
  eventId: string | null
  venueCode: string | null
} {
  const decoded = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v ? decodeURIComponent(v) : v]))
  const scene = decoded.scene ?? ''
  const fromScene = /(?:^|[?&])v=([0-9A-Za-z]+)/.exec(scene)?.[1] ?? null
  return { eventId: decoded.eventId || decoded.id || null, venueCode: decoded.v || fromScene }
}

/** The venue code and event a scanned text (a link or a 小程序码 path) carries. */
export function venueFromScan(text: string): { eventId: string | null; venueCode: string | null } {
  const query = text.includes('?') ? text.slice(text.indexOf('?') + 1) : text
  const params: Record<string, string> = {}
  for (const part of query.split('&')) {
    const [k, v] = part.split('=')
    if (k && v !== undefined) params[k] = v
  }
  return venueFrom(params)
}

/** Hours as people say them: 1.5 小时, 2 小时. */
export function hoursLabel(hours: number): string {
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} 小时`
}
