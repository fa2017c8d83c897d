import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import type { AudienceSchema, ComposeNoticeInputSchema, NoticeStaffView } from '../../types/notices'
import { AppError } from '../core/app-error'
import type { UnitDoc } from '../core/collections'
import type { ActionContext } from '../core/define-function'
import { collection } from '../core/data'
import { checkOwnPhotos } from '../core/photos'
import { EVENT_COLLECTIONS } from '../events/collections'
import { requireManaged, viewerOf } from './access'
import { NOTICE_COLLECTIONS, type NoticeDoc } from './collections'
import { checkTimes } from './domain/schedule'
import { countRecipients, loadAudienceUnits, resolveTargets } from './recipients'
import { toStaffView } from './views'

/*
 * Composing a notice: every check runs before anything is written (units, times, files,
 * the linked event, content security), then the draft is stored. Publishing is publication.ts.
 */

type ComposeInput = z.output<typeof ComposeNoticeInputSchema>

function newNoticeId(now: Date): string {
  return `n${now.getTime().toString(36)}${randomBytes(5).toString('hex')}`
}

/** The sending unit (where the caller must hold a notice role) and the audience units below it. */
export async function requireAudience(
  ctx: ActionContext,
  unitId: string,
  unitIds: readonly string[],
): Promise<{ sender: UnitDoc; units: UnitDoc[] }> {
  const sender = await ctx.requireCapabilityAt('notices.publish', unitId)
  const units = await loadAudienceUnits(ctx.rt.db, unitIds)
  const outside = units.findIndex((u) => u._id !== sender._id && !u.ancestors.includes(sender._id))
  if (outside !== -1) {
    throw new AppError('FORBIDDEN', `发送范围超出了${sender.name}：${units[outside]!.name}`, {
      issues: [{ path: ['audience', 'unitIds', outside], message: '只能发给本单位及下属单位的居民' }],
    })
  }
  return { sender, units }
}

/**
 * Content security for the text residents will read: `risky` is refused; `review` is let
 * through to a second person (approval) instead of being refused outright.
 */
export async function checkNoticeText(ctx: ActionContext, fields: Array<[string, string]>): Promise<boolean> {
  const openid = ctx.requireCaller().openid
  let review = false
  for (const [field, text] of fields) {
    const verdict = await ctx.rt.contentCheck.check(text, openid)
    if (verdict === 'risky') {
      throw new AppError('BAD_REQUEST', '通知中含有不适宜发布的文字，请修改后再提交', {
        issues: [{ path: [field], message: '含有不适宜的内容，请修改' }],
      })
    }
    review ||= verdict === 'review'
  }
  return review
}

async function checkFiles(ctx: ActionContext, input: ComposeInput): Promise<void> {
  const openid = ctx.requireCaller().openid
  await checkOwnPhotos(ctx.rt.db, openid, input.images, 'images')
  try {
    await checkOwnPhotos(
      ctx.rt.db,
      openid,
      input.attachments.map((a) => a.fileId),
      'attachments',
    )
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    throw new AppError('BAD_REQUEST', '附件无效，请重新上传', {
      issues: error.options.issues?.map((i) => ({ ...i, message: '附件无效，请重新上传' })),
    })
  }
}

/** A linked event must be one residents can open and sign up for: it exists and is not cancelled. */
async function checkEvent(ctx: ActionContext, eventId: string | null): Promise<void> {
  if (eventId === null) return
  const event = await collection(ctx.rt.db, EVENT_COLLECTIONS.events).doc(eventId).get()
  if (!event)
    throw new AppError('BAD_REQUEST', '关联的活动不存在', {
      issues: [{ path: ['eventId'], message: '找不到该活动，请重新选择' }],
    })
  if (event.status === 'cancelled')
    throw new AppError('BAD_REQUEST', `活动“${event.title}”已取消，不能关联`, {
      issues: [{ path: ['eventId'], message: '活动已取消，请重新选择' }],
    })
}

/** 新建或修改草稿 (`create`): checked in full, stored as a draft; nothing goes out yet. */
export async function createNotice(ctx: ActionContext, input: ComposeInput): Promise<NoticeStaffView> {
  const openid = ctx.requireCaller().openid
  const now = ctx.now()
  const existing = input.noticeId ? await requireManaged(ctx, input.noticeId) : null
  if (existing && existing.status !== 'draft') throw new AppError('CONFLICT', '通知已提交发布，请用“修改”更新内容')
  const { sender, units } = await requireAudience(ctx, input.unitId, input.audience.unitIds)
  const timeIssues = checkTimes(input, now)
  if (timeIssues.length) throw new AppError('BAD_REQUEST', timeIssues[0]!.message, { issues: timeIssues })
  await checkFiles(ctx, input)
  await checkEvent(ctx, input.eventId)
  const contentReview = await checkNoticeText(ctx, [
    ['title', input.title],
    ['summary', input.summary],
    ['body', input.body],
  ])

  const at = now.toISOString()
  const doc: NoticeDoc = {
    _id: existing?._id ?? newNoticeId(now),
    unitId: sender._id,
    unitName: sender.name,
    kind: input.kind,
    status: 'draft',
    title: input.title,
    body: input.body,
    summary: input.summary,
    category: input.category,
    priority: input.priority,
    images: input.images,
    attachments: input.attachments,
    eventId: input.eventId,
    publishAt: input.publishAt && new Date(input.publishAt).toISOString(),
    publishedAt: null,
    expiresAt: input.expiresAt && new Date(input.expiresAt).toISOString(),
    pinnedUntil: input.pinnedUntil && new Date(input.pinnedUntil).toISOString(),
    ackRequired: input.ackRequired,
    ackDeadline: input.ackDeadline && new Date(input.ackDeadline).toISOString(),
    audience: {
      unitIds: units.map((u) => u._id),
      unitNames: units.map((u) => u.name),
      unitKinds: units.map((u) => u.kind),
      filter: input.audience.filter,
    },
    unitScope: [...sender.ancestors, sender._id],
    audienceIds: units.map((u) => u._id),
    submittedAt: null,
    contentReview,
    approvalReason: null,
    approvedBy: null,
    createdBy: existing?.createdBy ?? openid,
    version: 1,
    versions: [],
    progress: [],
    withdrawnReason: null,
    fanout: null,
    recipientCount: null,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  }
  const { _id, ...rest } = doc
  await ctx.rt.db.collection(NOTICE_COLLECTIONS.notices).doc(_id).set(rest)
  return toStaffView(doc, viewerOf(ctx, doc))
}

/** The live count on the compose page: how many people these units and filter reach now. */
export async function countAudience(
  ctx: ActionContext,
  input: z.output<typeof AudienceSchema> & { unitId: string },
): Promise<{ count: number }> {
  const { units } = await requireAudience(ctx, input.unitId, input.unitIds)
  return { count: await countRecipients(ctx.rt.db, await resolveTargets(ctx.rt.db, units), input.filter) }
}
