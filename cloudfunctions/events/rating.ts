import type { z } from 'zod'
import { maskName } from '../../types/mask'
import { RATING_LIMITS } from '../../types/events-figures-labels'
import type { MyEventRating, RATING_ACTIONS } from '../../types/events-rating'
import { AppError } from '../core/app-error'
import { collectionName, transaction } from '../core/data'
import { docsWith, docWith, join } from '../core/joins'
import type { ActionContext } from '../core/define-function'
import { checkPublicText } from '../cases/transitions'
import { mayManageOrThrow } from './access'
import { ATTENDANCE_COLLECTIONS as A, type AttendanceDoc } from './attendance-collections'
import { attendanceId } from './attendance-views'
import { EVENT_COLLECTIONS as E, type EventDoc } from './collections'
import { attendeeKey } from './domain/checkin-rules'
import { zeroTally } from './domain/figures'
import { regIdFor } from './registrations'
import { moveTally, pickTally, tallyJoin } from './tally'

/*
 * 活动评价 (issue 12): people who checked in rate the event once it has ended — one tap,
 * 满意 / 基本满意 / 不满意, a comment if they like — within RATING_LIMITS.days. One rating
 * per person and event (`_id` = their attendance record's), written with its move in the
 * event's tally in one transaction, so a double tap or a retry counts once. Staff read the
 * counts and comments with names masked.
 */

type RateInput = z.output<(typeof RATING_ACTIONS)['rate']['input']>

/** `event_ratings`: `_id` = the rater's attendance record id. */
export interface RatingDoc {
  _id: string
  eventId: string
  openid: string
  name: string
  value: MyEventRating['value']
  comment: string
  ratedAt: string
}

export const RATING_COLLECTION = collectionName<RatingDoc>('event_ratings')

const DAY = 86_400_000
const closesAt = (event: Pick<EventDoc, 'endAt'>) =>
  new Date(Date.parse(event.endAt) + RATING_LIMITS.days * DAY).toISOString()
const myRecordId = (eventId: string, openid: string) => attendanceId(eventId, attendeeKey(regIdFor(eventId, openid)))
const view = (d: RatingDoc): MyEventRating => ({ value: d.value, comment: d.comment, ratedAt: d.ratedAt })

/** Why this person may not rate now, or null when they may. */
function refusal(
  event: Pick<EventDoc, 'status' | 'endAt'>,
  record: AttendanceDoc | null,
  openid: string,
  now: Date,
): string | null {
  if (event.status !== 'published') return '活动未举办，不能评价'
  if (now.toISOString() < event.endAt) return '活动结束后才能评价'
  if (now.toISOString() > closesAt(event)) return `评价已截止（活动结束后 ${RATING_LIMITS.days} 天内可以评价）`
  if (!record || record.status !== 'present' || record.openid !== openid) return '签到参加了活动的居民才能评价'
  return null
}

/** The event with the caller's check-in record and rating: one request. */
async function eventWithMine(ctx: ActionContext, eventId: string) {
  const id = myRecordId(eventId, ctx.requireCaller().openid)
  const found = await docWith(ctx.rt.db, E.events, eventId, {
    record: join(A.attendance, { _id: id }),
    rating: join(RATING_COLLECTION, { _id: id }),
  })
  if (!found) throw new AppError('NOT_FOUND', '找不到这个活动')
  return { id, event: found.doc, record: found.record[0] ?? null, rating: found.rating[0] ?? null }
}

/** Whether the caller may rate the event now, and their rating once given. */
export async function myRating(ctx: ActionContext, eventId: string) {
  const openid = ctx.requireCaller().openid
  const { event, record, rating } = await eventWithMine(ctx, eventId)
  return {
    offered: !rating && refusal(event, record, openid, ctx.now()) === null,
    rating: rating ? view(rating) : null,
    closesAt: closesAt(event),
  }
}

/** Of the events listed, those the caller may still rate (for the 参加过的 list). */
export async function ratable(ctx: ActionContext, eventIds: string[]): Promise<{ eventIds: string[] }> {
  const db = ctx.rt.db
  const _ = db.command
  const openid = ctx.requireCaller().openid
  const unique = [...new Set(eventIds)]
  if (unique.length === 0) return { eventIds: [] }
  const ids = unique.map((e) => myRecordId(e, openid))
  // The events, each with the caller's check-in record and rating (by their ids): one request.
  const events = await docsWith(
    db,
    E.events,
    { _id: _.in(unique) },
    {
      record: join(A.attendance, { _id: _.in(ids) }, { on: ['eventId', '_id'] }),
      rated: join(RATING_COLLECTION, { _id: _.in(ids) }, { on: ['eventId', '_id'] }),
    },
    { limit: unique.length },
  )
  const now = ctx.now()
  return {
    eventIds: events
      .filter(({ rated }) => rated.length === 0)
      .filter(({ doc, record }) => refusal(doc, record[0] ?? null, openid, now) === null)
      .map(({ doc }) => doc._id),
  }
}

/** The caller's rating: once; a second call answers the first, unchanged. */
export async function rate(ctx: ActionContext, input: RateInput): Promise<{ rating: MyEventRating; created: boolean }> {
  const db = ctx.rt.db
  const now = ctx.now()
  const openid = ctx.requireCaller().openid
  const { id, event, record, rating: earlier } = await eventWithMine(ctx, input.eventId)
  if (earlier) return { rating: view(earlier), created: false }
  const why = refusal(event, record, openid, now)
  if (why || !record) throw new AppError('CONFLICT', why ?? '签到参加了活动的居民才能评价')
  await checkPublicText(ctx, [['comment', input.comment]])
  const stamp = now.toISOString()
  return transaction(db, async (tx) => {
    const ref = tx.collection(RATING_COLLECTION).doc(id)
    const got = await ref.get()
    if (got) return { rating: view(got), created: false }
    const doc: RatingDoc = {
      _id: id,
      eventId: event._id,
      openid,
      name: record.name,
      value: input.value,
      comment: input.comment,
      ratedAt: stamp,
    }
    const { _id, ...body } = doc
    await ref.set(body)
    const satisfied = input.value === 'dissatisfied' ? 0 : 1
    await moveTally(db, tx, event._id, { ...zeroTally(), rated: 1, satisfiedOrBasically: satisfied }, now)
    return { rating: view(doc), created: true }
  })
}

/** Staff: how the attendees rated the event, comments with masked names, newest first. */
export async function eventRatings(ctx: ActionContext, eventId: string) {
  // The event with its ratings and tally: one request.
  const found = await docWith(ctx.rt.db, E.events, eventId, {
    ratings: join(RATING_COLLECTION, { eventId }, { orderBy: ['ratedAt', 'desc'], limit: 1000 }),
    tally: tallyJoin(eventId),
  })
  if (!found) throw new AppError('NOT_FOUND', '找不到这个活动')
  mayManageOrThrow(ctx, found.doc)
  const docs = found.ratings
  const tally = found.tally[0] ?? null
  const counts = { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 }
  for (const d of docs) counts[d.value]++
  const t = pickTally(tally)
  return {
    counts,
    attendees: t.present + t.walkIns,
    items: docs.map((d) => ({ ...view(d), name: maskName(d.name) })),
  }
}
