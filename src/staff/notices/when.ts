import type { NoticePriority } from '../../../types/notices-labels'
import dayjs from '../../lib/dayjs'

/**
 * Times on the compose form as the secretary picks them: a date and a time of day on the
 * Shanghai clock, whatever zone the phone is in. The notice takes an instant with its
 * offset, which is what the function checks against its own clock.
 */
export interface WallTime {
  date: string
  time: string
}

export const WHEN_FIELDS = ['publishAt', 'pinnedUntil', 'expiresAt', 'ackDeadline'] as const
export type WhenField = (typeof WHEN_FIELDS)[number]

export const WHEN_LABELS: Record<WhenField, { label: string; off: string }> = {
  publishAt: { label: '定时发布', off: '立即发布' },
  pinnedUntil: { label: '置顶到', off: '不置顶' },
  expiresAt: { label: '有效期至', off: '长期有效' },
  ackDeadline: { label: '确认截止', off: '不设截止' },
}

const ZONE = 'Asia/Shanghai'

/** 2026-11-23 08:00 on the Shanghai clock → 2026-11-23T08:00:00+08:00; null stays null. */
export function instantOf(w: WallTime | null): string | null {
  return w ? `${w.date}T${w.time}:00+08:00` : null
}

/** What a field starts at when switched on: the next whole hour after `hoursAhead`, on the Shanghai clock. */
export function wallTimeAhead(now: Date, hoursAhead: number): WallTime {
  const t = dayjs(now).tz(ZONE).add(hoursAhead, 'hour').add(1, 'hour').startOf('hour')
  return { date: t.format('YYYY-MM-DD'), time: t.format('HH:mm') }
}

/** How far ahead each field starts: a schedule tomorrow morning-ish, pinning and acks for a few days, expiry a week. */
export const WHEN_DEFAULT_HOURS: Record<WhenField, number> = {
  publishAt: 12,
  pinnedUntil: 72,
  expiresAt: 168,
  ackDeadline: 48,
}

/** "11月23日 08:00" for the confirm and the preview. */
export function wallTimeText(w: WallTime): string {
  const [, m, d] = w.date.split('-')
  return `${Number(m)}月${Number(d)}日 ${w.time}`
}

/** What the confirm says: how many people, when, and that a 紧急 notice waits for a second person. */
export function confirmText(
  form: { priority: NoticePriority; times: Record<WhenField, WallTime | null> },
  count: number | null,
): string {
  const when = form.times.publishAt ? `将于 ${wallTimeText(form.times.publishAt)} ` : '将'
  const approval = form.priority === 'urgent' ? '（紧急通知需另一位工作人员审核）' : ''
  return `这条通知${when}发送给 ${count ?? '—'} 人${approval}。发布后可以修改或撤回。`
}

/** The times, files and link of a notice as its detail page lists them for staff, one line each. */
export function noticeFacts(
  n: {
    publishAt: string | null
    pinnedUntil: string | null
    expiresAt: string | null
    ackDeadline: string | null
    attachments: { name: string }[]
    eventId: string | null
    status: string
  },
  format: (iso: string) => string,
): string[] {
  const facts: string[] = []
  if (n.publishAt && n.status === 'scheduled') facts.push(`定时发布：${format(n.publishAt)}`)
  if (n.pinnedUntil) facts.push(`置顶到：${format(n.pinnedUntil)}`)
  if (n.expiresAt) facts.push(`有效期至：${format(n.expiresAt)}`)
  if (n.ackDeadline) facts.push(`确认截止：${format(n.ackDeadline)}`)
  if (n.attachments.length) facts.push(`附件：${n.attachments.map((a) => a.name).join('、')}`)
  if (n.eventId) facts.push('已关联活动，居民可从通知直接报名')
  return facts
}
