import type { z } from 'zod'
import type {
  AddNoteInputSchema,
  CaseDetail,
  MarkDuplicateInputSchema,
  RequestExtensionInputSchema,
  ReturnCaseInputSchema,
  ReviewExtensionInputSchema,
  SuperviseInputSchema,
  TransferInputSchema,
} from '../../types/cases'
import { AppError } from '../core/app-error'
import { COLLECTIONS, type UnitDoc } from '../core/collections'
import type { ActionContext } from '../core/define-function'
import { notify } from '../core/outbox'
import { actorOf } from './actors'
import { CASE_COLLECTIONS, type CaseDoc } from './collections'
import { parseCaseNumber } from './domain/case-number'
import { addDuration, checkExtension, extendDeadline, formatShanghaiText, windowsOf } from './domain/deadlines'
import { decide } from './domain/state-machine'
import { checkPublicText, entry, loadCase, loadCategory, petitionerNotice, raise, roleIn, staffNotices, staffOf, transition, txDb } from './service'
import { factsOf } from './views'

/*
 * The unit-side workflow beyond sign and resolve: notes, 转办, 退单, 延期, 督办, 重复件,
 * and residents following a case (我也遇到). Each goes through `transition`, so the
 * state machine decides and the change, its timeline entry and its notifications are
 * written together.
 */

const HANDLING_KINDS = new Set(['grid', 'community', 'joint_office', 'street', 'department', 'district'])

async function unitOrThrow(ctx: ActionContext, id: string): Promise<UnitDoc> {
  const unit = ((await ctx.rt.db.collection(COLLECTIONS.units).doc(id).get()).data as UnitDoc[])[0]
  if (!unit || !HANDLING_KINDS.has(unit.kind)) {
    throw new AppError('BAD_REQUEST', '请选择承办单位', { issues: [{ path: ['toUnitId'], message: '没有这个承办单位' }] })
  }
  return unit
}

/** 补充说明 by the petitioner, or a note by staff (staff-only notes stay off the petitioner's timeline). */
export async function addNote(ctx: ActionContext, input: z.output<typeof AddNoteInputSchema>): Promise<CaseDetail> {
  return transition(ctx, input.caseId, 'addNote', async (doc, actor, now) => {
    if (!input.staffOnly) await checkPublicText(ctx, [['text', input.text]])
    const unitSide = actor.handler || actor.supervisor
    if (!unitSide && !actor.submitter && input.staffOnly) {
      throw new AppError('BAD_REQUEST', '内部备注仅限工作人员', { issues: [{ path: ['staffOnly'], message: '内部备注仅限工作人员' }] })
    }
    const key = `note:${doc.timeline.length}`
    // The unit's notes go to the petitioner; the petitioner's (or the proxy's) go to the unit.
    const notices = unitSide
      ? input.staffOnly
        ? []
        : petitionerNotice(doc, key, '诉求有新进展', `「${doc.handlingUnitName}」：${input.text.slice(0, 40)}`)
      : staffNotices(doc, await staffOf(ctx.rt.db, doc.handlingUnitId), key, '诉求有补充说明', `${doc.number}：${input.text.slice(0, 40)}`)
    const text = unitSide ? input.text : `${actor.submitter ? '代办人' : '诉求人'}补充：${input.text}`
    return {
      patch: {},
      entry: entry(now, 'note', text, {
        staffOnly: input.staffOnly,
        unitName: unitSide ? doc.handlingUnitName : undefined,
        actorRole: unitSide ? roleIn(ctx, doc.unitScope) : actor.submitter ? roleIn(ctx, ctx.assignments.map((a) => a.unitId)) : 'resident',
      }),
      notices,
    }
  })
}

/**
 * 转办: to another unit, which must sign anew within its acknowledgement window; the
 * handling deadline stays (the petitioner's wait does not restart). A returned case may be
 * "transferred" to the dispatching unit itself, which then handles it.
 */
export async function transferCase(ctx: ActionContext, input: z.output<typeof TransferInputSchema>): Promise<CaseDetail> {
  const target = await unitOrThrow(ctx, input.toUnitId)
  return transition(ctx, input.caseId, 'transfer', async (doc, _actor, now) => {
    await checkPublicText(ctx, [['reason', input.reason]])
    if (target._id === doc.handlingUnitId && doc.status !== 'returned') {
      throw new AppError('BAD_REQUEST', '已在该单位办理', { issues: [{ path: ['toUnitId'], message: '请选择另一个承办单位' }] })
    }
    const category = await loadCategory(ctx.rt.db, doc.categoryCode).catch(() => ({ tier: doc.tier }))
    const ackDueAt = addDuration(now, windowsOf(category).ackWithin)
    const staff = await staffOf(ctx.rt.db, target._id)
    const key = `transferred:${doc.timeline.length}`
    return {
      patch: {
        handlingUnitId: target._id,
        handlingUnitName: target.name,
        unitScope: [...target.ancestors, target._id],
        ackDueAt: ackDueAt.toISOString(),
        ackOverdueFlaggedAt: null,
        signedAt: null,
      },
      entry: entry(now, 'transferred', `由「${doc.handlingUnitName}」转至「${target.name}」办理：${input.reason}`, { unitName: doc.handlingUnitName, actorRole: roleIn(ctx, doc.unitScope) }),
      notices: [
        ...petitionerNotice(doc, key, '诉求已转办', `您的诉求（${doc.number}）已转「${target.name}」办理`),
        ...staffNotices(doc, staff, key, '转办诉求待签收', `${doc.categoryName}：${doc.description.slice(0, 30)}，请于${formatShanghaiText(ackDueAt, now)}前签收`),
      ],
    }
  })
}

/** 退单: back up one level, to the unit that dispatches for this one, with the reason. */
export async function returnCase(ctx: ActionContext, input: z.output<typeof ReturnCaseInputSchema>): Promise<CaseDetail> {
  return transition(ctx, input.caseId, 'returnCase', async (doc, _actor, now) => {
    await checkPublicText(ctx, [['reason', input.reason]])
    const parentId = doc.unitScope.at(-2)
    if (!parentId) throw new AppError('CONFLICT', '已是最高一级，不能退单')
    const parent = ((await ctx.rt.db.collection(COLLECTIONS.units).doc(parentId).get()).data as UnitDoc[])[0]
    if (!parent) throw new AppError('CONFLICT', '找不到上级单位，不能退单')
    const staff = await staffOf(ctx.rt.db, parent._id)
    return {
      patch: { handlingUnitId: parent._id, handlingUnitName: parent.name, unitScope: doc.unitScope.slice(0, -1), signedAt: null },
      entry: entry(now, 'returned', `「${doc.handlingUnitName}」退单：${input.reason}，由「${parent.name}」重新分派`, { unitName: doc.handlingUnitName, actorRole: roleIn(ctx, doc.unitScope) }),
      notices: staffNotices(doc, staff, `returned:${doc.timeline.length}`, '有诉求被退单，请重新分派', `${doc.number}：${input.reason.slice(0, 40)}`),
    }
  })
}

/** 申请延期: once per case, at most the handling window again; the unit above reviews it. */
export async function requestExtension(ctx: ActionContext, input: z.output<typeof RequestExtensionInputSchema>): Promise<CaseDetail> {
  return transition(ctx, input.caseId, 'requestExtension', async (doc, _actor, now) => {
    await checkPublicText(ctx, [['reason', input.reason]])
    const category = await loadCategory(ctx.rt.db, doc.categoryCode).catch(() => ({ tier: doc.tier }))
    const ok = checkExtension(category, doc.extension, input.days)
    if (!ok.ok) raise(ok)
    const parentId = doc.unitScope.at(-2)
    const staff = parentId ? await staffOf(ctx.rt.db, parentId) : []
    return {
      patch: { extension: { status: 'requested', days: input.days, reason: input.reason, requestedAt: now.toISOString() } },
      entry: entry(now, 'extension_requested', `申请延期${input.days}天：${input.reason}`, { unitName: doc.handlingUnitName, actorRole: roleIn(ctx, doc.unitScope) }),
      notices: staffNotices(doc, staff, `extension:${doc.timeline.length}`, '有延期申请待审核', `${doc.number}申请延期${input.days}天`),
    }
  })
}

/** 审核延期: approval moves the handling deadline by the days asked for. */
export async function reviewExtension(ctx: ActionContext, input: z.output<typeof ReviewExtensionInputSchema>): Promise<CaseDetail> {
  return transition(ctx, input.caseId, 'reviewExtension', async (doc, _actor, now) => {
    await checkPublicText(ctx, [['comment', input.comment]])
    const ext = doc.extension!
    const handleDueAt = input.approve ? extendDeadline(new Date(doc.handleDueAt), ext.days) : new Date(doc.handleDueAt)
    const staff = await staffOf(ctx.rt.db, doc.handlingUnitId)
    const verdict = input.approve ? `同意延期${ext.days}天，办理时限延至${formatShanghaiText(handleDueAt, now)}` : '不同意延期，请按原时限办结'
    return {
      patch: {
        extension: { ...ext, status: input.approve ? 'approved' : 'rejected', reviewedAt: now.toISOString(), reviewComment: input.comment },
        handleDueAt: handleDueAt.toISOString(),
        ...(input.approve ? { overdueFlaggedAt: null } : {}),
      },
      entry: entry(now, 'extension_reviewed', `${verdict}${input.comment ? `（${input.comment}）` : ''}`, { actorRole: roleIn(ctx, doc.unitScope) }),
      notices: [
        ...staffNotices(doc, staff, `extension-reviewed:${doc.timeline.length}`, '延期申请已审核', `${doc.number}：${verdict}`),
        ...(input.approve ? petitionerNotice(doc, `extended:${doc.timeline.length}`, '诉求时限已延长', `您的诉求（${doc.number}）办理时限延至${formatShanghaiText(handleDueAt, now)}`) : []),
      ],
    }
  })
}

/** 督办 by a unit above: recorded on the timeline the petitioner reads, and sent to the unit's staff. */
export async function superviseCase(ctx: ActionContext, input: z.output<typeof SuperviseInputSchema>): Promise<CaseDetail> {
  return transition(ctx, input.caseId, 'supervise', async (doc, _actor, now) => {
    await checkPublicText(ctx, [['comment', input.comment]])
    return {
      patch: { superviseCount: doc.superviseCount + 1 },
      entry: entry(now, 'supervised', `督办：${input.comment}`, { actorRole: roleIn(ctx, doc.unitScope) }),
      notices: staffNotices(doc, await staffOf(ctx.rt.db, doc.handlingUnitId), `supervised:${doc.timeline.length}`, '诉求被督办', `${doc.number}：${input.comment.slice(0, 40)}`),
    }
  })
}

/** 重复件: merged into an earlier case, whose number the petitioner is given to follow instead. */
export async function markDuplicate(ctx: ActionContext, input: z.output<typeof MarkDuplicateInputSchema>): Promise<CaseDetail> {
  const parsed = parseCaseNumber(input.duplicateOfNumber)
  if (!parsed) throw new AppError('BAD_REQUEST', '编号格式不对', { issues: [{ path: ['duplicateOfNumber'], message: '编号格式应如 BL-20261122-0042' }] })
  const number = input.duplicateOfNumber.trim().toUpperCase()
  const original = ((await ctx.rt.db.collection(CASE_COLLECTIONS.cases).where({ number }).limit(1).get()).data as CaseDoc[])[0]
  if (!original) throw new AppError('NOT_FOUND', `找不到编号为${number}的诉求`)
  return transition(ctx, input.caseId, 'markDuplicate', (doc, _actor, now) => {
    if (original._id === doc._id) throw new AppError('BAD_REQUEST', '不能与自己重复', { issues: [{ path: ['duplicateOfNumber'], message: '请填写另一件诉求的编号' }] })
    if (original.status === 'duplicate') throw new AppError('CONFLICT', `${number}本身是重复件，请填写原诉求编号`)
    return {
      patch: { duplicateOf: number },
      entry: entry(now, 'duplicate', `与${number}反映的是同一问题，合并办理`, { unitName: doc.handlingUnitName, actorRole: roleIn(ctx, doc.unitScope) }),
      notices: petitionerNotice(doc, `duplicate:${doc.timeline.length}`, '诉求已合并办理', `您的诉求与${number}相同，已合并办理，可在该诉求中查看进展`),
    }
  })
}

/** 我也遇到: a resident follows an open case instead of submitting the same thing again. */
export async function followCase(ctx: ActionContext, caseId: string): Promise<{ followerCount: number }> {
  const openid = ctx.requireCaller().openid
  const doc = await loadCase(ctx.rt.db, caseId)
  const out = decide('follow', factsOf(doc, openid), actorOf(doc, openid, ctx.assignments), ctx.now())
  if (!out.ok) raise(out)
  const count = await txDb(ctx.rt.db).runTransaction(async (tx) => {
    const current = ((await tx.collection(CASE_COLLECTIONS.cases).doc(caseId).get()) as { data: CaseDoc | null }).data
    if (!current) return null
    if (current.followers.includes(openid)) return current.followerCount
    const followers = [...current.followers, openid]
    await tx.collection(CASE_COLLECTIONS.cases).doc(caseId).update({ followers, followerCount: followers.length })
    await notify(tx, { dedupeKey: `case:${caseId}:followed:${openid}`, openid, title: '已关注诉求', body: `${current.number}办结时会通知您`, link: `/pages/cases/detail?id=${caseId}` }, ctx.now())
    return followers.length
  })
  if (count === null) throw new AppError('NOT_FOUND', '找不到这件诉求')
  return { followerCount: count }
}
