import type { z } from 'zod'
import { SubmitCaseInputSchema } from '../../types/cases-contract'
import { CASE_RAISING_KINDS, type MINUTES_ACTIONS, type Minutes, type RaisedIssue } from '../../types/events-minutes'
import { AppError } from '../core/app-error'
import type { ActionContext } from '../core/define-function'
import { COLLECTIONS } from '../core/collections'
import { collection, isDuplicateWrite, transaction } from '../core/data'
import { docWith, join } from '../core/joins'
import { unitsByIds } from '../core/org-cache'
import { checkOwnPhotos } from '../core/photos'
import { submitCase } from '../cases/submission'
import { mayManageOrThrow } from './access'
import { attendanceJoin, attendanceOf } from './attendance'
import { MINUTES_COLLECTION, type AttendanceDoc, type MinutesDoc } from './attendance-collections'
import { EVENT_COLLECTIONS as E, type EventDoc } from './collections'
import { loadEvent, loadEventWith } from './registrations'

/*
 * 活动纪要 (issue 12): staff write what was said and show who came (the count is the
 * check-ins'); an issue raised at a 板凳会, 议事协商会 or 党代表接待日 becomes a 诉求 in one
 * step, entered for the resident who raised it, routed by the venue, with the event on its
 * timeline. The case slice does the entering (and its notices through the outbox).
 */

type SaveInput = z.output<(typeof MINUTES_ACTIONS)['saveMinutes']['input']>
type RaiseInput = z.output<(typeof MINUTES_ACTIONS)['raiseCase']['input']>

/** 座谈征 at a 板凳会 or 议事会, 代表提 at a 党代表接待日; null where issues do not become cases. */
export function channelFor(event: Pick<EventDoc, 'kind'>): 'forum' | 'deputy' | null {
  if (!CASE_RAISING_KINDS.some((k) => k === event.kind)) return null
  return event.kind === 'deputy_reception' ? 'deputy' : 'forum'
}

async function managed(ctx: ActionContext, eventId: string): Promise<EventDoc> {
  const event = await loadEvent(ctx.rt.db, eventId)
  mayManageOrThrow(ctx, event)
  return event
}

type Issue = MinutesDoc['issues'][number]

const issueView = (i: Issue): RaisedIssue => ({
  caseId: i.caseId,
  number: i.number,
  text: i.text,
  petitionerName: i.petitionerName,
  raisedAt: i.raisedAt,
})

async function view(
  ctx: ActionContext,
  event: EventDoc,
  doc: MinutesDoc | null,
  firstRecords?: AttendanceDoc[],
): Promise<Minutes> {
  const present = (await attendanceOf(ctx.rt.db, event._id, firstRecords)).filter((a) => a.status === 'present')
  const photos = doc?.photos ?? []
  return {
    eventId: event._id,
    title: event.title,
    summary: doc?.summary ?? '',
    photos: await Promise.all(photos.map(async (fileId) => ({ fileId, url: await ctx.rt.storage.url(fileId) }))),
    attendeeCount: present.reduce((n, a) => n + 1 + a.guests, 0),
    raisesCases: channelFor(event),
    issues: (doc?.issues ?? []).map(issueView),
    updatedAt: doc?.updatedAt ?? null,
  }
}

export async function minutes(ctx: ActionContext, eventId: string): Promise<Minutes> {
  // The event, its minutes and its check-ins (their first page): one request.
  const found = await docWith(ctx.rt.db, E.events, eventId, {
    minutes: join(MINUTES_COLLECTION, { _id: eventId }),
    records: attendanceJoin(eventId),
  })
  if (!found) throw new AppError('NOT_FOUND', '找不到这个活动')
  mayManageOrThrow(ctx, found.doc)
  return view(ctx, found.doc, found.minutes[0] ?? null, found.records)
}

function requireStarted(ctx: ActionContext, event: EventDoc): void {
  if (event.status !== 'published') throw new AppError('CONFLICT', '活动未发布或已取消，不能记录纪要')
  if (ctx.now().toISOString() < event.startAt) throw new AppError('CONFLICT', '活动开始后才能记录纪要')
}

export async function saveMinutes(ctx: ActionContext, input: SaveInput): Promise<Minutes> {
  const db = ctx.rt.db
  const event = await managed(ctx, input.eventId)
  requireStarted(ctx, event)
  const by = ctx.requireCaller().openid
  await checkOwnPhotos(db, by, input.photos)
  const saved = await transaction(db, async (tx) => {
    const ref = tx.collection(MINUTES_COLLECTION).doc(event._id)
    const cur = await ref.get()
    const next: MinutesDoc = {
      _id: event._id,
      summary: input.summary,
      photos: input.photos,
      issues: cur?.issues ?? [],
      updatedAt: ctx.now().toISOString(),
      updatedBy: by,
    }
    const { _id, ...body } = next
    await ref.set(body)
    return next
  })
  return view(ctx, event, saved)
}

const digits = (phone: string) => phone.replace(/\D/g, '')

/**
 * The account of the person who raised the issue, when they checked in here with that phone
 * and live at or below the organising unit (where the organiser may enter cases for them):
 * the case is then theirs to follow and rate in 我的诉求. Otherwise the organiser stays the
 * submitter and the person is the case's contact.
 */
async function raiserAccount(
  ctx: ActionContext,
  event: EventDoc,
  phone: string,
  firstRecords: AttendanceDoc[],
): Promise<string | undefined> {
  const db = ctx.rt.db
  const came = (await attendanceOf(db, event._id, firstRecords)).find(
    (a) => a.status === 'present' && a.openid && digits(a.phone) === digits(phone),
  )
  if (!came?.openid) return undefined
  const user = await collection(db, COLLECTIONS.users).doc(came.openid).get()
  const home = user?.communityId ? (await unitsByIds(db, [user.communityId])).get(user.communityId) : undefined
  return home && [...home.ancestors, home._id].includes(event.unitId) ? came.openid : undefined
}

/** One issue → one 诉求. A retry (same `clientRequestId`) answers the same case and lists it once. */
export async function raiseCase(
  ctx: ActionContext,
  input: RaiseInput,
): Promise<{ issue: RaisedIssue; created: boolean }> {
  const db = ctx.rt.db
  // The event with its check-ins (their first page), where the raiser's account is looked
  // for, and its minutes: one request.
  const found = await loadEventWith(db, input.eventId, {
    records: attendanceJoin(input.eventId),
    minutes: join(MINUTES_COLLECTION, { _id: input.eventId }),
  })
  const event = found.doc
  mayManageOrThrow(ctx, event)
  const channel = channelFor(event)
  if (!channel) throw new AppError('BAD_REQUEST', '只有板凳会、议事协商会和党代表接待日上提出的问题可以转为诉求')
  requireStarted(ctx, event)
  const by = ctx.requireCaller().openid
  const openid = await raiserAccount(ctx, event, input.petitioner.phone, found.records)
  const submitted = await submitCase(
    ctx,
    SubmitCaseInputSchema.parse({
      clientRequestId: input.clientRequestId,
      categoryCode: input.categoryCode,
      description: input.description,
      location: event.place.location,
      address: event.place.address || event.place.name,
      channel,
      onBehalfOf: openid ? { ...input.petitioner, openid } : input.petitioner,
    }),
    { kind: 'event', eventId: event._id, title: event.title },
  )
  const c = submitted.case
  const raised = {
    caseId: c.id,
    number: c.number,
    text: input.description,
    petitionerName: input.petitioner.name,
    raisedAt: ctx.now().toISOString(),
    raisedBy: by,
  }
  await listIssue(ctx, event._id, found.minutes[0] ?? null, raised)
  return { issue: issueView(raised), created: submitted.created }
}

/**
 * Adds the raised issue to the event's minutes, once. Minutes that do not exist yet (as
 * read with the event) are created by one insert; the transaction that reads them again
 * is for minutes already there, or created meanwhile (the insert then fails).
 */
async function listIssue(ctx: ActionContext, eventId: string, seen: MinutesDoc | null, raised: Issue): Promise<void> {
  const db = ctx.rt.db
  if (seen?.issues.some((i) => i.caseId === raised.caseId)) return
  const first: MinutesDoc = {
    _id: eventId,
    summary: '',
    photos: [],
    issues: [raised],
    updatedAt: raised.raisedAt,
    updatedBy: raised.raisedBy,
  }
  if (!seen) {
    try {
      return await collection(db, MINUTES_COLLECTION).insertMany([first])
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
    }
  }
  await transaction(db, async (tx) => {
    const ref = tx.collection(MINUTES_COLLECTION).doc(eventId)
    const cur = await ref.get()
    if (cur?.issues.some((i) => i.caseId === raised.caseId)) return
    const next: Omit<MinutesDoc, '_id'> = {
      summary: cur?.summary ?? '',
      photos: cur?.photos ?? [],
      issues: [...(cur?.issues ?? []), raised],
      updatedAt: raised.raisedAt,
      updatedBy: raised.raisedBy,
    }
    await ref.set(next)
  })
}
