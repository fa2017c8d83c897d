import { AppError } from '../core/app-error'
import { canAt } from '../core/authz'
import type { UnitDoc } from '../core/collections'
import { collection } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { NOTICE_COLLECTIONS, type NoticeDoc } from './collections'
import type { StaffViewer } from './views'

/*
 * Who may do what with one notice. Managing (edit, publish, withdraw, the whole reach view)
 * is for notice staff at the sending unit or above; a grid worker whose grid the notice
 * reached sees and follows up their own grid.
 */

export async function loadNotice(ctx: ActionContext, noticeId: string): Promise<NoticeDoc> {
  const doc = await collection(ctx.rt.db, NOTICE_COLLECTIONS.notices).doc(noticeId).get()
  if (!doc) throw new AppError('NOT_FOUND', '找不到该通知')
  return doc
}

function sendingUnit(n: NoticeDoc): Pick<UnitDoc, '_id' | 'ancestors'> {
  return { _id: n.unitId, ancestors: n.unitScope.slice(0, -1) }
}

export function viewerOf(ctx: ActionContext, n: NoticeDoc): StaffViewer {
  const unit = sendingUnit(n)
  return {
    openid: ctx.requireCaller().openid,
    manages: canAt(ctx.assignments, 'notices.publish', unit),
    approves: canAt(ctx.assignments, 'notices.approve', unit),
  }
}

/** The notice, if the caller manages it (FORBIDDEN otherwise). */
export async function requireManaged(ctx: ActionContext, noticeId: string): Promise<NoticeDoc> {
  const n = await loadNotice(ctx, noticeId)
  if (!viewerOf(ctx, n).manages) throw new AppError('FORBIDDEN', '这条通知不是您所在单位发布的')
  return n
}

/**
 * The unit whose share of a notice's reach the caller asks for: one they hold a notice role
 * at (or above), inside the sending unit. Defaults to the sending unit.
 */
export async function requireReachUnit(
  ctx: ActionContext,
  n: Pick<NoticeDoc, 'unitId'>,
  unitId: string | undefined,
): Promise<UnitDoc> {
  const unit = await ctx.requireCapabilityAt('notices.publish', unitId ?? n.unitId)
  if (unit._id !== n.unitId && !unit.ancestors.includes(n.unitId))
    throw new AppError('FORBIDDEN', '该单位不在这条通知的发送范围内')
  return unit
}
