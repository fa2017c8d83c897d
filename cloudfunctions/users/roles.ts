import type { Db } from '@cloudbase/database'
import { maskPhone } from '../../types/mask'
import type { Role } from '../../types/roles'
import { ROLE_LABELS } from '../../types/roles-labels'
import type { PersonHit, RoleAtUnit, RoleHolder } from '../../types/users'
import { AppError } from '../core/app-error'
import { canAt, invalidateRosters } from '../core/authz'
import { COLLECTIONS, roleAssignmentId, type RoleAssignmentDoc, type UnitDoc, type UserDoc } from '../core/collections'
import { collection, transaction, type Tx } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { derivedId } from '../core/ids'
import { unitsByIds } from '../core/org-cache'
import { notify } from '../core/outbox'
import { keepRefs, personOf, personRef } from '../core/person-ref'
import { literal, parsePeopleQuery } from './domain/people-query'
import { ROLE_UNIT_KINDS } from './service'

/*
 * 角色管理: find a person by name or phone, see who holds which role at a unit, grant and
 * revoke. People travel as an opaque `ref` (core/person-ref.ts), never as an openid.
 */

/** At most this many people per search: a longer list means the search should be narrower. */
const PEOPLE_MAX = 20

async function findUsers(db: Db, query: string): Promise<UserDoc[]> {
  const q = parsePeopleQuery(query)
  const where =
    q.kind === 'phone'
      ? { phone: q.exact ? q.digits : db.RegExp({ regexp: literal(q.digits), options: '' }) }
      : { name: db.RegExp({ regexp: literal(q.text), options: 'i' }) }
  // More than a page of matches is only searched within the first 200 (a narrower query finds the rest).
  return collection(db, COLLECTIONS.users).where(where).limit(200).get()
}

function roleView(a: RoleAssignmentDoc, units: Map<string, UnitDoc>): RoleAtUnit {
  const unit = units.get(a.unitId)
  return { role: a.role, unitId: a.unitId, unitName: unit?.name ?? '（已撤销的单位）', unitKind: unit?.kind ?? null }
}

/**
 * People whose name or phone matches, among those the caller may give roles to: living in a
 * community within the caller's units, or holding a role there already. Name in full, phone
 * masked (types/users.ts).
 */
export async function findPeople(ctx: ActionContext, query: string): Promise<{ items: PersonHit[]; more: boolean }> {
  const { db } = ctx.rt
  const users = await findUsers(db, query)
  const ids = users.map((u) => u._id)
  const assignments =
    ids.length === 0
      ? []
      : await collection(db, COLLECTIONS.roleAssignments)
          .where({ openid: db.command.in(ids) })
          .limit(1000)
          .get()
  const units = await unitsByIds(db, [
    ...assignments.map((a) => a.unitId),
    ...users.flatMap((u) => (u.communityId ? [u.communityId] : [])),
  ])
  const mine = (unitId: string | null) => {
    const unit = unitId ? units.get(unitId) : undefined
    return !!unit && canAt(ctx.assignments, 'roles.manage', unit)
  }
  const inScope = users
    .map((u) => ({ u, roles: assignments.filter((a) => a.openid === u._id && mine(a.unitId)) }))
    .filter(({ u, roles }) => mine(u.communityId) || roles.length > 0)
  const shown = inScope.slice(0, PEOPLE_MAX)
  await keepRefs(
    db,
    shown.map((s) => s.u),
  )
  return {
    items: shown.map(({ u, roles }) => ({
      ref: personRef(u._id),
      name: u.name,
      phone: u.phone ? maskPhone(u.phone) : null,
      communityName: (u.communityId && units.get(u.communityId)?.name) || null,
      roles: roles.map((a) => roleView(a, units)),
    })),
    more: inScope.length > PEOPLE_MAX,
  }
}

/** Who holds which role at exactly this unit, by role then by when it was given. */
export async function roleHolders(ctx: ActionContext, unitId: string): Promise<{ items: RoleHolder[] }> {
  const { db } = ctx.rt
  await ctx.requireCapabilityAt('roles.manage', unitId)
  const held = await collection(db, COLLECTIONS.roleAssignments).where({ unitId }).limit(1000).get()
  const openids = [...new Set(held.map((a) => a.openid))]
  const users =
    openids.length === 0
      ? []
      : await collection(db, COLLECTIONS.users)
          .where({ _id: db.command.in(openids) })
          .limit(1000)
          .get()
  await keepRefs(db, users)
  const byId = new Map(users.map((u) => [u._id, u]))
  const order = Object.keys(ROLE_LABELS)
  return {
    items: held
      .filter((a) => a.role !== 'resident')
      .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.createdAt.localeCompare(b.createdAt))
      .map((a) => {
        const u = byId.get(a.openid)
        return {
          ref: personRef(a.openid),
          name: u?.name ?? null,
          phone: u?.phone ? maskPhone(u.phone) : null,
          role: a.role,
          since: a.createdAt,
        }
      }),
  }
}

/** The role change and the person's message are one change (an in-app message: no template). */
async function tellPerson(tx: Tx, ctx: ActionContext, openid: string, title: string, body: string): Promise<void> {
  const now = ctx.now()
  await notify(
    tx,
    {
      dedupeKey: `role:${derivedId(openid, title, body, now.toISOString())}`,
      openid,
      title,
      body,
      link: '/pages/me/index',
    },
    now,
  )
}

type RoleChange = { ref: string; role: Role; unitId: string }

export async function assignRole(ctx: ActionContext, input: RoleChange): Promise<{ created: boolean }> {
  const unit = await ctx.requireCapabilityAt('roles.manage', input.unitId)
  if (!ROLE_UNIT_KINDS[input.role].includes(unit.kind)) {
    throw new AppError('BAD_REQUEST', '该角色不能设在这类单位', {
      issues: [{ path: ['unitId'], message: '该角色不能设在这类单位' }],
    })
  }
  const person = await personOf(ctx.rt.db, input.ref)
  const id = roleAssignmentId(person._id, input.role, unit._id)
  const doc: Omit<RoleAssignmentDoc, '_id'> = {
    openid: person._id,
    role: input.role,
    unitId: unit._id,
    createdAt: ctx.now().toISOString(),
    grantedBy: ctx.requireCaller().openid,
  }
  const created = await transaction(ctx.rt.db, async (tx) => {
    if (await tx.collection(COLLECTIONS.roleAssignments).doc(id).get()) return false
    await tx.collection(COLLECTIONS.roleAssignments).doc(id).set(doc)
    const what = `${unit.name}${ROLE_LABELS[input.role]}`
    await tellPerson(tx, ctx, person._id, '您有了新的角色', `您已被设为${what}，相应的工作入口在“我的”。`)
    return true
  })
  // A staff member appointed a moment ago is in the unit's roster at once (cases routing).
  invalidateRosters(ctx.rt.db)
  return { created }
}

export async function revokeRole(ctx: ActionContext, input: RoleChange): Promise<{ removed: number }> {
  const unit = await ctx.requireCapabilityAt('roles.manage', input.unitId)
  const person = await personOf(ctx.rt.db, input.ref)
  if (input.role === 'admin' && person._id === ctx.requireCaller().openid) {
    throw new AppError('CONFLICT', '不能撤销自己的管理员角色')
  }
  const id = roleAssignmentId(person._id, input.role, unit._id)
  const removed = await transaction(ctx.rt.db, async (tx) => {
    if (!(await tx.collection(COLLECTIONS.roleAssignments).doc(id).get())) return 0
    await tx.collection(COLLECTIONS.roleAssignments).doc(id).remove()
    const what = `${unit.name}${ROLE_LABELS[input.role]}`
    await tellPerson(tx, ctx, person._id, '您的角色已撤销', `您已不再担任${what}，如有疑问请联系社区。`)
    return 1
  })
  invalidateRosters(ctx.rt.db)
  return { removed }
}
