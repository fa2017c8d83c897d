import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { CaseDetail } from '../../types/cases'
import type { SubmitCaseInputSchema } from '../../types/cases-contract'
import { roleGrants, type Capability } from '../../types/policy'
import { AppError } from '../core/app-error'
import { canAnywhere, loadUnit } from '../core/authz'
import { COLLECTIONS, type UserDoc } from '../core/collections'
import { collection, geoPoint } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { notifyNew } from '../core/outbox'
import { checkOwnPhotos } from '../core/photos'
import { PROXY_CAPABILITY } from './actors'
import { CASE_COLLECTIONS, type CaseDoc, type CaseOrigin } from './collections'
import { districtPrefix } from './domain/case-number'
import { computeDeadlines, formatShanghaiText } from './domain/deadlines'
import { route } from './domain/routing'
import { figureDeltas, figureTransaction } from './figure-counters'
import { petitionerNotice, staffNotices, staffOf } from './notices'
import { nextCaseNumber } from './numbering'
import { orgTreeFor, type OrgTree } from './org-tree'
import { loadCategory, loadRules, loadSettings } from './settings'
import { detailFor, entry } from './transitions'

/*
 * 集中受理: a new case from the resident, or entered for them by a proxy (网格员代办, 热线,
 * 窗口): checked, routed, numbered and stored with its first timeline steps and notices.
 */

export type SubmitInput = z.output<typeof SubmitCaseInputSchema>

/** The case id: one per submitter and client request id, so a retry finds the first case. */
export function caseIdFor(submittedBy: string, clientRequestId: string): string {
  return createHash('sha256').update(`${submittedBy}\n${clientRequestId}`).digest('hex').slice(0, 32)
}

/**
 * A proxy may name the petitioner's account only for a resident bound to a community in
 * their own area: a community at or below one of the units they hold the proxy role at,
 * or the community their grid belongs to. Otherwise anyone with the role could put a case
 * — and its notifications and rating — on any account. Without an account the proxy stays
 * the submitter and the resident is the case's contact (name and phone).
 */
async function checkPetitionerAccount(
  ctx: ActionContext,
  org: OrgTree,
  proxyCapability: Capability,
  openid: string,
): Promise<void> {
  const resident = await collection(ctx.rt.db, COLLECTIONS.users).doc(openid).get()
  if (!resident) {
    throw new AppError('BAD_REQUEST', '找不到这位居民的账号', {
      issues: [{ path: ['onBehalfOf', 'openid'], message: '该居民尚未使用小程序，请只填写姓名和电话' }],
    })
  }
  const community = resident.communityId ? org.byId.get(resident.communityId) : undefined
  const mine = ctx.assignments.filter((a) => roleGrants(a.role, proxyCapability)).map((a) => a.unitId)
  const inArea =
    !!community &&
    mine.some(
      (unitId) =>
        unitId === community._id ||
        community.ancestors.includes(unitId) ||
        !!org.byId.get(unitId)?.ancestors.includes(community._id),
    )
  if (!inArea) throw new AppError('FORBIDDEN', '只能为本辖区的居民代为登记诉求')
}

/**
 * 集中受理: routes and numbers a new case and stores it, with its first timeline steps and the
 * notifications to the petitioner and the receiving unit, in one transaction. A repeat of
 * the same client request id answers the case already stored (`created: false`).
 *
 * The repeat is found by failing rather than by a read on every submission: the case's id
 * comes from the submitter and the request id, so storing it again fails (the transaction
 * with it), and only then is the stored case looked up — whatever else stopped the repeat
 * (a category withdrawn since, say), as a read first would have answered it too. The
 * repeat has taken a number by then, which is left unused (numbering.ts).
 */
export async function submitCase(
  ctx: ActionContext,
  input: SubmitInput,
  origin?: CaseOrigin,
): Promise<{ case: CaseDetail; created: boolean }> {
  const user = ctx.requireUser()
  const id = caseIdFor(user._id, input.clientRequestId)
  try {
    return { case: await detailFor(ctx, await storeNewCase(ctx, user, id, input, origin)), created: true }
  } catch (error) {
    const existing = await collection(ctx.rt.db, CASE_COLLECTIONS.cases).doc(id).get()
    if (existing) return { case: await detailFor(ctx, existing), created: false }
    throw error
  }
}

async function storeNewCase(
  ctx: ActionContext,
  user: UserDoc,
  id: string,
  input: SubmitInput,
  origin: CaseOrigin | undefined,
): Promise<CaseDoc> {
  const { db } = ctx.rt
  const now = ctx.now()
  const proxyCapability = input.channel === 'miniprogram' ? null : PROXY_CAPABILITY[input.channel]
  const proxy = proxyCapability !== null
  if (proxyCapability) {
    if (!canAnywhere(ctx.assignments, proxyCapability)) throw new AppError('FORBIDDEN', '您没有代为登记诉求的权限')
    if (!input.onBehalfOf) {
      throw new AppError('BAD_REQUEST', '请填写诉求人姓名和电话', {
        issues: [{ path: ['onBehalfOf'], message: '代为登记时须填写诉求人姓名和电话' }],
      })
    }
  }
  if ((await ctx.rt.contentCheck.check(input.description, user._id)) === 'risky') {
    throw new AppError('BAD_REQUEST', '描述中含有不适宜的内容', {
      issues: [{ path: ['description'], message: '描述中含有不适宜的内容，请修改' }],
    })
  }

  await checkOwnPhotos(db, user._id, input.photos)

  const [category, rules, settings, org] = await Promise.all([
    loadCategory(db, input.categoryCode),
    loadRules(db),
    loadSettings(db),
    orgTreeFor(db),
  ])
  if (proxyCapability && input.onBehalfOf?.openid)
    await checkPetitionerAccount(ctx, org, proxyCapability, input.onBehalfOf.openid)
  // "给他留言" from 为我服务: the case goes to the grid that serves the resident, wherever they stand.
  const addressed = input.addressedGridId ? org.byId.get(input.addressedGridId) : undefined
  if (input.addressedGridId && addressed?.kind !== 'grid') {
    throw new AppError('BAD_REQUEST', '留言对象无效，请从“为我服务”重新进入', {
      issues: [{ path: ['addressedGridId'], message: '留言对象无效' }],
    })
  }
  // Without a usable point: the petitioner's own community, or the proxy's own unit.
  const home = proxyCapability
    ? (ctx.assignments.find((a) => a.role !== 'admin' && roleGrants(a.role, proxyCapability))?.unitId ?? null)
    : user.communityId
  const decision = route(org.index, rules, {
    category,
    location: addressed ? null : input.location,
    homeUnitId: addressed?._id ?? home,
    channel: input.channel,
    fallbackUnitId: settings.fallbackUnitId,
  })
  // A unit added since the tree was read (a rule's fixed target, say) is read directly.
  const unit = org.byId.get(decision.unitId) ?? (await loadUnit(db, decision.unitId))
  if (!unit)
    throw new AppError('INTERNAL', '诉求分派失败，请稍后再试', { cause: `routed to unknown unit ${decision.unitId}` })
  const unitScope = [...unit.ancestors, unit._id]
  const districtId = unitScope.find((id) => org.byId.get(id)?.kind === 'district') ?? null
  const prefix = districtPrefix(districtId ? settings.prefixes[districtId] : null)
  const { ackDueAt, handleDueAt } = computeDeadlines(category, now)
  const staff = await staffOf(db, unit._id)
  // A resident entered by a proxy without an account has no messages to read: staff call them.
  const preference = proxy && !input.onBehalfOf?.openid ? 'phone' : input.contactPreference
  // Taken last, once the submission has passed every check, and outside the transaction (numbering.ts).
  const number = await nextCaseNumber(db, prefix, now)

  return figureTransaction(db, now, async (tx, moveFigures) => {
    const doc: CaseDoc = {
      _id: id,
      number,
      clientRequestId: input.clientRequestId,
      submittedBy: user._id,
      petitionerOpenid: proxy ? (input.onBehalfOf?.openid ?? null) : user._id,
      channel: input.channel,
      contact: proxy
        ? { name: input.onBehalfOf!.name, phone: input.onBehalfOf!.phone }
        : {
            name: input.contact.name || user.name || '',
            phone: preference === 'phone' ? input.contact.phone || user.phone || '' : '',
          },
      contactPreference: preference,
      showName: input.showName,
      categoryCode: category.code,
      categoryName: category.name,
      tier: category.tier,
      description: input.description,
      photos: input.photos,
      location: input.location ? geoPoint(db, input.location.lng, input.location.lat) : null,
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
      ...(origin ? { origin } : {}),
      timeline: [
        entry(
          now,
          'submitted',
          `诉求已受理（${origin ? `来自活动「${origin.title}」的纪要` : proxy ? '代为登记' : '本人提交'}），编号${number}`,
        ),
        entry(now, 'routed', `${decision.reason}，请于${formatShanghaiText(handleDueAt, now)}前办结`, {
          unitName: unit.name,
          actorRole: 'system',
        }),
      ],
    }
    // Fails when the case is stored already: a repeat of the request (see submitCase).
    await tx.collection(CASE_COLLECTIONS.cases).insertMany([doc])
    const notices = [
      ...petitionerNotice(doc, 'routed', '诉求已受理', `您的诉求（${number}）已交「${unit.name}」办理`),
      ...staffNotices(
        doc,
        staff,
        'routed',
        '新诉求待签收',
        `${category.name}：${input.description.slice(0, 40)}，请于${formatShanghaiText(ackDueAt, now)}前签收`,
        {
          task: `新诉求：${category.name}`,
          status: '待签收',
        },
      ),
    ]
    await notifyNew(tx, notices, now)
    await moveFigures(figureDeltas(null, doc))
    return doc
  })
}
