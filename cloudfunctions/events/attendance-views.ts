import type { Attendee } from '../../types/events-attendance'
import type { Tx } from '../core/data'
import { notifyNew, type NotifyInput } from '../core/outbox'
import type { AttendanceDoc } from './attendance-collections'
import type { EventDoc, RegistrationDoc } from './collections'
import { attendeeKey, phoneTail } from './domain/checkin-rules'
import { eventNotice } from './domain/notices'
import { formatDeadline } from './domain/schedule'

/*
 * Attendance records → the staff's check-in list, and the messages a person gets about
 * their attendance. Only the name and the phone's last four digits leave the server.
 */

export const attendanceId = (eventId: string, key: string) => `${eventId}:${key}`

export function attendeeView(doc: AttendanceDoc): Attendee {
  return {
    id: doc.key,
    name: doc.name,
    phoneTail: phoneTail(doc.phone),
    registered: doc.registrationId !== null,
    guests: doc.guests,
    status: doc.status,
    way: doc.way,
    checkedInAt: doc.checkedInAt,
    checkOutAt: doc.checkOutAt,
    hours: doc.reversal ? null : doc.hours,
    reversal: doc.reversal ? { reason: doc.reversal.reason, at: doc.reversal.at } : null,
  }
}

/** A confirmed registration nobody has checked in yet. */
export function expectedView(reg: RegistrationDoc): Attendee {
  return {
    id: attendeeKey(reg._id),
    name: reg.name,
    phoneTail: phoneTail(reg.phone),
    registered: true,
    guests: reg.guests,
    status: 'expected',
    way: null,
    checkedInAt: null,
    checkOutAt: null,
    hours: null,
    reversal: null,
  }
}

/** Volunteer-service events credit hours; check-out with the real stay is recorded for them. */
export const servesHours = (event: Pick<EventDoc, 'kind'>): boolean => event.kind === 'volunteer_service'

type Occasion = 'checked_in' | 'absent' | 'hours' | 'reversed'

/** The message about one person's attendance; keyed per record and occasion, so a retry adds nothing. */
export function attendanceNotice(
  event: EventDoc,
  doc: AttendanceDoc,
  occasion: Occasion,
  now: Date,
  extra: { hours?: number; reason?: string } = {},
): NotifyInput | null {
  if (!doc.openid) return null
  const name = `「${event.title}」`
  const texts: Record<Occasion, [string, string, string]> = {
    checked_in: [
      '签到成功',
      `您已签到${name}，签到时间 ${formatDeadline(doc.checkedInAt ?? now.toISOString(), now)}。`,
      '已签到',
    ],
    absent: ['活动缺席', `您报名了${name}，但活动结束时没有签到记录，已记为缺席。如有误，请联系主办单位。`, '缺席'],
    hours: [
      '服务时长已记录',
      `感谢参加${name}，已为您记录志愿服务时长 ${extra.hours ?? 0} 小时，可在“我的—志愿服务记录”查看。`,
      '已记时长',
    ],
    reversed: ['服务时长已撤销', `您在${name}的志愿服务时长已由工作人员撤销。原因：${extra.reason ?? ''}`, '时长撤销'],
  }
  const [title, lead, status] = texts[occasion]
  return eventNotice(event, doc.openid, `attendance:${doc.key}:${occasion}`, title, lead, status)
}

/**
 * Queues that message in the transaction that writes the record. Each occasion happens once
 * per record and the key names it: checked in only from no record or an absent one (a
 * present record stays present), absent only where there was no record, hours once (the
 * record is then settled), reversed once (the reversal stays). So it is inserted with no
 * read of the outbox (notifyNew); a second run of any of them finds the record moved on
 * and queues nothing.
 */
export async function queueAttendanceNotice(
  tx: Tx,
  event: EventDoc,
  doc: AttendanceDoc,
  occasion: Occasion,
  now: Date,
  extra: { hours?: number; reason?: string } = {},
): Promise<void> {
  const notice = attendanceNotice(event, doc, occasion, now, extra)
  if (notice) await notifyNew(tx, [notice], now)
}
