import { roleAssignmentId } from '../core/collections'
import { createTestEnv, type TestEnv, type TestEnvOptions } from '../core/testing'
import type { Role } from '../../types/roles'
import type { PostWishInput } from '../../types/wishes'

/** Shared by the wish function tests: the demo's community and a few ready-made wishes. */
export const COMMUNITY = 'c-dongxianmen'
export const OTHER_COMMUNITY = 'c-xiamaling'
export const STATION = 'st-dongxianmen'
export const RESIDENT = 'demo-resident-1'
export const VOLUNTEER = 'demo-volunteer-1'
export const SECRETARY = 'demo-secretary-1'

export const A_WISH: PostWishInput = {
  communityId: COMMUNITY,
  text: '家里的旧电视没有信号，想请人帮忙看看',
  category: 'repair',
  neededBy: '2025-03-10',
}

/** A person with a phone, optionally an approved volunteer or staff member of a community. */
export async function addPerson(
  env: TestEnv,
  openid: string,
  role?: { role: Role; unitId: string },
  name = '测试居民',
): Promise<void> {
  const at = env.clock.now().toISOString()
  await env.rt.db
    .collection('users')
    .doc(openid)
    .set({ name, phone: '13700000000', communityId: COMMUNITY, createdAt: at, updatedAt: at })
  if (role) {
    await env.rt.db
      .collection('role_assignments')
      .doc(roleAssignmentId(openid, role.role, role.unitId))
      .set({ openid, role: role.role, unitId: role.unitId, createdAt: at, grantedBy: null })
  }
}

/**
 * A test environment with the demo org and accounts but an empty wall: the demo's own
 * wishes (demo/wishes.ts) and their notifications and ledger entries are removed, so each
 * test counts only what it made.
 */
export async function createWishEnv(options: TestEnvOptions = {}): Promise<TestEnv> {
  const env = await createTestEnv(options)
  const _ = env.rt.db.command
  for (const name of ['wishes', 'wish_claim_slots', 'service_ledger', 'wish_digests', 'outbox', 'inbox']) {
    await env.rt.db
      .collection(name)
      .where({ _id: _.exists(true) })
      .remove()
  }
  return env
}

export function expectOk<T>(res: { ok: boolean; data?: T; error?: unknown }): T {
  if (!res.ok || res.data === undefined) throw new Error(`expected ok, got ${JSON.stringify(res.error)}`)
  return res.data
}

/** Posts as the resident and approves as the secretary: a wish on the wall. */
export async function openWish(env: TestEnv, input: Partial<PostWishInput> = {}, wisher = RESIDENT): Promise<string> {
  const { id } = expectOk(await env.call<{ id: string }>(wisher, 'wishes', { action: 'post', ...A_WISH, ...input }))
  expectOk(await env.call(SECRETARY, 'wishes', { action: 'review', wishId: id, decision: 'approve' }))
  return id
}

export async function claimedWish(env: TestEnv, input: Partial<PostWishInput> = {}): Promise<string> {
  const id = await openWish(env, input)
  expectOk(await env.call(VOLUNTEER, 'wishes', { action: 'claim', wishId: id }))
  return id
}

export async function fulfilledWish(env: TestEnv, input: Partial<PostWishInput> = {}): Promise<string> {
  const id = await claimedWish(env, input)
  expectOk(await env.call(VOLUNTEER, 'wishes', { action: 'fulfil', wishId: id, note: '已上门调试好天线', photos: [] }))
  return id
}

export async function wishDoc(env: TestEnv, id: string): Promise<Record<string, any>> {
  const [doc] = await env.docs('wishes', { _id: id })
  if (!doc) throw new Error(`no wish ${id}`)
  return doc
}

export async function outboxFor(env: TestEnv, openid: string): Promise<{ title: string; body: string }[]> {
  return env.docs('outbox', { openid })
}
