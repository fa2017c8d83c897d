import type { Db } from '@cloudbase/database'
import type { HistoryEntry, WishAction, WishStatus } from '../../types/wishes'
import { AppError } from '../core/app-error'
import { collection, transaction, type Tx } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { notifyNew, type NotifyInput } from '../core/outbox'
import { requireCommunity, standings } from './actors'
import { WISH_COLLECTIONS as W, type WishDoc } from './collections'
import { transition, type WishActor } from './domain/state-machine'

/*
 * The transition engine: every step of a wish's life after posting is decided by the state
 * machine (domain/state-machine.ts) and written, with its history entry, its extra writes
 * and its notices, in one transaction.
 */

export async function loadWish(db: Db, id: string): Promise<WishDoc> {
  const wish = await collection(db, W.wishes).doc(id).get()
  if (!wish) throw new AppError('NOT_FOUND', '找不到这个心愿')
  return wish
}

const FORBIDDEN_MESSAGES: Partial<Record<WishAction, string>> = {
  claim: '只有本社区审核通过的志愿者才能认领心愿，且不能认领自己的心愿',
  approve: '只有社区工作人员可以审核心愿',
  reject: '只有社区工作人员可以审核心愿',
  hide: '只有社区工作人员可以隐藏心愿',
}
const CONFLICT_MESSAGES: Partial<Record<WishAction, string>> = {
  claim: '这个心愿刚刚被其他志愿者认领了，看看别的心愿吧',
  withdraw: '心愿已被认领，不能撤回了；如需取消请联系认领的志愿者',
}

/** The state machine's refusal as the error the caller sees. */
export function refuse(action: WishAction, code: 'FORBIDDEN' | 'CONFLICT'): AppError {
  if (code === 'FORBIDDEN') return new AppError('FORBIDDEN', FORBIDDEN_MESSAGES[action] ?? '您没有办理此事的权限')
  return new AppError('CONFLICT', CONFLICT_MESSAGES[action] ?? '心愿的状态刚刚有了变化，请刷新后再看')
}

export function historyEntry(
  action: HistoryEntry['action'],
  by: HistoryEntry['by'],
  status: WishStatus,
  note: string | null,
  at: string,
): HistoryEntry {
  return { action, by, status, note, at }
}

/** What one step writes besides the new status: in which capacity, the note, the fields, whom it tells. */
export interface Change {
  by: HistoryEntry['by']
  note?: string | null
  patch?: Partial<Omit<WishDoc, '_id' | 'history'>>
  notices: NotifyInput[]
  /** More writes in the same transaction (the ledger on confirmation, claim slots). */
  also?(tx: Tx): Promise<void>
}

/** One step of a wish's life: its action, and the change it makes to the wish as it was. */
export interface Step {
  action: WishAction
  /** `version` is the one this step writes: notices are deduplicated by it. May throw to refuse. */
  change(wish: WishDoc, now: Date, version: number): Change
}

/**
 * One step as one transaction: read the wish, ask the state machine, write the change
 * with its history entry, the extra writes and the notifications together. A concurrent
 * change makes the transaction retry and then see the new status. `actorsOf` and `stepFor`
 * see the wish as the transaction read it; what they look up besides (the community, its
 * settings) comes from the runtime's caches, so the wish is read once, here, not also before.
 *
 * The notices go in one insert, without a read of the outbox: each key names the version
 * this transaction writes (wishNotice), and only one transaction can write a version — it
 * read the one before, and a concurrent writer of the wish makes it conflict. Claims move
 * the version outside a transaction, but their notices are keyed `claim@…`, and a posting's
 * review notices version 1, which no step writes.
 */
export async function applyTransition(
  db: Db,
  id: string,
  actorsOf: (wish: WishDoc) => WishActor[] | Promise<WishActor[]>,
  stepFor: (wish: WishDoc) => Step | Promise<Step>,
  now: Date,
): Promise<{ id: string; status: WishStatus; wish: WishDoc }> {
  const _ = db.command
  return transaction(db, async (tx) => {
    const ref = tx.collection(W.wishes).doc(id)
    const wish = await ref.get()
    if (!wish) throw new AppError('NOT_FOUND', '找不到这个心愿')
    const step = await stepFor(wish)
    const result = transition(wish.status, step.action, await actorsOf(wish))
    if (!result.ok) throw refuse(step.action, result.code)
    const version = wish.version + 1
    const at = now.toISOString()
    const change = step.change(wish, now, version)
    await ref.update({
      ...change.patch,
      status: result.to,
      version,
      updatedAt: at,
      history: _.push([historyEntry(step.action, change.by, result.to, change.note ?? null, at)]),
    })
    await change.also?.(tx)
    await notifyNew(tx, change.notices, now)
    return { id, status: result.to, wish }
  })
}

/**
 * A step taken by the caller: their standings towards the wish decide, as the state machine
 * says. `stepFor` may look at the wish (its community's settings) before the step is built.
 */
export async function personTransition(
  ctx: ActionContext,
  id: string,
  stepFor: (wish: WishDoc) => Step | Promise<Step>,
): Promise<{ id: string; status: WishStatus }> {
  const { db } = ctx.rt
  const openid = ctx.requireCaller().openid
  const result = await applyTransition(
    db,
    id,
    async (current) => standings(current, openid, ctx.assignments, await requireCommunity(db, current.communityId)),
    stepFor,
    ctx.now(),
  )
  return { id: result.id, status: result.status }
}
