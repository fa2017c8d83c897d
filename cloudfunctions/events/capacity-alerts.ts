import { COLLECTIONS } from '../core/collections'
import type { Tx } from '../core/data'
import { notify, type NotifyInput } from '../core/outbox'
import { seatsTaken } from './book'
import type { BookDoc, EventDoc } from './collections'
import { whenAndWhere } from './domain/notices'
import { capacityAlert } from './domain/schedule'

/*
 * The organiser hears once per event when its seats are 80% taken and once when all are
 * (the two levels the roster shows), so they can add seats or a second session in time.
 * Queued in the transaction of the change that took the seat (a registration's status, or
 * the event saved with a lower capacity); the dedupe key is per event and level, so a
 * retry, the sweep redoing a step, or seats freed and taken again tell nobody twice.
 */

export type CapacityLevel = 'almost_full' | 'full'

export const capacityAlertKey = (eventId: string, level: CapacityLevel): string =>
  `event-capacity:${eventId}:${level === 'full' ? 'full' : 'cap80'}`

/** The message to the event's creator about one level. */
export function capacityNotice(event: EventDoc, level: CapacityLevel, taken: number): NotifyInput {
  const name = `「${event.title}」`
  const full = level === 'full'
  const lead = full
    ? `${name}的 ${event.capacity} 个名额已全部报满，之后报名的居民将进入候补。`
    : `${name}已占 ${taken} 个名额（共 ${event.capacity} 个），即将报满。`
  return {
    dedupeKey: capacityAlertKey(event._id, level),
    openid: event.createdBy,
    title: full ? '活动名额已满' : '活动名额将满',
    body: `${lead}如需增加名额，可在活动管理中修改。\n${whenAndWhere(event)}`,
    link: `/staff/events/roster?id=${encodeURIComponent(event._id)}`,
    template: {
      kind: 'staffTodo',
      data: { task: `${full ? '名额已满' : '名额将满'}：${event.title}`, count: '1', status: full ? '已满' : '将满' },
    },
  }
}

/**
 * Queues the alert the book's level calls for, if not told before. Once "full" was told,
 * "almost full" is old news (seats freed and taken again) and is left out.
 */
export async function queueCapacityAlert(tx: Tx, event: EventDoc, book: BookDoc, now: Date): Promise<boolean> {
  const taken = seatsTaken(book)
  const level = capacityAlert(book.capacity, taken)
  if (level === 'none') return false
  if (
    level === 'almost_full' &&
    (await tx.collection(COLLECTIONS.outbox).doc(capacityAlertKey(event._id, 'full')).get())
  )
    return false
  return notify(tx, capacityNotice({ ...event, capacity: book.capacity }, level, taken), now)
}
