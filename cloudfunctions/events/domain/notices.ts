import { timeKeyword, type MessageKind } from '../../../types/notifications'
import type { NotifyInput } from '../../core/outbox'
import { formatDeadline, formatWhen } from './schedule'

/*
 * Every message about an event says what, when and where (users of other systems asked for
 * exactly that), and goes through the outbox with a dedupe key per person and occasion.
 */

export interface NoticeEvent {
  _id: string
  title: string
  startAt: string
  endAt: string
  place: { name: string; address: string }
}

export function whenAndWhere(e: NoticeEvent): string {
  const where = e.place.address ? `${e.place.name}（${e.place.address}）` : e.place.name
  return `时间：${formatWhen(e.startAt, e.endAt)}；地点：${where}`
}

/**
 * One message about an event. `kind` picks the subscribe message (报名结果 by default, 活动提醒,
 * 候补转正); `urgent` ones (an event called off) are pushed even in the quiet hours.
 */
export function eventNotice(
  e: NoticeEvent,
  openid: string,
  key: string,
  title: string,
  lead: string,
  status: string,
  push: { kind?: MessageKind; urgent?: boolean } = {},
): NotifyInput {
  return {
    dedupeKey: `event:${e._id}:${key}`,
    openid,
    title,
    body: `${lead}\n${whenAndWhere(e)}`,
    link: `/pages/events/detail?id=${encodeURIComponent(e._id)}`,
    template: {
      kind: push.kind ?? 'eventResult',
      data: { title: e.title, time: timeKeyword(e.startAt, e.endAt), place: e.place.name, status },
      urgent: push.urgent ?? false,
    },
  }
}

export type StatusNoticeKind =
  'confirmed' | 'promoted' | 'pending' | 'waiting' | 'offered' | 'cancelled' | 'offer_expired' | 'no_place' | 'rejected'

/** Title, first line and template status of a registration message. */
export function statusNoticeText(
  kind: StatusNoticeKind,
  e: NoticeEvent,
  extra: { waitPosition?: number; offerExpiresAt?: string | null; now: Date },
): { title: string; lead: string; status: string } {
  const name = `「${e.title}」`
  switch (kind) {
    case 'confirmed':
      return { title: '报名成功', lead: `您已报名${name}，请准时参加。`, status: '报名成功' }
    case 'promoted':
      return { title: '候补成功', lead: `${name}有名额空出，已为您保留，请准时参加。`, status: '候补成功' }
    case 'pending':
      return { title: '报名待审核', lead: `您报名${name}，社区审核后会通知您。`, status: '待审核' }
    case 'waiting':
      return {
        title: '已加入候补',
        lead: `${name}名额已满，您已加入候补${extra.waitPosition ? `，目前排第 ${extra.waitPosition} 位` : ''}。有名额空出会按顺序通知您。`,
        status: '候补中',
      }
    case 'offered':
      return {
        title: '候补到名额，请确认',
        lead: `${name}有名额了！请在 ${extra.offerExpiresAt ? formatDeadline(extra.offerExpiresAt, extra.now) : ''} 前打开小程序确认，逾期名额将让给下一位。`,
        status: '请确认',
      }
    case 'cancelled':
      return { title: '已取消报名', lead: `您已取消${name}的报名。`, status: '已取消' }
    case 'offer_expired':
      return { title: '候补名额已失效', lead: `${name}的候补名额未在时限内确认，已让给下一位。`, status: '已失效' }
    case 'no_place':
      return { title: '未能候补上', lead: `${name}已开始，很遗憾未能候补上，欢迎参加下次活动。`, status: '未候补上' }
    case 'rejected':
      return { title: '报名未通过', lead: `您报名的${name}未通过审核，如有疑问请联系社区。`, status: '未通过' }
  }
}
