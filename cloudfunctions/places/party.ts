import { maskPhone } from '../../types/mask'
import type { PartyReportView } from '../../types/places'
import { AppError } from '../core/app-error'
import { COLLECTIONS, type UserDoc } from '../core/collections'
import { collection } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { notify } from '../core/outbox'
import { keepRefs, personOf, personRef } from '../core/person-ref'
import { PLACE_COLLECTIONS, type PartyMemberDoc } from '../core/places'
import { requireCommunity, transact } from './units'

/*
 * 在职党员双报到: a party member living here reports their work unit and party organisation;
 * the community verifies it, and from then on "党员" is a fact on the person
 * (`users.partyMember`, read by events and notices through core/places.ts).
 */

function toView(doc: PartyMemberDoc, user: UserDoc | undefined, own: boolean): PartyReportView {
  return {
    ref: personRef(doc._id),
    name: user?.name ?? '（未填姓名）',
    phone: own ? (user?.phone ?? '') : maskPhone(user?.phone),
    communityId: doc.communityId,
    workUnit: doc.workUnit,
    partyOrg: doc.partyOrg,
    skills: doc.skills,
    status: doc.status,
    reportedAt: doc.reportedAt,
    verifiedAt: doc.verifiedAt,
    reason: doc.reason,
  }
}

async function loadReport(ctx: ActionContext, openid: string): Promise<PartyMemberDoc | null> {
  return collection(ctx.rt.db, PLACE_COLLECTIONS.partyMembers).doc(openid).get()
}

export async function reportParty(
  ctx: ActionContext,
  input: { workUnit: string; partyOrg: string; skills: string[] },
): Promise<PartyReportView> {
  const user = ctx.requireUser()
  const communityId = user.address?.communityId ?? user.communityId
  if (!communityId)
    throw new AppError('BAD_REQUEST', '请先选择所在社区或登记住址', {
      issues: [{ path: ['communityId'], message: '请先选择所在社区' }],
    })
  if (!user.name || !user.phone)
    throw new AppError('BAD_REQUEST', '请先在“我的资料”里填写姓名和手机号', {
      issues: [{ path: ['profile'], message: '请先填写姓名和手机号' }],
    })
  await requireCommunity(ctx.rt.db, communityId)
  const current = await loadReport(ctx, user._id)
  if (current?.status === 'verified') throw new AppError('CONFLICT', '您的党员身份已经社区核实，无需再次报到')
  const doc: PartyMemberDoc = {
    _id: user._id,
    communityId,
    workUnit: input.workUnit,
    partyOrg: input.partyOrg,
    skills: input.skills,
    status: 'pending',
    reportedAt: ctx.now().toISOString(),
    verifiedAt: null,
    verifiedBy: null,
    reason: null,
  }
  const { _id, ...rest } = doc
  await ctx.rt.db.collection(PLACE_COLLECTIONS.partyMembers).doc(_id).set(rest)
  return toView(doc, user, true)
}

export async function myPartyReport(ctx: ActionContext): Promise<PartyReportView | null> {
  const user = ctx.requireUser()
  const doc = await loadReport(ctx, user._id)
  return doc ? toView(doc, user, true) : null
}

export async function partyReports(
  ctx: ActionContext,
  input: { communityId: string; status?: PartyMemberDoc['status'] },
): Promise<PartyReportView[]> {
  await ctx.requireCapabilityAt('partyMembers.verify', input.communityId)
  const { db } = ctx.rt
  const query = { communityId: input.communityId, ...(input.status ? { status: input.status } : {}) }
  const docs = await collection(db, PLACE_COLLECTIONS.partyMembers)
    .where(query)
    .orderBy('reportedAt', 'desc')
    .limit(200)
    .get()
  const users = docs.length
    ? await collection(db, COLLECTIONS.users)
        .where({ _id: db.command.in(docs.map((d) => d._id)) })
        .limit(1000)
        .get()
    : []
  await keepRefs(db, users)
  const byId = new Map(users.map((u) => [u._id, u]))
  return docs.map((d) => toView(d, byId.get(d._id), false))
}

/**
 * Verifies or rejects a pending report (ref from `partyReports`); verifying makes "党员" a
 * fact on the person. Both are told.
 */
export async function verifyParty(
  ctx: ActionContext,
  input: { ref: string; decision: 'verify' | 'reject'; reason?: string },
): Promise<PartyReportView> {
  const person = await personOf(ctx.rt.db, input.ref, '找不到该报到记录')
  const report = await loadReport(ctx, person._id)
  if (!report) throw new AppError('NOT_FOUND', '找不到该报到记录')
  const community = await ctx.requireCapabilityAt('partyMembers.verify', report.communityId)
  const staff = ctx.requireUser()
  const now = ctx.now()
  const status = input.decision === 'verify' ? 'verified' : 'rejected'
  const patch = { status, verifiedAt: now.toISOString(), verifiedBy: staff._id, reason: input.reason ?? null } as const
  const done = await transact(ctx.rt.db, async (tx) => {
    const current = await tx.collection(PLACE_COLLECTIONS.partyMembers).doc(report._id).get()
    if (current?.status !== 'pending' || current.reportedAt !== report.reportedAt) return false
    await tx.collection(PLACE_COLLECTIONS.partyMembers).doc(report._id).update(patch)
    if (status === 'verified') await tx.collection(COLLECTIONS.users).doc(report._id).update({ partyMember: true })
    await notify(
      tx,
      {
        dedupeKey: `party:${report._id}:${report.reportedAt}:${status}`,
        openid: report._id,
        title: status === 'verified' ? '双报到已核实' : '双报到未通过核实',
        body:
          status === 'verified'
            ? `${community.name}已核实您的在职党员身份，欢迎参加社区的党员活动和志愿服务。`
            : `${community.name}未能核实您的报到信息${input.reason ? `：${input.reason}` : '，请核对后重新报到。'}`,
        link: '/pages/places/party',
      },
      now,
    )
    return true
  })
  if (!done) throw new AppError('CONFLICT', '该报到已处理过了')
  const user = await collection(ctx.rt.db, COLLECTIONS.users).doc(report._id).get()
  return toView({ ...report, ...patch }, user ?? undefined, false)
}
