import { createHash } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import type { z } from 'zod'
import {
  DISPOSITION_LABELS,
  OPEN_CASE_STATUSES,
  SATISFACTION_LABELS,
  type CaseDetail,
  type CaseSummary,
  type Category,
  type ListInputSchema,
  type RateInputSchema,
  type RecordRevisitInputSchema,
  type ResolveInputSchema,
  type RoutingRule,
  type SubmitCaseInputSchema,
  type TimelineEntry,
} from '../../types/cases'
import { roleGrants, type Capability } from '../../types/policy'
import { AppError } from '../core/app-error'
import { canAnywhere, loadUnit } from '../core/authz'
import { COLLECTIONS, type RoleAssignmentDoc, type UnitDoc, type UserDoc } from '../core/collections'
import type { ActionContext } from '../core/define-function'
import { notify, type NotifyInput, type PushInput } from '../core/outbox'
import { checkOwnPhotos } from '../core/photos'
import { runTransactionWithRetry } from '../core/transaction-retry'
import { actorOf, PROXY_CAPABILITY } from './actors'
import { CASE_COLLECTIONS, SETTINGS_ID, type CaseDoc, type CaseSettingsDoc, type CategoryDoc, type RoutingRuleDoc } from './collections'
import { counterId, districtPrefix, formatCaseNumber } from './domain/case-number'
import { computeDeadlines, formatShanghaiText, isOnTime } from './domain/deadlines'
import type { Refusal } from './domain/result'
import { buildOrgIndex, route, type RoutingUnit } from './domain/routing'
import { applyRating, revisitDueAt } from './domain/satisfaction'
import { decide, type Actor, type CaseActionName } from './domain/state-machine'
import { applyFigureDeltas, figureDeltas } from './figure-counters'
import { factsOf, photoUrlsOf, toDetail, toSummary } from './views'

export type Tx = Pick<Db, 'collection'>
type TxDb = { runTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> }
/** Every cases transaction touches the day's counters: retried with backoff, not failed, under a burst. */
export const txDb = (db: Db): TxDb => ({ runTransaction: (fn) => runTransactionWithRetry(db, fn) })

export type SubmitInput = z.output<typeof SubmitCaseInputSchema>

// ---------------------------------------------------------------------------
// Loading configuration and the org tree
// ---------------------------------------------------------------------------

export async function loadCategories(db: Db): Promise<Category[]> {
  const res = await db.collection(CASE_COLLECTIONS.categories).limit(1000).get()
  return (res.data as CategoryDoc[]).map(({ _id, ...c }) => ({ ...c, code: _id })).sort((a, b) => a.order - b.order || a.code.localeCompare(b.code))
}

export async function loadCategory(db: Db, code: string): Promise<Category> {
  const doc = ((await db.collection(CASE_COLLECTIONS.categories).doc(code).get()).data as CategoryDoc[])[0]
  if (!doc || !doc.active || doc.parentCode === null) {
    throw new AppError('BAD_REQUEST', '请选择诉求类别', { issues: [{ path: ['categoryCode'], message: '没有这个诉求类别' }] })
  }
  const { _id, ...rest } = doc
  return { ...rest, code: _id }
}

export async function loadRules(db: Db): Promise<RoutingRule[]> {
  const res = await db.collection(CASE_COLLECTIONS.rules).limit(1000).get()
  return (res.data as RoutingRuleDoc[]).map(({ _id, ...r }) => ({ ...r, id: _id }))
}

export async function loadSettings(db: Db): Promise<CaseSettingsDoc> {
  const doc = ((await db.collection(CASE_COLLECTIONS.settings).doc(SETTINGS_ID).get()).data as CaseSettingsDoc[])[0]
  if (!doc) throw new AppError('INTERNAL', '诉求功能尚未配置', { cause: 'case_settings/main is missing' })
  return doc
}

/**
 * Departments are matched to categories by key: a `departmentKey` field on the unit when
 * there is one, else the last part of the id (`dept-beilin-zhujian` → `zhujian`).
 */
export function departmentKeyOf(unit: UnitDoc): string | null {
  const explicit = (unit as UnitDoc & { departmentKey?: unknown }).departmentKey
  if (typeof explicit === 'string') return explicit
  return unit.kind === 'department' ? (/^dept-[a-z0-9]+-([a-z0-9_]+)$/.exec(unit._id)?.[1] ?? null) : null
}

export function toRoutingUnit(u: UnitDoc): RoutingUnit {
  // The SDK reads a stored polygon back as its `Geo.Polygon` class; `toJSON()` gives GeoJSON.
  const raw = u.area as { toJSON?: () => unknown } | null | undefined
  const area = (typeof raw?.toJSON === 'function' ? raw.toJSON() : raw) as { type?: string; coordinates?: Array<Array<[number, number]>> } | null | undefined
  return {
    id: u._id,
    name: u.name,
    kind: u.kind,
    parentId: u.parentId,
    boundary: area?.type === 'Polygon' && Array.isArray(area.coordinates) ? area.coordinates : null,
    departmentKey: departmentKeyOf(u),
    sort: u.sort,
  }
}

/** The whole org tree (a few thousand units at most: read in pages of 1000). */
export async function loadUnits(db: Db): Promise<UnitDoc[]> {
  const out: UnitDoc[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = (await db.collection(COLLECTIONS.units).skip(skip).limit(1000).get()).data as UnitDoc[]
    out.push(...page)
    if (page.length < 1000) return out
  }
}

/** The org tree as routing uses it: every unit by id, and the routing index. */
export interface OrgTree {
  byId: Map<string, UnitDoc>
  index: ReturnType<typeof buildOrgIndex>
}

/** How long a runtime keeps the org tree it read for routing. */
export const ORG_TREE_TTL_MS = 60_000

const orgTrees = new WeakMap<Db, { loadedAt: number; tree: Promise<OrgTree> }>()

/**
 * The org tree for routing a submission, read at most once a minute per database handle
 * (one per runtime: a warm cloud instance, the local host) instead of on every submit.
 * The tree changes when the administrator edits units, rarely; a new grid is routed to
 * within a minute. Concurrent submits share one read. Timed by the process's own
 * monotonic clock, not the runtime clock, which tests set at will.
 */
export function orgTreeFor(db: Db, nowMs = performance.now()): Promise<OrgTree> {
  const hit = orgTrees.get(db)
  if (hit && nowMs - hit.loadedAt < ORG_TREE_TTL_MS) return hit.tree
  const tree = loadUnits(db).then((units) => ({ byId: new Map(units.map((u) => [u._id, u])), index: buildOrgIndex(units.map(toRoutingUnit)) }))
  orgTrees.set(db, { loadedAt: nowMs, tree })
  tree.catch(() => orgTrees.delete(db))
  return tree
}

/**
 * A proxy may name the petitioner's account only for a resident bound to a community in
 * their own area: a community at or below one of the units they hold the proxy role at,
 * or the community their grid belongs to. Otherwise anyone with the role could put a case
 * — and its notifications and rating — on any account. Without an account the proxy stays
 * the submitter and the resident is the case's contact (name and phone).
 */
async function checkPetitionerAccount(ctx: ActionContext, org: OrgTree, proxyCapability: Capability, openid: string): Promise<void> {
  const resident = ((await ctx.rt.db.collection(COLLECTIONS.users).doc(openid).get()).data as UserDoc[])[0]
  if (!resident) {
    throw new AppError('BAD_REQUEST', '找不到这位居民的账号', { issues: [{ path: ['onBehalfOf', 'openid'], message: '该居民尚未使用小程序，请只填写姓名和电话' }] })
  }
  const community = resident.communityId ? org.byId.get(resident.communityId) : undefined
  const mine = ctx.assignments.filter((a) => roleGrants(a.role, proxyCapability)).map((a) => a.unitId)
  const inArea =
    !!community &&
    mine.some((unitId) => unitId === community._id || community.ancestors.includes(unitId) || !!org.byId.get(unitId)?.ancestors.includes(community._id))
  if (!inArea) throw new AppError('FORBIDDEN', '只能为本辖区的居民代为登记诉求')
}

/** Openids of the staff who handle cases at exactly this unit (whom a new case is announced to). */
export async function staffOf(db: Db, unitId: string): Promise<string[]> {
  const res = await db.collection(COLLECTIONS.roleAssignments).where({ unitId }).limit(100).get()
  // An admin's authority covers the unit, but they are not on its handling roster.
  const handlers = (res.data as RoleAssignmentDoc[]).filter((a) => a.role !== 'admin' && roleGrants(a.role, 'cases.handle'))
  return [...new Set(handlers.map((a) => a.openid))]
}

// ---------------------------------------------------------------------------
// Submit
// ---------------------------------------------------------------------------

/** The case id: one per submitter and client request id, so a retry finds the first case. */
export function caseIdFor(submittedBy: string, clientRequestId: string): string {
  return createHash('sha256').update(`${submittedBy}\n${clientRequestId}`).digest('hex').slice(0, 32)
}

export const entry = (at: Date, kind: TimelineEntry['kind'], text: string, extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  at: at.toISOString(),
  kind,
  text,
  staffOnly: false,
  ...extra,
})

const caseLink = (id: string) => `/pages/cases/detail?id=${id}`

/**
 * The petitioner hears of every step in the inbox, and by subscribe message when they
 * granted it: 诉求受理 when it is routed, 办结待评价 when it is resolved, 办理进度 for the
 * steps between — number, category or step, and the step in a few characters
 * (`诉求已签收` → 已签收; every field is cut to WeChat's limits when sent).
 */
export function petitionerNotice(doc: CaseDoc, event: string, title: string, body: string): NotifyInput[] {
  if (!doc.petitionerOpenid) return []
  const step = title.replace(/^诉求/, '').split('，')[0] ?? title
  return [
    {
      dedupeKey: `case:${doc._id}:${event}:${doc.petitionerOpenid}`,
      openid: doc.petitionerOpenid,
      title,
      body,
      link: caseLink(doc._id),
      template: casePush(doc, event, title, step),
    },
  ]
}

function casePush(doc: CaseDoc, event: string, title: string, step: string): PushInput {
  if (event === 'routed') return { kind: 'caseAccepted', data: { number: doc.number, category: doc.categoryName, status: step } }
  if (event.startsWith('resolved')) return { kind: 'caseResolved', data: { number: doc.number, reply: doc.resolution?.reply ?? title, status: '待评价' } }
  return { kind: 'caseProgress', data: { number: doc.number, step: title, status: step } }
}

/** Residents who pressed 我也遇到 hear when the case is resolved. */
export function followerNotices(doc: CaseDoc, event: string, title: string, body: string): NotifyInput[] {
  return doc.followers.map((openid) => ({ dedupeKey: `case:${doc._id}:${event}:${openid}`, openid, title, body, link: caseLink(doc._id) }))
}

export function staffNotices(doc: CaseDoc, staff: string[], event: string, title: string, body: string): NotifyInput[] {
  return staff.map((openid) => ({ dedupeKey: `case:${doc._id}:${event}:${openid}`, openid, title, body, link: `/staff/cases/detail?id=${doc._id}` }))
}

/**
 * 集中受理: routes, numbers and stores a new case, with its first timeline steps and the
 * notifications to the petitioner and the receiving unit, in one transaction. A repeat of
 * the same client request id answers the case already stored (`created: false`).
 */
export async function submitCase(ctx: ActionContext, input: SubmitInput): Promise<{ case: CaseDetail; created: boolean }> {
  const user = ctx.requireUser()
  const { db } = ctx.rt
  const now = ctx.now()
  const id = caseIdFor(user._id, input.clientRequestId)

  const existing = ((await db.collection(CASE_COLLECTIONS.cases).doc(id).get()).data as CaseDoc[])[0]
  if (existing) return { case: await detailFor(ctx, existing), created: false }

  const proxyCapability = input.channel === 'miniprogram' ? null : PROXY_CAPABILITY[input.channel]
  const proxy = proxyCapability !== null
  if (proxyCapability) {
    if (!canAnywhere(ctx.assignments, proxyCapability)) throw new AppError('FORBIDDEN', '您没有代为登记诉求的权限')
    if (!input.onBehalfOf) {
      throw new AppError('BAD_REQUEST', '请填写诉求人姓名和电话', { issues: [{ path: ['onBehalfOf'], message: '代为登记时须填写诉求人姓名和电话' }] })
    }
  }
  if ((await ctx.rt.contentCheck.check(input.description, user._id)) === 'risky') {
    throw new AppError('BAD_REQUEST', '描述中含有不适宜的内容', { issues: [{ path: ['description'], message: '描述中含有不适宜的内容，请修改' }] })
  }

  await checkOwnPhotos(db, user._id, input.photos)

  const [category, rules, settings, org] = await Promise.all([loadCategory(db, input.categoryCode), loadRules(db), loadSettings(db), orgTreeFor(db)])
  if (proxyCapability && input.onBehalfOf?.openid) await checkPetitionerAccount(ctx, org, proxyCapability, input.onBehalfOf.openid)
  // Without a usable point: the petitioner's own community, or the proxy's own unit.
  const home = proxyCapability ? (ctx.assignments.find((a) => a.role !== 'admin' && roleGrants(a.role, proxyCapability))?.unitId ?? null) : user.communityId
  // "给他留言" from 为我服务: the case goes to the grid that serves the resident, wherever they stand.
  const addressed = input.addressedGridId ? org.byId.get(input.addressedGridId) : undefined
  if (input.addressedGridId && addressed?.kind !== 'grid') {
    throw new AppError('BAD_REQUEST', '留言对象无效，请从“为我服务”重新进入', { issues: [{ path: ['addressedGridId'], message: '留言对象无效' }] })
  }
  const decision = route(org.index, rules, {
    category,
    location: addressed ? null : input.location,
    homeUnitId: addressed?._id ?? home,
    channel: input.channel,
    fallbackUnitId: settings.fallbackUnitId,
  })
  // A unit added since the tree was read (a rule's fixed target, say) is read directly.
  const unit = org.byId.get(decision.unitId) ?? (await loadUnit(db, decision.unitId))
  if (!unit) throw new AppError('INTERNAL', '诉求分派失败，请稍后再试', { cause: `routed to unknown unit ${decision.unitId}` })
  const unitScope = [...unit.ancestors, unit._id]
  const districtId = unitScope.find((id) => org.byId.get(id)?.kind === 'district') ?? null
  const prefix = districtPrefix(districtId ? settings.prefixes[districtId] : null)
  const { ackDueAt, handleDueAt } = computeDeadlines(category, now)
  const staff = await staffOf(db, unit._id)
  const Geo = db.Geo as unknown as { Point: new (lng: number, lat: number) => unknown }
  // A resident entered by a proxy without an account has no messages to read: staff call them.
  const preference = proxy && !input.onBehalfOf?.openid ? 'phone' : input.contactPreference

  const created = await txDb(db).runTransaction(async (tx) => {
    const again = (await tx.collection(CASE_COLLECTIONS.cases).doc(id).get()) as { data: CaseDoc | null }
    if (again.data) return { doc: { ...again.data, _id: id }, created: false }
    const cid = counterId(prefix, now)
    const counter = (await tx.collection(CASE_COLLECTIONS.counters).doc(cid).get()) as { data: { seq: number } | null }
    const seq = (counter.data?.seq ?? 0) + 1
    await tx.collection(CASE_COLLECTIONS.counters).doc(cid).set({ seq, updatedAt: now.toISOString() })
    const number = formatCaseNumber(prefix, now, seq)
    const doc: CaseDoc = {
      _id: id,
      number,
      clientRequestId: input.clientRequestId,
      submittedBy: user._id,
      petitionerOpenid: proxy ? (input.onBehalfOf?.openid ?? null) : user._id,
      channel: input.channel,
      contact: proxy
        ? { name: input.onBehalfOf!.name, phone: input.onBehalfOf!.phone }
        : { name: input.contact.name || user.name || '', phone: preference === 'phone' ? input.contact.phone || user.phone || '' : '' },
      contactPreference: preference,
      showName: input.showName,
      categoryCode: category.code,
      categoryName: category.name,
      tier: category.tier,
      description: input.description,
      photos: input.photos,
      location: input.location ? (new Geo.Point(input.location.lng, input.location.lat) as CaseDoc['location']) : null,
      address: input.address,
      addressId: input.addressId,
      districtId,
      status: 'pending_sign',
      handlingUnitId: unit._id,
      handlingUnitName: unit.name,
      unitScope,
      route: { ruleId: decision.ruleId, reason: decision.reason, steps: decision.steps },
      submittedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      ackDueAt: ackDueAt.toISOString(),
      handleDueAt: handleDueAt.toISOString(),
      signedAt: null,
      extension: null,
      resolution: null,
      rating: null,
      previousRatings: [],
      revisitDueAt: null,
      reopenCount: 0,
      superviseCount: 0,
      duplicateOf: null,
      followers: [],
      followerCount: 0,
      ackOverdueFlaggedAt: null,
      overdueFlaggedAt: null,
      revisitTaskAt: null,
      timeline: [
        entry(now, 'submitted', `诉求已受理（${proxy ? '代为登记' : '本人提交'}），编号${number}`),
        entry(now, 'routed', `${decision.reason}，请于${formatShanghaiText(handleDueAt, now)}前办结`, { unitName: unit.name, actorRole: 'system' }),
      ],
    }
    const { _id, ...body } = doc
    await tx.collection(CASE_COLLECTIONS.cases).doc(_id).set(body)
    const notices = [
      ...petitionerNotice(doc, 'routed', '诉求已受理', `您的诉求（${number}）已交「${unit.name}」办理`),
      ...staffNotices(doc, staff, 'routed', '新诉求待签收', `${category.name}：${input.description.slice(0, 40)}，请于${formatShanghaiText(ackDueAt, now)}前签收`),
    ]
    for (const n of notices) await notify(tx, n, now)
    await applyFigureDeltas(tx, figureDeltas(null, doc), now)
    return { doc, created: true }
  })
  return { case: await detailFor(ctx, created.doc), created: created.created }
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

export async function detailFor(ctx: ActionContext, doc: CaseDoc): Promise<CaseDetail> {
  const openid = ctx.requireCaller().openid
  return toDetail(doc, actorOf(doc, openid, ctx.assignments), openid, ctx.now(), await photoUrlsOf(ctx.rt.storage, doc))
}

export async function loadCase(db: Db, id: string): Promise<CaseDoc> {
  const doc = ((await db.collection(CASE_COLLECTIONS.cases).doc(id).get()).data as CaseDoc[])[0]
  if (!doc) throw new AppError('NOT_FOUND', '找不到这件诉求')
  return doc
}

export function raise(r: Refusal): never {
  throw new AppError(r.code, r.message)
}

/** One case with its timeline, for its petitioner and the staff who may act on it; nobody else. */
export async function getCase(ctx: ActionContext, caseId: string): Promise<CaseDetail> {
  const doc = await loadCase(ctx.rt.db, caseId)
  const openid = ctx.requireCaller().openid
  const out = decide('get', factsOf(doc, openid), actorOf(doc, openid, ctx.assignments), ctx.now())
  if (!out.ok) raise(out)
  return detailFor(ctx, doc)
}

export async function myCases(ctx: ActionContext, input: z.output<typeof ListInputSchema>): Promise<{ items: CaseSummary[]; total: number }> {
  const { db } = ctx.rt
  const _ = db.command
  const where: Record<string, unknown> = { petitionerOpenid: ctx.requireCaller().openid }
  if (input.status === 'open') where.status = _.in([...OPEN_CASE_STATUSES])
  if (input.status === 'resolved') where.status = 'resolved'
  if (input.status === 'closed') where.status = _.in(['closed', 'duplicate'])
  const [page, count] = await Promise.all([
    db.collection(CASE_COLLECTIONS.cases).where(where).orderBy('submittedAt', 'desc').skip(input.skip).limit(input.limit).get(),
    db.collection(CASE_COLLECTIONS.cases).where(where).count() as Promise<{ total: number }>,
  ])
  const now = ctx.now()
  return { items: (page.data as CaseDoc[]).map((d) => toSummary(d, now)), total: count.total }
}

// ---------------------------------------------------------------------------
// Transitions
// ---------------------------------------------------------------------------

export interface Change {
  patch: Partial<Omit<CaseDoc, '_id' | 'timeline'>>
  entry: TimelineEntry
  notices: NotifyInput[]
}

/**
 * The SDK turns a nested object in `update()` into dotted `$set` paths (a merge), which
 * MongoDB refuses when the field is null (`resolution`, `extension`, `rating` start null)
 * and which would keep stale keys otherwise. `_.set()` replaces the whole value instead.
 */
function replaceWhole(db: Db, patch: Record<string, unknown>): Record<string, unknown> {
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
  return Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, isObject(v) ? db.command.set(v as object) : v]))
}

/**
 * Runs one action on a case: decides it with the state machine, then writes the change,
 * its timeline entry and its notifications in one transaction. The transaction re-reads
 * the case and refuses with CONFLICT if someone else changed it in between.
 */
export async function transition(
  ctx: ActionContext,
  caseId: string,
  action: CaseActionName,
  build: (doc: CaseDoc, actor: Actor, now: Date) => Promise<Change> | Change,
  extra: Parameters<typeof decide>[4] = {},
): Promise<CaseDetail> {
  const { db } = ctx.rt
  const openid = ctx.requireCaller().openid
  const now = ctx.now()
  const doc = await loadCase(db, caseId)
  const actor = actorOf(doc, openid, ctx.assignments)
  const out = decide(action, factsOf(doc, openid), actor, now, { reopenCount: doc.reopenCount, ...extra })
  if (!out.ok) raise(out)
  const change = await build(doc, actor, now)
  const next: CaseDoc = { ...doc, ...change.patch, status: out.next, updatedAt: now.toISOString(), timeline: [...doc.timeline, change.entry] }
  const written = await txDb(db).runTransaction(async (tx) => {
    const current = ((await tx.collection(CASE_COLLECTIONS.cases).doc(caseId).get()) as { data: CaseDoc | null }).data
    if (!current || current.status !== doc.status || current.timeline.length !== doc.timeline.length) return false
    await tx.collection(CASE_COLLECTIONS.cases).doc(caseId).update({ ...replaceWhole(db, change.patch), status: next.status, updatedAt: next.updatedAt, timeline: next.timeline })
    for (const n of change.notices) await notify(tx, n, now)
    await applyFigureDeltas(tx, figureDeltas(current, { ...current, ...change.patch, status: next.status }), now)
    return true
  })
  if (!written) throw new AppError('CONFLICT', '这件诉求刚刚有了新进展，请刷新后再试')
  // Asked afresh: after a transfer or a return the caller may no longer handle the case.
  return toDetail(next, actorOf(next, openid, ctx.assignments), openid, now, await photoUrlsOf(ctx.rt.storage, next))
}

/**
 * Free text that lands on the timeline the petitioner reads (notes, replies, reasons) goes
 * through the content check port first, as the description does at submission: WeChat
 * requires user-generated text to pass content security before others see it.
 * `[field, text]` pairs; only `risky` is refused.
 */
export async function checkPublicText(ctx: ActionContext, fields: Array<[field: string, text: string]>): Promise<void> {
  const openid = ctx.requireCaller().openid
  for (const [field, text] of fields) {
    if (!text.trim()) continue
    if ((await ctx.rt.contentCheck.check(text, openid)) === 'risky') {
      throw new AppError('BAD_REQUEST', '填写的内容中含有不适宜的文字，请修改后再提交', { issues: [{ path: [field], message: '含有不适宜的内容，请修改' }] })
    }
  }
}

export const roleIn = (ctx: ActionContext, scope: readonly string[]) =>
  ctx.assignments.find((a) => scope.includes(a.unitId) && a.role !== 'resident' && a.role !== 'volunteer')?.role

/** 签收: the unit takes the case on; the petitioner is told who is handling it. */
export async function signCase(ctx: ActionContext, caseId: string): Promise<CaseDetail> {
  return transition(ctx, caseId, 'sign', (doc, _actor, now) => ({
    patch: { signedAt: now.toISOString() },
    entry: entry(now, 'signed', `「${doc.handlingUnitName}」已签收，正在办理`, { unitName: doc.handlingUnitName, actorRole: roleIn(ctx, doc.unitScope) }),
    notices: petitionerNotice(doc, `signed:${doc.timeline.length}`, '诉求已签收', `「${doc.handlingUnitName}」已签收您的诉求（${doc.number}）`),
  }))
}

/** 办结: disposition, reply to the petitioner and the ledger it is filed in; starts the two-week rating window. */
export async function resolveCase(ctx: ActionContext, input: z.output<typeof ResolveInputSchema>): Promise<CaseDetail> {
  return transition(ctx, input.caseId, 'resolve', async (doc, _actor, now) => {
    await checkPublicText(ctx, [['reply', input.reply]])
    return {
      patch: {
        resolution: { disposition: input.disposition, ledger: input.ledger, reply: input.reply, resolvedAt: now.toISOString(), onTime: isOnTime(now, doc.handleDueAt) },
        revisitDueAt: revisitDueAt(now).toISOString(),
      },
      entry: entry(now, 'resolved', `已办结（${DISPOSITION_LABELS[input.disposition]}）：${input.reply}`, { unitName: doc.handlingUnitName, actorRole: roleIn(ctx, doc.unitScope) }),
      // The ledger is for staff; the petitioner sees the disposition and the reply.
      notices: [
        ...petitionerNotice(doc, `resolved:${doc.timeline.length}`, '诉求已办结，请评价', `您的诉求（${doc.number}）已办结，请对办理结果进行评价`),
        ...followerNotices(doc, `resolved:${doc.timeline.length}`, '您关注的诉求已办结', `${doc.number}：${input.reply.slice(0, 40)}`),
      ],
    }
  })
}

/** The consequences of a rating, shared by the petitioner's own rating and a revisit. */
async function ratingChange(ctx: ActionContext, doc: CaseDoc, value: z.output<typeof RateInputSchema>['value'], comment: string, source: 'petitioner' | 'revisit', now: Date, text?: string): Promise<Change> {
  const outcome = applyRating(doc, value, comment, source, now)
  const kind = source === 'revisit' ? 'revisited' : 'rated'
  if (!outcome.reopen) {
    return { patch: { rating: outcome.rating }, entry: entry(now, kind, text ?? outcome.text), notices: [] }
  }
  // 不满意: back to the same unit with fresh deadlines; the rating is kept in the history.
  const category = await loadCategory(ctx.rt.db, doc.categoryCode).catch(() => ({ tier: doc.tier }))
  const { ackDueAt, handleDueAt } = computeDeadlines(category, now)
  const staff = await staffOf(ctx.rt.db, doc.handlingUnitId)
  return {
    patch: {
      rating: null,
      previousRatings: [...doc.previousRatings, outcome.rating],
      reopenCount: doc.reopenCount + 1,
      resolution: null,
      revisitDueAt: null,
      ackOverdueFlaggedAt: null,
      overdueFlaggedAt: null,
      revisitTaskAt: null,
      ackDueAt: ackDueAt.toISOString(),
      handleDueAt: handleDueAt.toISOString(),
    },
    entry: entry(now, 'reopened', text ?? outcome.text),
    notices: staffNotices(doc, staff, `reopened:${doc.timeline.length}`, '诉求被评为不满意，已重新交办', `${doc.number}：${comment || SATISFACTION_LABELS[value]}，请于${formatShanghaiText(handleDueAt, now)}前重新办结`),
  }
}

/** 一事一评 by the petitioner. */
export async function rateCase(ctx: ActionContext, input: z.output<typeof RateInputSchema>): Promise<CaseDetail> {
  return transition(ctx, input.caseId, 'rate', (doc, _actor, now) => ratingChange(ctx, doc, input.value, input.comment, 'petitioner', now), {
    satisfaction: input.value,
  })
}

/** 回访: staff record the answer they got by phone or visit once the two weeks are over. */
export async function recordRevisit(ctx: ActionContext, input: z.output<typeof RecordRevisitInputSchema>): Promise<CaseDetail> {
  const how = input.method === 'phone' ? '电话回访' : '上门回访'
  return transition(
    ctx,
    input.caseId,
    'recordRevisit',
    async (doc, _actor, now) => {
      await checkPublicText(ctx, [['comment', input.comment]])
      return ratingChange(ctx, doc, input.value, input.comment, 'revisit', now, `${how}：${SATISFACTION_LABELS[input.value]}${input.comment ? `（${input.comment}）` : ''}`)
    },
    { satisfaction: input.value },
  )
}

