import { AppError } from '../core/app-error'
import { canAt } from '../core/authz'
import type { UnitDoc } from '../core/collections'
import type { ActionContext } from '../core/define-function'
import type { EventDoc } from './collections'

/*
 * Who organises events comes from the role policy (`events.manage`: a community's staff and
 * secretary, street staff for the street and the communities below it); `events.sensitive`
 * unmasks answers to sensitive questions.
 */

/** The organising unit, after checking the caller may organise there. Events belong to a community or a street. */
export async function requireOrganiser(ctx: ActionContext, unitId: string): Promise<UnitDoc> {
  const unit = await ctx.requireCapabilityAt('events.manage', unitId)
  if (unit.kind !== 'community' && unit.kind !== 'street') {
    throw new AppError('BAD_REQUEST', '活动只能由社区或街道主办', {
      issues: [{ path: ['unitId'], message: '请选择社区或街道' }],
    })
  }
  return unit
}

/** The event's unit as the policy reads it: `unitScope` is the units above it (root first), then its own. */
export function unitOf(event: EventDoc): Pick<UnitDoc, '_id' | 'ancestors'> {
  return { _id: event.unitId, ancestors: event.unitScope.slice(0, -1) }
}

export function mayManage(ctx: ActionContext, event: EventDoc): boolean {
  return canAt(ctx.assignments, 'events.manage', unitOf(event))
}

export function maySeeSensitive(ctx: ActionContext, event: EventDoc): boolean {
  return canAt(ctx.assignments, 'events.sensitive', unitOf(event))
}

export function mayManageOrThrow(ctx: ActionContext, event: EventDoc): void {
  if (!mayManage(ctx, event)) throw new AppError('FORBIDDEN', '只有主办单位的工作人员可以管理这个活动')
}
