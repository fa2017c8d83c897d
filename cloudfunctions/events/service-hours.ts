import type { Db } from '@cloudbase/database'
import type { Attendee, ServiceRecord } from '../../types/events-attendance'
import { AppError } from '../core/app-error'
import type { ActionContext } from '../core/define-function'
import { collection, transaction } from '../core/data'
import { join } from '../core/joins'
import { WISH_COLLECTIONS as W, type LedgerDoc } from '../wishes/collections'
import { mayManageOrThrow } from './access'
import { ATTENDANCE_COLLECTIONS as A, type AttendanceDoc } from './attendance-collections'
import { attendanceId, attendeeView, queueAttendanceNotice, servesHours } from './attendance-views'
import type { EventDoc } from './collections'
import { serviceHours } from './domain/checkin-rules'
import { loadEventWith } from './registrations'
import { recordMoved } from './tally'

/*
 * Service hours (志愿服务时长) from events, in the ledger the wish wall already uses
 * (`service_ledger`, `_id` = `event:<eventId>:<attendeeKey>`): credited once, after the
 * end, in the same transaction that marks the attendance record settled, with its message;
 * reversed by staff with a reason. 我的—志愿服务记录 reads wishes and events together.
 */

export const ledgerId = (doc: Pick<AttendanceDoc, 'eventId' | 'key'>) => `event:${doc.eventId}:${doc.key}`

/**
 * Settles one present record: credits its hours (volunteer-service events, people with an
 * account) and marks it settled. Run by the sweep after the end and by a late check-in;
 * a second run finds it settled and writes nothing. Answers the record as it now is.
 */
export async function settleAttendee(db: Db, event: EventDoc, id: string, now: Date): Promise<AttendanceDoc | null> {
  return transaction(db, async (tx) => {
    const ref = tx.collection(A.attendance).doc(id)
    const doc = await ref.get()
    if (!doc || doc.status !== 'present' || doc.settledAt || !doc.checkedInAt) return doc
    const stamp = now.toISOString()
    const hours =
      servesHours(event) && doc.openid
        ? serviceHours({
            startAt: event.startAt,
            endAt: event.endAt,
            checkedInAt: doc.checkedInAt,
            checkOutAt: doc.checkOutAt,
          })
        : null
    const settled: AttendanceDoc = { ...doc, settledAt: stamp, hours, updatedAt: stamp }
    await ref.update({ settledAt: stamp, hours, updatedAt: stamp })
    await recordMoved(db, tx, event._id, { before: doc, after: settled }, now)
    if (hours !== null && doc.openid) {
      const entry: Omit<LedgerDoc, '_id'> = {
        openid: doc.openid,
        source: 'event',
        sourceId: event._id,
        title: `活动：${event.title}`,
        hours,
        points: 0,
        creditedAt: stamp,
      }
      await tx.collection(W.ledger).doc(ledgerId(doc)).set(entry)
      await queueAttendanceNotice(tx, event, settled, 'hours', now, { hours })
    }
    return settled
  })
}

async function managedRecord(
  ctx: ActionContext,
  eventId: string,
  attendeeId: string,
): Promise<{ event: EventDoc; doc: AttendanceDoc }> {
  // The event with the person's record: one request.
  const found = await loadEventWith(ctx.rt.db, eventId, {
    record: join(A.attendance, { _id: attendanceId(eventId, attendeeId) }),
  })
  mayManageOrThrow(ctx, found.doc)
  const [doc] = found.record
  if (!doc) throw new AppError('NOT_FOUND', '这个人还没有签到记录')
  return { event: found.doc, doc }
}

/** 签退 at a volunteer-service event: the real stay becomes the hours credited. */
export async function checkOut(ctx: ActionContext, input: { eventId: string; attendeeId: string }): Promise<Attendee> {
  const now = ctx.now()
  const { event, doc } = await managedRecord(ctx, input.eventId, input.attendeeId)
  if (!servesHours(event)) throw new AppError('BAD_REQUEST', '只有志愿服务活动需要签退')
  if (doc.status !== 'present') throw new AppError('CONFLICT', '这个人没有签到，不能签退')
  if (doc.settledAt) throw new AppError('CONFLICT', '服务时长已经记入，不能再签退')
  const stamp = now.toISOString()
  const done = await collection(ctx.rt.db, A.attendance)
    .where({ _id: doc._id, settledAt: null })
    .update({ checkOutAt: stamp, updatedAt: stamp })
  if (done !== 1) throw new AppError('CONFLICT', '服务时长刚刚记入，请刷新后再看')
  return attendeeView({ ...doc, checkOutAt: stamp, updatedAt: stamp })
}

/** Takes credited hours back out of the ledger, with the reason kept on the record and told to the person. */
export async function reverseHours(
  ctx: ActionContext,
  input: { eventId: string; attendeeId: string; reason: string },
): Promise<Attendee> {
  const db = ctx.rt.db
  const now = ctx.now()
  const by = ctx.requireCaller().openid
  const { event, doc: seen } = await managedRecord(ctx, input.eventId, input.attendeeId)
  const doc = await transaction(db, async (tx) => {
    const ref = tx.collection(A.attendance).doc(seen._id)
    const cur = await ref.get()
    if (!cur || cur.hours === null || !cur.settledAt) throw new AppError('CONFLICT', '这个人还没有记入服务时长')
    if (cur.reversal) throw new AppError('CONFLICT', '服务时长已经撤销过了')
    const stamp = now.toISOString()
    const reversal = { reason: input.reason, at: stamp, by }
    const next: AttendanceDoc = { ...cur, reversal, updatedAt: stamp }
    // The whole record: an update would try to merge the object into the stored null.
    const { _id, ...body } = next
    await ref.set(body)
    await recordMoved(db, tx, event._id, { before: cur, after: next }, now)
    await tx.collection(W.ledger).doc(ledgerId(cur)).remove()
    await queueAttendanceNotice(tx, event, next, 'reversed', now, { reason: input.reason })
    return next
  })
  return attendeeView(doc)
}

const linkOf = (d: LedgerDoc) =>
  d.source === 'event'
    ? `/pages/events/detail?id=${encodeURIComponent(d.sourceId)}`
    : `/pages/wishes/detail?id=${encodeURIComponent(d.sourceId)}`

/** 志愿服务记录: the caller's credited hours from wishes and events, newest first, with the totals. */
export async function myService(
  ctx: ActionContext,
): Promise<{ totalHours: number; eventHours: number; wishHours: number; items: ServiceRecord[] }> {
  const openid = ctx.requireCaller().openid
  const docs = await collection(ctx.rt.db, W.ledger).where({ openid }).orderBy('creditedAt', 'desc').limit(1000).get()
  const sum = (source: LedgerDoc['source']) => docs.filter((d) => d.source === source).reduce((s, d) => s + d.hours, 0)
  return {
    totalHours: sum('event') + sum('wish'),
    eventHours: sum('event'),
    wishHours: sum('wish'),
    items: docs.slice(0, 200).map((d) => ({
      id: d._id,
      source: d.source,
      title: d.title,
      hours: d.hours,
      creditedAt: d.creditedAt,
      link: linkOf(d),
    })),
  }
}
