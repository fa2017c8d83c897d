import type { CaseChannel } from '../../types/cases'
import { holdsCapabilityAt, type Capability } from '../../types/policy'
import type { RoleAssignmentDoc } from '../core/collections'
import type { CaseDoc } from './collections'
import type { Actor } from './domain/state-machine'

/** Which capability lets a person enter a case for someone else, per channel (网格员代办, 热线, 窗口, 座谈征, 代表提). */
export const PROXY_CAPABILITY: Record<Exclude<CaseChannel, 'miniprogram'>, Capability> = {
  grid_proxy: 'cases.proxyGrid',
  hotline: 'cases.proxyDesk',
  window: 'cases.proxyDesk',
  forum: 'cases.proxyDesk',
  deputy: 'cases.proxyDesk',
}

/**
 * What the caller is to this case; the case carries its unit scope (root first, its unit
 * last), so no unit read is needed. Supervisors watch the units strictly below their own.
 */
export function actorOf(
  doc: Pick<CaseDoc, 'petitionerOpenid' | 'submittedBy' | 'unitScope'>,
  openid: string,
  assignments: readonly RoleAssignmentDoc[],
): Actor {
  return {
    petitioner: doc.petitionerOpenid === openid,
    submitter: doc.submittedBy === openid && doc.petitionerOpenid !== openid,
    handler: holdsCapabilityAt(assignments, 'cases.handle', doc.unitScope),
    supervisor: holdsCapabilityAt(assignments, 'cases.supervise', doc.unitScope.slice(0, -1)),
  }
}
