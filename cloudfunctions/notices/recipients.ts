import type { Db } from '@cloudbase/database'
import type { AudienceFilter } from '../../types/notices'
import { AppError } from '../core/app-error'
import { COLLECTIONS, type UnitDoc, type UserDoc } from '../core/collections'
import { collection } from '../core/data'
import { orgUnits, unitsByIds } from '../core/org-cache'
import { MEMBERSHIP_FIELD, membershipTargets, type TargetUnit } from './domain/audience'
import { unitPathOf } from './domain/reach'
import { PLACE_COLLECTIONS } from '../core/places'

/*
 * Audience resolution against the database: which units to read residents from, pages of
 * residents in `_id` order (so a fan-out can resume after the last one it wrote), the
 * filters, and the live count. Membership fields come from domain/audience.ts.
 */

/** A resident as the fan-out needs them: where they live decides their receipt's units. */
export interface Member {
  openid: string
  unitPath: string[]
  partyMember: boolean
}

function memberOf(u: UserDoc): Member {
  const a = u.address
  return {
    openid: u._id,
    unitPath: unitPathOf(a ? [a.communityId, a.gridId, a.estateId, a.buildingId] : [u.communityId]),
    partyMember: u.partyMember === true,
  }
}

/** The audience units, each checked to exist (NOT_FOUND names the first unknown one). */
export async function loadAudienceUnits(db: Db, unitIds: readonly string[]): Promise<UnitDoc[]> {
  const ids = [...new Set(unitIds)]
  const byId = await unitsByIds(db, ids)
  const units = ids.map((id) => byId.get(id))
  const missing = units.findIndex((u) => u === undefined)
  if (missing !== -1) {
    throw new AppError('BAD_REQUEST', '发送范围中有不存在的单位', {
      issues: [{ path: ['audience', 'unitIds', missing], message: '找不到该单位' }],
    })
  }
  return units.filter((u): u is UnitDoc => u !== undefined)
}

/** The units whose residents are read, in a fixed order (the fan-out cursor indexes into it). */
export async function resolveTargets(db: Db, chosen: readonly UnitDoc[]): Promise<TargetUnit[]> {
  const wide = chosen.filter((u) => u.kind === 'street' || u.kind === 'district').map((u) => u._id)
  const below = wide.length
    ? [...(await orgUnits(db)).values()].filter(
        (u) => u.kind === 'community' && u.ancestors.some((a) => wide.includes(a)),
      )
    : []
  return membershipTargets(chosen, below)
}

/** One page of a unit's residents after `after` (an openid), in `_id` order. */
export async function readMembers(db: Db, target: TargetUnit, after: string, limit: number): Promise<Member[]> {
  const field = MEMBERSHIP_FIELD[target.kind]
  if (!field) return []
  const users = await collection(db, COLLECTIONS.users)
    .where({ [field]: target._id, _id: db.command.gt(after) })
    .orderBy('_id', 'asc')
    .limit(limit)
    .get()
  return users.map(memberOf)
}

/**
 * Keeps the members the filter selects: 党员 (verified, on the person), 志愿者 (the volunteer
 * role), 楼栋长 (the post on a building).
 */
export async function applyFilter(db: Db, members: Member[], filter: AudienceFilter): Promise<Member[]> {
  if (filter === 'all' || members.length === 0) return members
  if (filter === 'party_members') return members.filter((m) => m.partyMember)
  const _ = db.command
  const openids = members.map((m) => m.openid)
  const holders: { openid: string | null }[] =
    filter === 'volunteers'
      ? await collection(db, COLLECTIONS.roleAssignments)
          .where({ openid: _.in(openids), role: 'volunteer' })
          .limit(1000)
          .get()
      : await collection(db, PLACE_COLLECTIONS.placePosts)
          .where({ openid: _.in(openids), post: 'building_head' })
          .limit(1000)
          .get()
  const keep = new Set(holders.map((d) => d.openid))
  return members.filter((m) => keep.has(m.openid))
}

const COUNT_PAGE = 1000

/** How many people a notice to these units would reach now (the live count on the compose page). */
export async function countRecipients(db: Db, targets: readonly TargetUnit[], filter: AudienceFilter): Promise<number> {
  let total = 0
  for (const target of targets) {
    const field = MEMBERSHIP_FIELD[target.kind]
    if (!field) continue
    if (filter === 'all') {
      total += (
        await db
          .collection(COLLECTIONS.users)
          .where({ [field]: target._id })
          .count()
      ).total
      continue
    }
    for (let after = ''; ;) {
      const page = await readMembers(db, target, after, COUNT_PAGE)
      total += (await applyFilter(db, page, filter)).length
      if (page.length < COUNT_PAGE) break
      after = page[page.length - 1]!.openid
    }
  }
  return total
}
