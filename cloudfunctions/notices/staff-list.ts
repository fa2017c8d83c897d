import type { NoticeStaffView, NoticeStatus } from '../../types/notices'
import { roleGrants } from '../../types/policy'
import { AppError } from '../core/app-error'
import { collection } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { unitsByIds } from '../core/org-cache'
import { loadNotice, viewerOf } from './access'
import { NOTICE_COLLECTIONS, type NoticeDoc } from './collections'
import { toStaffView } from './views'

/**
 * A unit's notices for its staff: those sent by the unit or below it, and those sent to it
 * from above (a grid worker follows up the community's notices in their grid).
 */
export async function staffList(
  ctx: ActionContext,
  input: { unitId: string; status?: NoticeStatus; limit: number },
): Promise<{ items: NoticeStaffView[] }> {
  const unit = await ctx.requireCapabilityAt('notices.publish', input.unitId)
  const _ = ctx.rt.db.command
  const notices = collection(ctx.rt.db, NOTICE_COLLECTIONS.notices)
  const status = input.status ? { status: input.status } : {}
  // One query for both: sent by the unit or below it, or sent to it (not someone else's draft).
  const found = await notices
    .where(
      _.or([
        { unitScope: unit._id, ...status },
        { audienceIds: _.in([unit._id, ...unit.ancestors]), status: input.status ?? _.neq('draft') },
      ]),
    )
    .orderBy('createdAt', 'desc')
    .limit(input.limit)
    .get()
  const byId = new Map<string, NoticeDoc>()
  for (const n of found) {
    // Someone else's draft sent to this unit is not this unit's business yet.
    if (n.status === 'draft' && !n.unitScope.includes(unit._id)) continue
    byId.set(n._id, n)
  }
  const items = [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, input.limit)
  return { items: items.map((n) => toStaffView(n, viewerOf(ctx, n))) }
}

/** One notice for staff: its managers, or staff of a unit it was sent to. */
export async function staffGet(ctx: ActionContext, noticeId: string): Promise<NoticeStaffView> {
  const n = await loadNotice(ctx, noticeId)
  const viewer = viewerOf(ctx, n)
  const mine = ctx.assignments.filter((a) => roleGrants(a.role, 'notices.publish')).map((a) => a.unitId)
  const reached = mine.some((u) => n.audienceIds.includes(u)) || (await sentAbove(ctx, n, mine))
  if (!viewer.manages && !(reached && n.status !== 'draft'))
    throw new AppError('FORBIDDEN', '这条通知不是发给您所在单位的')
  return toStaffView(n, viewer)
}

/** Whether one of `units` lies below an audience unit of the notice (the org tree is cached). */
async function sentAbove(ctx: ActionContext, n: NoticeDoc, units: string[]): Promise<boolean> {
  if (units.length === 0) return false
  const tree = await unitsByIds(ctx.rt.db, units)
  return [...tree.values()].some((u) => u.ancestors.some((a) => n.audienceIds.includes(a)))
}
