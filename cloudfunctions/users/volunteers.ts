import type { VolunteerApplicationView } from '../../types/users'
import { AppError } from '../core/app-error'
import { communitiesServed, rosterAt } from '../core/authz'
import {
  COLLECTIONS,
  roleAssignmentId,
  type RoleAssignmentDoc,
  type UserDoc,
  type VolunteerApplicationDoc,
} from '../core/collections'
import { aggregated, collection, transaction, type Where } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { derivedId } from '../core/ids'
import { notify, type NotifyInput } from '../core/outbox'
import { requireCommunity } from './service'

/*
 * 志愿者: a resident applies to a community, its reviewers are told, and one of them approves
 * (the volunteer role follows) or rejects; the applicant hears the decision.
 */

/** An application waiting for review, to one reviewer: in the inbox and as a 待办提醒 push. */
function applicationNotice(
  id: string,
  appliedAt: string,
  communityName: string,
  applicant: string,
  openid: string,
): NotifyInput {
  return {
    // Per application round: a rejected person may apply again and is announced again.
    dedupeKey: `volunteer:${id}:${appliedAt}:applied:${openid}`,
    openid,
    title: '新的志愿者申请待审核',
    body: `${applicant}申请成为${communityName}的志愿者，请审核`,
    link: '/staff/volunteers/index',
    template: { kind: 'staffTodo', data: { task: '志愿者申请待审核', count: '1', status: '待审核' } },
  }
}

/** 待审核志愿者 across the communities the caller reviews for, those below a street included. */
export async function workload(ctx: ActionContext): Promise<{ volunteerApplications: number }> {
  const { db } = ctx.rt
  const communities = await communitiesServed(db, ctx.assignments, 'volunteers.review')
  if (communities.length === 0) return { volunteerApplications: 0 }
  return {
    volunteerApplications: await collection(db, COLLECTIONS.volunteerApplications)
      .where({ communityId: db.command.in(communities), status: 'pending' })
      .count(),
  }
}

export async function applyVolunteer(
  ctx: ActionContext,
  input: { communityId?: string; skills: string[]; note: string },
): Promise<{ id: string; status: 'pending' }> {
  const user = ctx.requireUser()
  const { db } = ctx.rt
  const communityId = input.communityId ?? user.communityId
  if (!communityId)
    throw new AppError('BAD_REQUEST', '请先选择所在社区', {
      issues: [{ path: ['communityId'], message: '请先选择所在社区' }],
    })
  if (!user.name || !user.phone)
    throw new AppError('BAD_REQUEST', '请先填写姓名和手机号', {
      issues: [{ path: ['profile'], message: '请先填写姓名和手机号' }],
    })
  const community = await requireCommunity(db, communityId)
  if (ctx.assignments.some((a) => a.role === 'volunteer' && a.unitId === communityId)) {
    throw new AppError('CONFLICT', '您已是该社区的志愿者')
  }
  if (input.note && (await ctx.rt.contentCheck.check(input.note, user._id)) === 'risky') {
    throw new AppError('BAD_REQUEST', '说明中含有不适宜的内容', {
      issues: [{ path: ['note'], message: '说明中含有不适宜的内容，请修改' }],
    })
  }
  // One pending application per person and community: the id makes a second one collide.
  const id = derivedId('volunteer-application', user._id, communityId)
  const at = ctx.now()
  const now = at.toISOString()
  const applicant = user.name
  const reviewers = await rosterAt(db, communityId, 'volunteers.review')
  const created = await transaction(db, async (tx) => {
    const existing = await tx.collection(COLLECTIONS.volunteerApplications).doc(id).get()
    if (existing?.status === 'pending') return false
    const doc: Omit<VolunteerApplicationDoc, '_id'> = {
      openid: user._id,
      communityId,
      skills: input.skills,
      note: input.note,
      status: 'pending',
      createdAt: now,
      reviewedAt: null,
      reviewedBy: null,
      reason: null,
    }
    await tx.collection(COLLECTIONS.volunteerApplications).doc(id).set(doc)
    const me = await tx.collection(COLLECTIONS.users).doc(user._id).get()
    const pendingIn = me?.volunteerPendingIn ?? []
    await tx
      .collection(COLLECTIONS.users)
      .doc(user._id)
      .update({ volunteerPendingIn: [...pendingIn.filter((c) => c !== communityId), communityId] })
    for (const openid of reviewers) await notify(tx, applicationNotice(id, now, community.name, applicant, openid), at)
    return true
  })
  if (!created) throw new AppError('CONFLICT', '您的申请正在审核中，请耐心等待')
  return { id, status: 'pending' }
}

export async function listVolunteerApplications(
  ctx: ActionContext,
  input: { communityId: string; status?: VolunteerApplicationDoc['status'] },
): Promise<VolunteerApplicationView[]> {
  await ctx.requireCapabilityAt('volunteers.review', input.communityId)
  const { db } = ctx.rt
  const query: Where<VolunteerApplicationDoc> = { communityId: input.communityId }
  if (input.status) query.status = input.status
  // The applicants come with their applications (`$lookup`), in one request rather than two.
  const apps = await aggregated<VolunteerApplicationDoc & { applicant: UserDoc[] }>(
    db
      .collection(COLLECTIONS.volunteerApplications)
      .aggregate()
      .match(query)
      .sort({ createdAt: -1 })
      .limit(200)
      .lookup({ from: COLLECTIONS.users, localField: 'openid', foreignField: '_id', as: 'applicant' }),
  )
  const byId = new Map(apps.flatMap((a) => a.applicant).map((u) => [u._id, u]))
  return apps.map((a) => ({
    id: a._id,
    communityId: a.communityId,
    // The reviewer must know whom they approve: staff see the applicant in full.
    applicantName: byId.get(a.openid)?.name ?? '未填写姓名',
    applicantPhone: byId.get(a.openid)?.phone ?? '未填写电话',
    isPartyMember: byId.get(a.openid)?.partyMember === true,
    skills: a.skills,
    note: a.note,
    status: a.status,
    createdAt: a.createdAt,
    reviewedAt: a.reviewedAt,
    reason: a.reason,
  }))
}

export async function reviewVolunteer(
  ctx: ActionContext,
  input: { applicationId: string; decision: 'approve' | 'reject'; reason?: string },
): Promise<{ id: string; status: 'approved' | 'rejected' }> {
  const { db } = ctx.rt
  const reviewer = ctx.requireUser()
  const app = await collection(db, COLLECTIONS.volunteerApplications).doc(input.applicationId).get()
  if (!app) throw new AppError('NOT_FOUND', '找不到该申请')
  const community = await ctx.requireCapabilityAt('volunteers.review', app.communityId)
  const status = input.decision === 'approve' ? 'approved' : 'rejected'
  const now = ctx.now()
  // The decision, the volunteer role and the applicant's notification are one change.
  const done = await transaction(db, async (tx) => {
    const current = await tx.collection(COLLECTIONS.volunteerApplications).doc(app._id).get()
    if (current?.status !== 'pending') return false
    await tx
      .collection(COLLECTIONS.volunteerApplications)
      .doc(app._id)
      .update({
        status,
        reviewedAt: now.toISOString(),
        reviewedBy: reviewer._id,
        reason: input.reason ?? null,
      })
    const applicant = await tx.collection(COLLECTIONS.users).doc(app.openid).get()
    await tx
      .collection(COLLECTIONS.users)
      .doc(app.openid)
      .update({ volunteerPendingIn: (applicant?.volunteerPendingIn ?? []).filter((c) => c !== app.communityId) })
    if (status === 'approved') {
      const assignment: Omit<RoleAssignmentDoc, '_id'> = {
        openid: app.openid,
        role: 'volunteer',
        unitId: app.communityId,
        createdAt: now.toISOString(),
        grantedBy: reviewer._id,
      }
      await tx
        .collection(COLLECTIONS.roleAssignments)
        .doc(roleAssignmentId(app.openid, 'volunteer', app.communityId))
        .set(assignment)
    }
    await notify(
      tx,
      {
        dedupeKey: `volunteer:${app._id}:${app.createdAt}:${status}`,
        openid: app.openid,
        title: status === 'approved' ? '志愿者申请已通过' : '志愿者申请未通过',
        body:
          status === 'approved'
            ? `您已成为${community.name}的志愿者，可以认领微心愿、参加志愿服务了。`
            : `您在${community.name}的志愿者申请未通过${input.reason ? `：${input.reason}` : '。'}`,
        link: '/pages/me/index',
      },
      now,
    )
    return true
  })
  if (!done) throw new AppError('CONFLICT', '该申请已处理过了')
  return { id: app._id, status }
}
