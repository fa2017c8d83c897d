import { AppError } from '../core/app-error'
import { COLLECTIONS, type UserDoc } from '../core/collections'
import { collection } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { PLACE_COLLECTIONS, servicePhone, servingOf } from '../core/places'

/*
 * The phone a person shows in residents' 为我服务. Only a 网格员 or a post holder (楼栋长…)
 * appears there, so only they choose: a work number instead of their own phone, or none.
 * Their posts carry a copy of the phone, changed here with it.
 */

function requireServing(ctx: ActionContext): UserDoc {
  const user = ctx.requireUser()
  if (!servingOf(user, ctx.assignments))
    throw new AppError('FORBIDDEN', '只有在“为我服务”中的网格员、楼栋长等可以设置电话')
  return user
}

export async function setPhoneHidden(ctx: ActionContext, hidden: boolean): Promise<{ hidden: boolean }> {
  const user = requireServing(ctx)
  const { db } = ctx.rt
  await collection(db, COLLECTIONS.users)
    .doc(user._id)
    .update({ phoneHidden: hidden, updatedAt: ctx.now().toISOString() })
  await collection(db, PLACE_COLLECTIONS.placePosts).where({ openid: user._id }).update({ phoneHidden: hidden })
  return { hidden }
}

export async function setWorkPhone(
  ctx: ActionContext,
  workPhone: string | null,
): Promise<{ workPhone: string | null }> {
  const user = requireServing(ctx)
  const { db } = ctx.rt
  await collection(db, COLLECTIONS.users).doc(user._id).update({ workPhone, updatedAt: ctx.now().toISOString() })
  await collection(db, PLACE_COLLECTIONS.placePosts)
    .where({ openid: user._id })
    .update({ phone: servicePhone({ ...user, workPhone }) ?? '' })
  return { workPhone }
}
