import type { NoticeStaffView } from '../../types/notices'
import { AppError } from '../core/app-error'
import { collection } from '../core/data'
import type { ActionContext } from '../core/define-function'
import type { Runtime } from '../core/runtime'
import { requireManaged, viewerOf } from './access'
import type { NoticeStatus } from '../../types/notices'
import { NOTICE_COLLECTIONS, type NoticeDoc } from './collections'
import { approvalReason, checkTimes, RATE_LIMIT, rateWindowStart } from './domain/schedule'
import { continueFanout, FANOUT_DEFAULTS, newCursor, runFanout } from './fanout'
import { loadAudienceUnits, resolveTargets } from './recipients'
import { toStaffView } from './views'

/*
 * From draft to published: 发布 (publish) checks the schedule and the unit's rate limit and
 * either waits for a second person (待审核), waits for its time (定时发布) or starts the
 * fan-out. Every status change is a compare-and-set on the current status, so two clicks, or
 * a click and the scheduler, move a notice once.
 */

async function moveStatus(
  rt: Runtime,
  n: NoticeDoc,
  from: NoticeStatus,
  patch: Partial<NoticeDoc>,
): Promise<NoticeDoc> {
  // A nested object is sent as dotted paths, which cannot replace a null: set `fanout` whole.
  const write = patch.fanout ? { ...patch, fanout: rt.db.command.set(patch.fanout) } : patch
  const updated = await collection(rt.db, NOTICE_COLLECTIONS.notices).where({ _id: n._id, status: from }).update(write)
  if (updated !== 1) throw new AppError('CONFLICT', '通知状态已变化，请刷新后再试')
  return { ...n, ...patch }
}

/** Starts the fan-out now (`patch` in the same update): resolves the audience units and writes the first batches inline. */
export async function startPublishing(
  rt: Runtime,
  n: NoticeDoc,
  from: NoticeStatus,
  patch: Partial<NoticeDoc> = {},
): Promise<NoticeDoc> {
  const targets = await resolveTargets(rt.db, await loadAudienceUnits(rt.db, n.audience.unitIds))
  const at = rt.clock.now().toISOString()
  const started = await moveStatus(rt, n, from, {
    ...patch,
    status: 'publishing',
    publishedAt: at,
    fanout: newCursor(targets.map((t) => t._id)),
    updatedAt: at,
  })
  const last = await continueFanout(rt, started, { maxBatches: FANOUT_DEFAULTS.inlineBatches })
  return last ?? (await collection(rt.db, NOTICE_COLLECTIONS.notices).doc(n._id).get()) ?? started
}

/** After approval (or when none is needed): wait for the scheduled time, or go out now. */
async function goLive(rt: Runtime, n: NoticeDoc, from: NoticeStatus, patch: Partial<NoticeDoc>): Promise<NoticeDoc> {
  const now = rt.clock.now()
  if (n.publishAt && new Date(n.publishAt).getTime() > now.getTime()) {
    return moveStatus(rt, n, from, { ...patch, status: 'scheduled', updatedAt: now.toISOString() })
  }
  return startPublishing(rt, n, from, patch)
}

async function checkRateLimit(ctx: ActionContext, n: NoticeDoc): Promise<void> {
  const _ = ctx.rt.db.command
  const recent = await ctx.rt.db
    .collection(NOTICE_COLLECTIONS.notices)
    .where({ unitId: n.unitId, submittedAt: _.gte(rateWindowStart(ctx.now())) })
    .count()
  if (recent.total >= RATE_LIMIT.perUnitPer24h) {
    throw new AppError(
      'RATE_LIMITED',
      `${n.unitName} 24 小时内已发布 ${RATE_LIMIT.perUnitPer24h} 条通知，请合并内容或明天再发`,
    )
  }
}

/** 发布: a draft goes to approval, to its schedule, or out now. */
export async function publishNotice(ctx: ActionContext, noticeId: string): Promise<NoticeStaffView> {
  const n = await requireManaged(ctx, noticeId)
  if (n.status !== 'draft') throw new AppError('CONFLICT', '这条通知已经提交过了')
  const issues = checkTimes(n, ctx.now())
  if (issues.length) throw new AppError('BAD_REQUEST', `${issues[0]!.message}，请修改后再发布`, { issues })
  await checkRateLimit(ctx, n)
  const at = ctx.now().toISOString()
  const reason = approvalReason({
    priority: n.priority,
    audienceKinds: n.audience.unitKinds,
    contentNeedsReview: n.contentReview,
  })
  const submitted = { submittedAt: at, approvalReason: reason, updatedAt: at }
  const next = reason
    ? await moveStatus(ctx.rt, n, 'draft', { ...submitted, status: 'pending_approval' })
    : await goLive(ctx.rt, n, 'draft', submitted)
  return toStaffView(next, viewerOf(ctx, next))
}

/** 审核通过: a second person with approval rights at the sending unit lets it go out. */
export async function approveNotice(ctx: ActionContext, noticeId: string): Promise<NoticeStaffView> {
  const n = await requireManaged(ctx, noticeId)
  const viewer = viewerOf(ctx, n)
  if (n.status !== 'pending_approval') throw new AppError('CONFLICT', '这条通知不在待审核状态')
  if (n.createdBy === viewer.openid) throw new AppError('FORBIDDEN', '须由另一位工作人员审核，不能审核自己起草的通知')
  if (!viewer.approves) throw new AppError('FORBIDDEN', '您没有审核通知的权限，请联系社区书记或街道')
  const next = await goLive(ctx.rt, n, 'pending_approval', {
    approvedBy: viewer.openid,
    updatedAt: ctx.now().toISOString(),
  })
  return toStaffView(next, viewer)
}

/**
 * The scheduler's part: scheduled notices whose time has come start publishing, and every
 * fan-out still `publishing` (a crash, or more batches than a call may write) continues.
 */
export async function noticeSweep(rt: Runtime): Promise<{ started: number; batches: number }> {
  const _ = rt.db.command
  const notices = collection(rt.db, NOTICE_COLLECTIONS.notices)
  const due = await notices
    .where({ status: 'scheduled', publishAt: _.lte(rt.clock.now().toISOString()) })
    .limit(20)
    .get()
  let started = 0
  for (const n of due) {
    try {
      await startPublishing(rt, n, 'scheduled')
      started++
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error // another run took it
    }
  }
  const open = await notices.where({ status: 'publishing' }).limit(20).get()
  let batches = 0
  for (const n of open) batches += await runFanout(rt, n._id, { maxBatches: FANOUT_DEFAULTS.sweepBatches })
  return { started, batches }
}
