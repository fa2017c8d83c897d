import dayjs from '../../lib/dayjs'
import { EVENT_KIND_LABELS, type EventKind } from '../../../types/events-labels'
import type { EventSummary, MyRegistration } from '../../services/events'

export {
  EVENT_KINDS,
  EVENT_KIND_LABELS,
  REGISTRATION_STATUS_LABELS,
  CANCEL_REASON_LABELS,
  AUDIENCE_LABELS,
} from '../../../types/events-labels'

const ZONE = 'Asia/Shanghai'
const WEEK = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

export function kindLabel(kind: EventKind): string {
  return EVENT_KIND_LABELS[kind]
}

/** 12月5日（周六）14:30–16:00 */
export function formatWhen(startAt: string, endAt: string): string {
  const s = dayjs(startAt).tz(ZONE)
  return `${s.format('M月D日')}（${WEEK[s.day()]}）${s.format('HH:mm')}–${dayjs(endAt).tz(ZONE).format('HH:mm')}`
}

/** 12月5日 14:30, or 18:00 when it is today. */
export function formatDeadline(iso: string, now: dayjs.Dayjs = dayjs()): string {
  const t = dayjs(iso).tz(ZONE)
  return t.format('YYYY-MM-DD') === now.tz(ZONE).format('YYYY-MM-DD') ? t.format('HH:mm') : t.format('M月D日 HH:mm')
}

/** What a card says about seats: 剩余 3 席 / 已满 · 可候补 / 不限名额. */
export function seatLabel(seats: EventSummary['seats']): string {
  if (seats.left === null) return '不限名额'
  return seats.full ? '已满 · 可候补' : `剩余 ${seats.left} 席`
}

/** What a card says about me once I signed up: 已报名 ✓ / 候补第 4 位 / 请在 18:00 前确认 / 待审核. */
export function myStatusLabel(reg: MyRegistration, now: dayjs.Dayjs = dayjs()): string {
  switch (reg.status) {
    case 'confirmed':
      return '已报名 ✓'
    case 'waiting':
      return reg.waitPosition ? `候补第 ${reg.waitPosition} 位` : '候补中'
    case 'offered':
      return reg.offerExpiresAt ? `请在 ${formatDeadline(reg.offerExpiresAt, now)} 前确认` : '请尽快确认'
    case 'pending':
      return '待审核'
    case 'cancelled':
      return reg.cancelReason === 'offer_expired'
        ? '候补名额已失效'
        : reg.cancelReason === 'no_place'
          ? '未能候补上'
          : reg.cancelReason === 'event_cancelled'
            ? '活动已取消'
            : reg.cancelReason === 'event_skipped'
              ? '本期暂停'
              : '已取消报名'
    case 'rejected':
      return '报名未通过'
  }
}

/** Whether the registration still counts (holds or waits for a seat). */
export function isActive(reg: MyRegistration | null): reg is MyRegistration {
  return !!reg && ['confirmed', 'offered', 'waiting', 'pending'].includes(reg.status)
}

/** The sign-up line of the detail page. */
export function signUpLine(e: Pick<EventSummary, 'signUp'>, now: dayjs.Dayjs = dayjs()): string {
  switch (e.signUp.state) {
    case 'not_open':
      return `${formatDeadline(e.signUp.opensAt, now)} 开始报名`
    case 'open':
      return `报名截止：${formatDeadline(e.signUp.closesAt, now)}`
    case 'closed':
      return '报名已截止'
    case 'started':
      return '活动进行中'
    case 'ended':
      return '活动已结束'
    case 'cancelled':
      return '活动已取消'
    case 'skipped':
      return '本期暂停，系列中的其他各期照常举行'
  }
}

/** The date filters of the list: 全部, 本周末, 7 天内, 30 天内. */
export const DATE_FILTERS = [
  { key: 'all', label: '全部日期' },
  { key: 'weekend', label: '本周末' },
  { key: 'week', label: '7 天内' },
  { key: 'month', label: '30 天内' },
] as const
export type DateFilter = (typeof DATE_FILTERS)[number]['key']

/** The Shanghai dates a date filter asks the list for (inclusive), from today. */
export function dateRange(filter: DateFilter, now: dayjs.Dayjs = dayjs()): { from?: string; to?: string } {
  const today = now.tz(ZONE).startOf('day')
  const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD')
  switch (filter) {
    case 'all':
      return {}
    case 'weekend': {
      // Saturday and Sunday of this week; on a Sunday, today only.
      const toSaturday = (6 - today.day() + 7) % 7
      const saturday = today.day() === 0 ? today : today.add(toSaturday, 'day')
      return { from: day(saturday), to: day(today.day() === 0 ? today : saturday.add(1, 'day')) }
    }
    case 'week':
      return { from: day(today), to: day(today.add(6, 'day')) }
    case 'month':
      return { from: day(today), to: day(today.add(29, 'day')) }
  }
}
