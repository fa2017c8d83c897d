import type { UnitView } from '../../../types/org'
import type { UnitKind } from '../../../types/roles'
import { unitsWith } from '../../lib/roles'
import type { Profile } from '../../services/users'
import type { UnitChoice } from '../cases/units'

/** Kinds a notice can be sent to (a street's notice reaches its communities). */
export const AUDIENCE_KINDS: readonly UnitKind[] = ['street', 'community', 'grid', 'estate', 'building']

/** The units this person sends notices from: where `users.me` says they hold `notices.publish`. */
export function senderUnits(me: Pick<Profile, 'roles' | 'capabilities'>): UnitChoice[] {
  return unitsWith(me, 'notices.publish').map((id) => {
    const r = me.roles.find((x) => x.unitId === id)
    return { id, name: r?.unitName ?? id, kind: r?.unitKind ?? null }
  })
}

/** The units a notice from `senderId` may go to: the sender and every audience unit below it, widest first. */
export function audienceChoices(tree: readonly UnitView[], senderId: string): UnitChoice[] {
  return tree
    .filter((u) => AUDIENCE_KINDS.includes(u.kind) && (u.id === senderId || u.ancestors.includes(senderId)))
    .sort((a, b) => a.ancestors.length - b.ancestors.length || a.name.localeCompare(b.name, 'zh-CN'))
    .map((u) => ({ id: u.id, name: u.name, kind: u.kind }))
}
