import { randomUUID } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import { holdsCapabilityAt } from '../../types/policy'
import { thing } from '../../types/notifications'
import {
  DEFAULT_WISH_SETTINGS,
  STATUS_LABELS,
  WISH_LIMITS,
  transition,
  type HistoryEntry,
  type PostWishInput,
  type WishAction,
  type WishActor,
  type WishSettings,
  type WishStatus,
} from '../../types/wishes'
import { AppError } from '../core/app-error'
import { canAt, loadUnit } from '../core/authz'
import { COLLECTIONS, type RoleAssignmentDoc, type UnitDoc, type UserDoc } from '../core/collections'
import { notify, type NotifyInput } from '../core/outbox'
import { STATIONS_COLLECTION } from '../stations/service'
import { WISH_COLLECTIONS as W, type ClaimSlotsDoc, type LedgerDoc, type Tx, type TxDb, type WishDoc } from './collections'

const DAY_MS = 86_400_000

/** The Asia/Shanghai calendar date of an instant: "needed by" dates are local days. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

export function addDays(at: Date, days: number): string {
  return new Date(at.getTime() + days * DAY_MS).toISOString()
}

export async function loadSettings(db: Db, communityId: string): Promise<WishSettings> {
  const got = ((await db.collection(W.settings).doc(communityId).get()).data as Partial<WishSettings>[])[0]
  if (!got) return DEFAULT_WISH_SETTINGS
  const merged = { ...DEFAULT_WISH_SETTINGS }
  for (const key of Object.keys(DEFAULT_WISH_SETTINGS) as (keyof WishSettings)[]) {
    if (got[key] !== undefined) (merged as Record<string, unknown>)[key] = got[key]
  }
  return merged
}

export async function loadWish(db: Db, id: string): Promise<WishDoc> {
  const wish = ((await db.collection(W.wishes).doc(id).get()).data as WishDoc[])[0]
  if (!wish) throw new AppError('NOT_FOUND', '找不到这个心愿')
  return wish
}

async function requireCommunity(db: Db, id: string): Promise<UnitDoc> {
  const unit = await loadUnit(db, id)
  if (!unit || unit.kind !== 'community') throw new AppError('NOT_FOUND', '找不到该社区')
  return unit
}

/** Whether the person may act as staff on this community's wishes. */
export function isWishStaff(assignments: readonly RoleAssignmentDoc[], community: UnitDoc): boolean {
  return canAt(assignments, 'wishes.review', community)
}

/** An approved volunteer is one the community itself approved: the role is bound to it. */
export function isVolunteerOf(assignments: readonly RoleAssignmentDoc[], communityId: string): boolean {
  return holdsCapabilityAt(assignments, 'wishes.claim', [communityId])
}

/** The caller's standings towards a wish, for the state machine. */
export function standings(wish: WishDoc, openid: string, assignments: readonly RoleAssignmentDoc[], community: UnitDoc): WishActor[] {
  const actors: WishActor[] = []
  if (wish.wisherId === openid) actors.push('wisher')
  if (wish.claimerId === openid) actors.push('claimer')
  if (isVolunteerOf(assignments, wish.communityId)) actors.push('volunteer')
  if (isWishStaff(assignments, community)) actors.push('staff')
  return actors.length > 0 ? actors : ['other']
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

function refuse(action: WishAction, code: 'FORBIDDEN' | 'CONFLICT'): AppError {
  if (code === 'FORBIDDEN') return new AppError('FORBIDDEN', FORBIDDEN_MESSAGES[action] ?? '您没有办理此事的权限')
  return new AppError('CONFLICT', CONFLICT_MESSAGES[action] ?? '心愿的状态刚刚有了变化，请刷新后再看')
}

function historyEntry(action: HistoryEntry['action'], by: HistoryEntry['by'], status: WishStatus, note: string | null, at: string): HistoryEntry {
  return { action, by, status, note, at }
}

/**
 * An outbox record about one wish, deduplicated per event and person: the event is the
 * wish version a transition wrote, or for a claim `claim@<claimedAt>` (the claim's own
 * update cannot know the version it produced, and its notices may be queued later by the sweep).
 */
export function wishNotice(wish: Pick<WishDoc, '_id' | 'text'>, event: number | string, openid: string, title: string, body: string): NotifyInput {
  return {
    dedupeKey: `wish:${wish._id}:${event}:${openid}`,
    openid,
    title,
    body,
    link: `/pages/wishes/detail?id=${encodeURIComponent(wish._id)}`,
    template: { kind: 'wishStatus', data: { wish: wish.text, status: title.slice(0, 5) } },
  }
}

/** Who is told about a community's review queue and digests. */
export async function staffOpenids(db: Db, communityId: string): Promise<string[]> {
  const res = await db
    .collection(COLLECTIONS.roleAssignments)
    .where({ unitId: communityId, role: db.command.in(['community_staff', 'community_secretary']) })
    .limit(100)
    .get()
  return [...new Set((res.data as RoleAssignmentDoc[]).map((a) => a.openid))]
}

async function resolveCommunity(db: Db, input: PostWishInput, user: UserDoc): Promise<{ community: UnitDoc; stationId: string | null }> {
  let stationUnit: string | null = null
  if (input.stationId) {
    const station = ((await db.collection(STATIONS_COLLECTION).doc(input.stationId).get()).data as { unitId: string }[])[0]
    if (!station) throw new AppError('NOT_FOUND', '找不到该驿站')
    stationUnit = station.unitId
  }
  // A station run by a community posts to it; a square station under a street posts to
  // the wisher's own community, whose volunteers will do the work.
  const unitOfStation = stationUnit ? await loadUnit(db, stationUnit) : null
  const communityId = input.communityId ?? (unitOfStation?.kind === 'community' ? unitOfStation._id : null) ?? user.communityId
  if (!communityId) throw new AppError('BAD_REQUEST', '请先在"我的"里选择所在社区，或在驿站页面发布心愿')
  return { community: await requireCommunity(db, communityId), stationId: input.stationId ?? null }
}

export interface PostContext {
  db: Db
  user: UserDoc
  now: Date
  check(text: string): Promise<'pass' | 'review' | 'risky'>
}

/**
 * Posts a wish: content security first (risky is refused and nothing is stored), then
 * onto the review queue, or straight onto the wall when the text passed and the community
 * has turned review off.
 */
export async function postWish(ctx: PostContext, input: PostWishInput): Promise<{ id: string; status: WishStatus }> {
  const { db, user, now } = ctx
  if (!user.phone) throw new AppError('BAD_REQUEST', '请先在"我的 → 个人信息"里填写手机号，志愿者认领后要联系您')
  const today = shanghaiDate(now)
  const latest = shanghaiDate(new Date(now.getTime() + WISH_LIMITS.neededByMaxDays * DAY_MS))
  if (input.neededBy < today || input.neededBy > latest) {
    throw new AppError('BAD_REQUEST', `需要日期应在今天到 ${WISH_LIMITS.neededByMaxDays} 天之内`, {
      issues: [{ path: ['neededBy'], message: `请选择今天到 ${latest} 之间的日期` }],
    })
  }
  const { community, stationId } = await resolveCommunity(db, input, user)
  const verdict = await ctx.check(input.text)
  if (verdict === 'risky') {
    throw new AppError('BAD_REQUEST', '心愿内容含有不适宜公开的信息，无法发布，请修改后再试', {
      issues: [{ path: ['text'], message: '内容未通过安全检查' }],
    })
  }
  const settings = await loadSettings(db, community._id)
  const status: WishStatus = verdict === 'review' || settings.reviewRequired ? 'pending_review' : 'open'
  const at = now.toISOString()
  const id = `w-${randomUUID()}`
  const wish: WishDoc = {
    _id: id,
    communityId: community._id,
    stationId,
    wisherId: user._id,
    wisherName: user.name ?? '居民',
    wisherPhone: user.phone,
    text: input.text,
    category: input.category,
    photos: input.photos ?? [],
    neededBy: input.neededBy,
    status,
    contentVerdict: verdict,
    claimerId: null,
    claimedAt: null,
    claimDeadline: null,
    claimNoticeDueAt: null,
    fulfilNote: null,
    fulfilPhotos: [],
    fulfilledAt: null,
    autoConfirmAt: null,
    confirmedAt: null,
    disputeReason: null,
    rejectReason: null,
    hideReason: null,
    thanks: null,
    openedAt: status === 'open' ? at : null,
    digestId: null,
    history: [historyEntry('post', 'wisher', status, verdict === 'review' ? '内容需人工复核' : null, at)],
    version: 1,
    createdAt: at,
    updatedAt: at,
  }
  const staff = status === 'pending_review' ? await staffOpenids(db, community._id) : []
  await (db as TxDb).runTransaction(async (tx) => {
    const { _id, ...rest } = wish
    await tx.collection(W.wishes).doc(_id).set(rest)
    for (const openid of staff) {
      await notify(tx, wishNotice(wish, 1, openid, '新心愿待审核', `${community.name}有一个新的微心愿等待审核：${thing(wish.text)}`), now)
    }
  })
  return { id, status }
}

export interface ActorContext {
  db: Db
  openid: string
  assignments: readonly RoleAssignmentDoc[]
  now: Date
}

/** What one transition changes and whom it tells, given the wish as it was. */
export interface TransitionSpec {
  action: WishAction
  by: HistoryEntry['by']
  note?: string | null
  patch?(wish: WishDoc, at: Date): Partial<WishDoc>
  notices?(wish: WishDoc, version: number): NotifyInput[]
  /** More writes in the same transaction (the ledger on confirmation, claim slots). */
  also?(tx: Tx, wish: WishDoc, at: Date): Promise<void>
}

/**
 * One transition as one transaction: re-read the wish, ask the state machine, write the
 * change with its history entry, the extra writes and the notifications together. A
 * concurrent change makes the transaction retry and then see the new status.
 */
export async function applyTransition(
  db: Db,
  id: string,
  actorsOf: (wish: WishDoc) => WishActor[],
  spec: TransitionSpec,
  now: Date,
): Promise<{ id: string; status: WishStatus; wish: WishDoc }> {
  const _ = db.command
  return (db as TxDb).runTransaction(async (tx) => {
    const wish = ((await tx.collection(W.wishes).doc(id).get()) as { data: WishDoc | null }).data
    if (!wish) throw new AppError('NOT_FOUND', '找不到这个心愿')
    const result = transition(wish.status, spec.action, actorsOf(wish))
    if (!result.ok) throw refuse(spec.action, result.code)
    const version = wish.version + 1
    const at = now.toISOString()
    await tx
      .collection(W.wishes)
      .doc(id)
      .update({
        ...(spec.patch?.(wish, now) ?? {}),
        status: result.to,
        version,
        updatedAt: at,
        history: _.push([historyEntry(spec.action, spec.by, result.to, spec.note ?? null, at)]),
      })
    await spec.also?.(tx, wish, now)
    for (const notice of spec.notices?.(wish, version) ?? []) await notify(tx, notice, now)
    return { id, status: result.to, wish }
  })
}

/** Loads the wish and the caller's standings for a person's transition. */
export async function personTransition(ctx: ActorContext, id: string, spec: TransitionSpec) {
  const wish = await loadWish(ctx.db, id)
  const community = await requireCommunity(ctx.db, wish.communityId)
  const { wish: _before, ...result } = await applyTransition(
    ctx.db,
    id,
    (current) => standings(current, ctx.openid, ctx.assignments, community),
    spec,
    ctx.now,
  )
  return result
}

/** Frees one of the claimer's open-claim slots; inside the transition that ends the claim. */
async function freeSlot(tx: Tx, openid: string): Promise<void> {
  const slots = ((await tx.collection(W.claimSlots).doc(openid).get()) as { data: ClaimSlotsDoc | null }).data
  if (slots && slots.open > 0) await tx.collection(W.claimSlots).doc(openid).update({ open: slots.open - 1 })
}

/**
 * Reserves an open-claim slot with a conditional update, so a volunteer tapping several
 * wishes at once cannot pass the limit. Returns false at the limit.
 */
async function reserveSlot(db: Db, openid: string, limit: number): Promise<boolean> {
  const _ = db.command
  const tryTake = async () =>
    ((await db.collection(W.claimSlots).where({ _id: openid, open: _.lt(limit) }).update({ open: _.inc(1) })) as { updated: number }).updated === 1
  if (await tryTake()) return true
  const exists = ((await db.collection(W.claimSlots).doc(openid).get()).data as ClaimSlotsDoc[]).length > 0
  if (exists) return false
  await (db as TxDb).runTransaction(async (tx) => {
    const got = ((await tx.collection(W.claimSlots).doc(openid).get()) as { data: ClaimSlotsDoc | null }).data
    if (!got) await tx.collection(W.claimSlots).doc(openid).set({ open: 0 })
  })
  return tryTake()
}

/**
 * Decides a claim. Exactly one of many simultaneous claims wins: the claim is a conditional
 * single-document update `where({_id, status: 'open'})`, atomic in CloudBase and in the
 * embedded database; everyone else gets CONFLICT. The same update marks the claim's notices
 * as due (`claimNoticeDueAt`), so the notices cannot be lost once the claim is won.
 */
export async function takeClaim(ctx: ActorContext, id: string): Promise<{ claimedAt: string; claimDeadline: string }> {
  const { db, openid, now } = ctx
  const _ = db.command
  const wish = await loadWish(db, id)
  const community = await requireCommunity(db, wish.communityId)
  const checked = transition(wish.status, 'claim', standings(wish, openid, ctx.assignments, community))
  if (!checked.ok) throw refuse('claim', checked.code)
  const settings = await loadSettings(db, wish.communityId)
  if (!(await reserveSlot(db, openid, settings.claimLimit))) {
    throw new AppError('CONFLICT', `您手上已有 ${settings.claimLimit} 个未完成的心愿，完成或放弃后再认领新的`)
  }
  const at = now.toISOString()
  const claimDeadline = addDays(now, settings.claimDays)
  const won = (await db
    .collection(W.wishes)
    .where({ _id: id, status: 'open' })
    .update({
      status: 'claimed',
      claimerId: openid,
      claimedAt: at,
      claimDeadline,
      claimNoticeDueAt: at,
      version: _.inc(1),
      updatedAt: at,
      history: _.push([historyEntry('claim', 'volunteer', 'claimed', null, at)]),
    })) as { updated: number }
  if (won.updated !== 1) {
    await db.collection(W.claimSlots).doc(openid).update({ open: _.inc(-1) })
    throw refuse('claim', 'CONFLICT')
  }
  return { claimedAt: at, claimDeadline }
}

/**
 * Queues the notices of a won claim and clears its due mark, in one transaction; run right
 * after the claim and again by the sweep, so it is idempotent: nothing is due, or the
 * dedupe keys (per claim, not per version) make a second run add nothing. A claim that
 * already ended (released or expired before its notices went out) has told both people
 * through its own end notices; its mark is just cleared. Returns whether notices were queued.
 */
export async function queueClaimNotices(db: Db, id: string, now: Date): Promise<boolean> {
  return (db as TxDb).runTransaction(async (tx) => {
    const wish = ((await tx.collection(W.wishes).doc(id).get()) as { data: WishDoc | null }).data
    const due = wish?.claimNoticeDueAt
    if (!wish || !due) return false
    const current = wish.claimedAt === due && CLAIM_NOTICE_STATUSES.includes(wish.status) && wish.claimerId !== null && wish.claimDeadline !== null
    if (current) {
      const event = `claim@${due}`
      await notify(tx, wishNotice(wish, event, wish.wisherId, '心愿已被认领', `志愿者已认领您的心愿“${thing(wish.text)}”，会尽快与您联系`), now)
      await notify(tx, wishNotice(wish, event, wish.claimerId!, '认领成功', `请在 ${shanghaiDate(new Date(wish.claimDeadline!))} 前完成心愿“${thing(wish.text)}”`), now)
    }
    await tx.collection(W.wishes).doc(id).update({ claimNoticeDueAt: null })
    return current
  })
}

/** A claim still stands in these; hiding and releasing send their own notices instead. */
const CLAIM_NOTICE_STATUSES: readonly WishStatus[] = ['claimed', 'fulfilled', 'confirmed']

/** Claims a wish: the winning update, then its notices; only the winner gets the contact. */
export async function claimWish(ctx: ActorContext, id: string) {
  const { claimDeadline } = await takeClaim(ctx, id)
  await queueClaimNotices(ctx.db, id, ctx.now)
  const after = await loadWish(ctx.db, id)
  return { id, status: 'claimed' as const, claimDeadline, contact: { name: after.wisherName, phone: after.wisherPhone } }
}

/** The transitions people take, each as a spec for `personTransition`. */
export const specs = {
  approve: (): TransitionSpec => ({
    action: 'approve',
    by: 'staff',
    patch: (_w, at) => ({ openedAt: at.toISOString(), rejectReason: null }),
    notices: (w, v) => [wishNotice(w, v, w.wisherId, '心愿已上墙', `您的心愿“${thing(w.text)}”已通过审核，正在等待志愿者认领`)],
  }),
  reject: (reason: string): TransitionSpec => ({
    action: 'reject',
    by: 'staff',
    note: reason,
    patch: () => ({ rejectReason: reason }),
    notices: (w, v) => [wishNotice(w, v, w.wisherId, '心愿未通过', `您的心愿未通过审核：${reason}`)],
  }),
  withdraw: (): TransitionSpec => ({ action: 'withdraw', by: 'wisher' }),
  hide: (reason: string): TransitionSpec => ({
    action: 'hide',
    by: 'staff',
    note: reason,
    patch: () => ({ hideReason: reason }),
    also: async (tx, w) => {
      if (w.status === 'claimed' && w.claimerId) await freeSlot(tx, w.claimerId)
    },
    notices: (w, v) => [
      wishNotice(w, v, w.wisherId, '心愿已隐藏', `社区隐藏了您的心愿：${reason}`),
      ...(w.claimerId && (w.status === 'claimed' || w.status === 'fulfilled') ? [wishNotice(w, v, w.claimerId, '心愿已隐藏', `您认领的心愿已被社区隐藏：${reason}`)] : []),
    ],
  }),
  release: (claimer: string, reason: string | undefined): TransitionSpec => ({
    action: 'release',
    by: 'volunteer',
    note: reason ?? null,
    patch: () => ({ claimerId: null, claimedAt: null, claimDeadline: null, disputeReason: null }),
    also: (tx) => freeSlot(tx, claimer),
    notices: (w, v) => [
      wishNotice(w, v, w.wisherId, '心愿重新上墙', `志愿者放弃了认领，您的心愿“${thing(w.text)}”已回到心愿墙${reason ? `（${reason}）` : ''}`),
      wishNotice(w, v, claimer, '已放弃认领', `您已放弃认领心愿“${thing(w.text)}”`),
    ],
  }),
  fulfil: (note: string, photos: string[], autoConfirmDays: number): TransitionSpec => ({
    action: 'fulfil',
    by: 'volunteer',
    note,
    patch: (_w, at) => ({ fulfilNote: note, fulfilPhotos: photos, fulfilledAt: at.toISOString(), autoConfirmAt: addDays(at, autoConfirmDays) }),
    also: (tx, w) => freeSlot(tx, w.claimerId!),
    notices: (w, v) => [wishNotice(w, v, w.wisherId, '请确认心愿', `志愿者已完成您的心愿“${thing(w.text)}”，请确认；${autoConfirmDays} 天内未确认将自动确认`)],
  }),
  dispute: (reason: string, claimDays: number): TransitionSpec => ({
    action: 'dispute',
    by: 'wisher',
    note: reason,
    patch: (_w, at) => ({ disputeReason: reason, fulfilledAt: null, autoConfirmAt: null, claimDeadline: addDays(at, claimDays) }),
    also: async (tx, w) => {
      const slots = ((await tx.collection(W.claimSlots).doc(w.claimerId!).get()) as { data: ClaimSlotsDoc | null }).data
      await tx.collection(W.claimSlots).doc(w.claimerId!).set({ open: (slots?.open ?? 0) + 1 })
    },
    notices: (w, v) => [wishNotice(w, v, w.claimerId!, '心愿未完成', `心愿人反馈“${thing(w.text)}”尚未完成：${reason}`)],
  }),
  confirm: (settings: WishSettings, by: 'wisher' | 'system'): TransitionSpec => ({
    action: by === 'wisher' ? 'confirm' : 'autoConfirm',
    by,
    note: by === 'system' ? `${settings.autoConfirmDays} 天未确认，系统自动确认` : null,
    patch: (_w, at) => ({ confirmedAt: at.toISOString(), autoConfirmAt: null }),
    also: async (tx, w, at) => {
      const entry: Omit<LedgerDoc, '_id'> = {
        openid: w.claimerId!,
        source: 'wish',
        sourceId: w._id,
        title: `微心愿：${thing(w.text)}`,
        hours: settings.hoursPerWish,
        points: settings.pointsPerWish,
        creditedAt: at.toISOString(),
      }
      await tx.collection(W.ledger).doc(`wish:${w._id}`).set(entry)
    },
    notices: (w, v) => [
      wishNotice(w, v, w.claimerId!, '心愿已确认', `心愿“${thing(w.text)}”已确认完成，记服务时长 ${settings.hoursPerWish} 小时、积分 ${settings.pointsPerWish}`),
      ...(by === 'system' ? [wishNotice(w, v, w.wisherId, '心愿已自动确认', `您的心愿“${thing(w.text)}”已自动确认完成`)] : []),
    ],
  }),
  thank: (text: string): TransitionSpec => ({
    action: 'thank',
    by: 'wisher',
    note: text,
    patch: (w) => {
      if (w.thanks) throw new AppError('CONFLICT', '您已经留过感谢的话了')
      return { thanks: text }
    },
    notices: (w, v) => [wishNotice(w, v, w.claimerId!, '收到感谢', `心愿人对您说：${text}`)],
  }),
  expire: (): TransitionSpec => ({
    action: 'expire',
    by: 'system',
    note: '认领超时，心愿回到心愿墙',
    patch: () => ({ claimerId: null, claimedAt: null, claimDeadline: null, disputeReason: null }),
    also: (tx, w) => freeSlot(tx, w.claimerId!),
    notices: (w, v) => [
      wishNotice(w, v, w.wisherId, '心愿重新上墙', `认领超时，您的心愿“${thing(w.text)}”已回到心愿墙，等待其他志愿者认领`),
      wishNotice(w, v, w.claimerId!, '认领已超时', `您认领的心愿“${thing(w.text)}”已超过期限，已退回心愿墙`),
    ],
  }),
}

export { STATUS_LABELS }
