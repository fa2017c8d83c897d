import type { Db } from '@cloudbase/database'
import { holdsCapabilityAt } from '../../types/policy'
import { AppError } from '../core/app-error'
import { canAt, loadUnit } from '../core/authz'
import type { RoleAssignmentDoc, UnitDoc } from '../core/collections'
import type { ActionContext } from '../core/define-function'
import type { WishDoc } from './collections'
import type { WishActor } from './domain/state-machine'

/** Whether the person may act as staff on this community's wishes. */
export function isWishStaff(assignments: readonly RoleAssignmentDoc[], community: UnitDoc): boolean {
  return canAt(assignments, 'wishes.review', community)
}

/** An approved volunteer is one the community itself approved: the role is bound to it. */
export function isVolunteerOf(assignments: readonly RoleAssignmentDoc[], communityId: string): boolean {
  return holdsCapabilityAt(assignments, 'wishes.claim', [communityId])
}

/** The caller's standings towards a wish, for the state machine. */
export function standings(
  wish: Pick<WishDoc, 'wisherId' | 'claimerId' | 'communityId'>,
  openid: string,
  assignments: readonly RoleAssignmentDoc[],
  community: UnitDoc,
): WishActor[] {
  const actors: WishActor[] = []
  if (wish.wisherId === openid) actors.push('wisher')
  if (wish.claimerId === openid) actors.push('claimer')
  if (isVolunteerOf(assignments, wish.communityId)) actors.push('volunteer')
  if (isWishStaff(assignments, community)) actors.push('staff')
  return actors.length > 0 ? actors : ['other']
}

/** The wish's community, which every standing is judged against. */
export async function requireCommunity(db: Db, id: string): Promise<UnitDoc> {
  const unit = await loadUnit(db, id)
  if (!unit || unit.kind !== 'community') throw new AppError('NOT_FOUND', '找不到该社区')
  return unit
}

/** Staff of the community (or above): every staff-only action goes through this. */
export function requireStaff(ctx: ActionContext, communityId: string): Promise<UnitDoc> {
  return ctx.requireCapabilityAt('wishes.review', communityId)
}
