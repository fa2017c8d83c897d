import type { z } from 'zod'
import { DISPOSITION_LABELS, type CaseDetail } from '../../types/cases'
import type {
  AddNoteInputSchema,
  MarkDuplicateInputSchema,
  ResolveInputSchema,
  ReturnCaseInputSchema,
  SuperviseInputSchema,
  TransferInputSchema,
} from '../../types/cases-contract'
import { AppError } from '../core/app-error'
import { canAt, loadUnit } from '../core/authz'
import type { UnitDoc } from '../core/collections'
import { collection } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { CASE_COLLECTIONS, type CaseDoc } from './collections'
import { parseCaseNumber } from './domain/case-number'
import { addDuration, formatShanghaiText, isOnTime, windowsOf } from './domain/deadlines'
import { revisitDueAt } from './domain/satisfaction'
import { followerNotices, petitionerNotice, staffNotices, staffOf } from './notices'
import { tierOf } from './settings'
import { checkPublicText, entry, roleIn, transition } from './transitions'

/*
 * The unit's handling of a case: 签收, notes, 转办, 退单, 督办, 重复件 and 办结 (延期 and its
 * review are in extension.ts). Each goes through `transition`, so the state machine decides
 * and the change, its timeline entry and its notifications are written together.
 */

const HANDLING_KINDS = new Set(['grid', 'community', 'joint_office', 'street', 'department', 'district'])

async function unitOrThrow(ctx: ActionContext, id: string): Promise<UnitDoc> {
  const unit = await loadUnit(ctx.rt.db, id)
  if (!unit || !HANDLING_KINDS.has(unit.kind)) {
    throw new AppError('BAD_REQUEST', '请选择承办单位', {
      issues: [{ path: ['toUnitId'], message: '没有这个承办单位' }],
    })
  }
  return unit
}

/** 补充说明 by the petitioner, or a note by staff (staff-only notes stay off the petitioner's timeline). */
export async function addNote(ctx: ActionContext, input: z.output<typeof AddNoteInputSchema>): Promise<CaseDetail> {
  return transition(ctx, input.caseId, 'addNote', async (doc, actor, now) => {
    if (!input.staffOnly) await checkPublicText(ctx, [['text', input.text]])
    const unitSide = actor.handler || actor.supervisor
    if (!unitSide && !actor.submitter && input.staffOnly) {
      throw new AppError('BAD_REQUEST', '内部备注仅限工作人员', {
        issues: [{ path: ['staffOnly'], message: '内部备注仅限工作人员' }],
      })
    }
    const key = `note:${doc.timeline.length}`
    // The unit's notes go to the petitioner; the petitioner's (or the proxy's) go to the unit.
    const notices = unitSide
      ? input.staffOnly
        ? []
        : petitionerNotice(doc, key, '诉求有新进展', `「${doc.handlingUnitName}」：${input.text.slice(0, 40)}`)
      : staffNotices(
          doc,
          await staffOf(ctx.rt.db, doc.handlingUnitId),
          key,
          '诉求有补充说明',
          `${doc.number}：${input.text.slice(0, 40)}`,
        )
    const text = unitSide ? input.text : `${actor.submitter ? '代办人' : '诉求人'}补充：${input.text}`
    return {
      patch: {},
      entry: entry(now, 'note', text, {
        staffOnly: input.staffOnly,
        unitName: unitSide ? doc.handlingUnitName : undefined,
        actorRole: unitSide
          ? roleIn(ctx, doc.unitScope)
          : actor.submitter
            ? roleIn(
                ctx,
                ctx.assignments.map((a) => a.unitId),
              )
            : 'resident',
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
/**
 * Routing never sends a case out of the district it is in (domain/routing.ts), so neither
 * may a transfer: the receiving unit's staff would read the resident's name and phone. Only
 * someone who also handles cases at the receiving unit (an administrator over both
 * districts, say) may send it further.
 */
function requireTransferReach(
  ctx: ActionContext,
  doc: Pick<CaseDoc, 'districtId' | 'unitScope'>,
  target: UnitDoc,
): void {
  const district = doc.districtId ?? doc.unitScope[0]
  const inDistrict = target._id === district || target.ancestors.includes(district ?? '')
  if (!inDistrict && !canAt(ctx.assignments, 'cases.handle', target)) {
    throw new AppError(
      'FORBIDDEN',
      `「${target.name}」不在本诉求所在的区，不能转办；确需跨区办理的，请联系上级管理员`,
      {
        issues: [{ path: ['toUnitId'], message: '请选择本区的承办单位' }],
      },
    )
  }
}

export async function transferCase(
  ctx: ActionContext,
  input: z.output<typeof TransferInputSchema>,
): Promise<CaseDetail> {
  const target = await unitOrThrow(ctx, input.toUnitId)
  return transition(ctx, input.caseId, 'transfer', async (doc, _actor, now) => {
    requireTransferReach(ctx, doc, target)
    await checkPublicText(ctx, [['reason', input.reason]])
    if (target._id === doc.handlingUnitId && doc.status !== 'returned') {
      throw new AppError('BAD_REQUEST', '已在该单位办理', {
        issues: [{ path: ['toUnitId'], message: '请选择另一个承办单位' }],
      })
    }
    const category = await tierOf(ctx.rt.db, doc.categoryCode, doc.tier)
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
      entry: entry(now, 'transferred', `由「${doc.handlingUnitName}」转至「${target.name}」办理：${input.reason}`, {
        unitName: doc.handlingUnitName,
        actorRole: roleIn(ctx, doc.unitScope),
      }),
      notices: [
        ...petitionerNotice(doc, key, '诉求已转办', `您的诉求（${doc.number}）已转「${target.name}」办理`),
        ...staffNotices(
          doc,
          staff,
          key,
          '转办诉求待签收',
          `${doc.categoryName}：${doc.description.slice(0, 30)}，请于${formatShanghaiText(ackDueAt, now)}前签收`,
          {
            task: `转办诉求：${doc.categoryName}`,
            status: '待签收',
          },
        ),
      ],
    }
  })
}

/** 退单: back up one level, to the unit that dispatches for this one, with the reason. */
export async function returnCase(
  ctx: ActionContext,
  input: z.output<typeof ReturnCaseInputSchema>,
): Promise<CaseDetail> {
  return transition(ctx, input.caseId, 'returnCase', async (doc, _actor, now) => {
    await checkPublicText(ctx, [['reason', input.reason]])
    const parentId = doc.unitScope.at(-2)
    if (!parentId) throw new AppError('CONFLICT', '已是最高一级，不能退单')
    const parent = await loadUnit(ctx.rt.db, parentId)
    if (!parent) throw new AppError('CONFLICT', '找不到上级单位，不能退单')
    const staff = await staffOf(ctx.rt.db, parent._id)
    return {
      patch: {
        handlingUnitId: parent._id,
        handlingUnitName: parent.name,
        unitScope: doc.unitScope.slice(0, -1),
        signedAt: null,
      },
      entry: entry(now, 'returned', `「${doc.handlingUnitName}」退单：${input.reason}，由「${parent.name}」重新分派`, {
        unitName: doc.handlingUnitName,
        actorRole: roleIn(ctx, doc.unitScope),
      }),
      notices: staffNotices(
        doc,
        staff,
        `returned:${doc.timeline.length}`,
        '有诉求被退单，请重新分派',
        `${doc.number}：${input.reason.slice(0, 40)}`,
        {
          task: `退单待分派：${doc.categoryName}`,
          status: '待分派',
        },
      ),
    }
  })
}

/** 督办 by a unit above: recorded on the timeline the petitioner reads, and sent to the unit's staff. */
export async function superviseCase(
  ctx: ActionContext,
  input: z.output<typeof SuperviseInputSchema>,
): Promise<CaseDetail> {
  return transition(ctx, input.caseId, 'supervise', async (doc, _actor, now) => {
    await checkPublicText(ctx, [['comment', input.comment]])
    return {
      patch: { superviseCount: doc.superviseCount + 1 },
      entry: entry(now, 'supervised', `督办：${input.comment}`, { actorRole: roleIn(ctx, doc.unitScope) }),
      notices: staffNotices(
        doc,
        await staffOf(ctx.rt.db, doc.handlingUnitId),
        `supervised:${doc.timeline.length}`,
        '诉求被督办',
        `${doc.number}：${input.comment.slice(0, 40)}`,
      ),
    }
  })
}

/** 重复件: merged into an earlier case, whose number the petitioner is given to follow instead. */
export async function markDuplicate(
  ctx: ActionContext,
  input: z.output<typeof MarkDuplicateInputSchema>,
): Promise<CaseDetail> {
  const parsed = parseCaseNumber(input.duplicateOfNumber)
  if (!parsed)
    throw new AppError('BAD_REQUEST', '编号格式不对', {
      issues: [{ path: ['duplicateOfNumber'], message: '编号格式应如 BL-20261122-0042' }],
    })
  const number = input.duplicateOfNumber.trim().toUpperCase()
  const [original] = await collection(ctx.rt.db, CASE_COLLECTIONS.cases).where({ number }).limit(1).get()
  if (!original) throw new AppError('NOT_FOUND', `找不到编号为${number}的诉求`)
  return transition(ctx, input.caseId, 'markDuplicate', (doc, _actor, now) => {
    if (original._id === doc._id)
      throw new AppError('BAD_REQUEST', '不能与自己重复', {
        issues: [{ path: ['duplicateOfNumber'], message: '请填写另一件诉求的编号' }],
      })
    if (original.status === 'duplicate') throw new AppError('CONFLICT', `${number}本身是重复件，请填写原诉求编号`)
    return {
      patch: { duplicateOf: number },
      entry: entry(now, 'duplicate', `与${number}反映的是同一问题，合并办理`, {
        unitName: doc.handlingUnitName,
        actorRole: roleIn(ctx, doc.unitScope),
      }),
      notices: petitionerNotice(
        doc,
        `duplicate:${doc.timeline.length}`,
        '诉求已合并办理',
        `您的诉求与${number}相同，已合并办理，可在该诉求中查看进展`,
      ),
    }
  })
}

/** 签收: the unit takes the case on; the petitioner is told who is handling it. */
export async function signCase(ctx: ActionContext, caseId: string): Promise<CaseDetail> {
  return transition(ctx, caseId, 'sign', (doc, _actor, now) => ({
    patch: { signedAt: now.toISOString() },
    entry: entry(now, 'signed', `「${doc.handlingUnitName}」已签收，正在办理`, {
      unitName: doc.handlingUnitName,
      actorRole: roleIn(ctx, doc.unitScope),
    }),
    notices: petitionerNotice(
      doc,
      `signed:${doc.timeline.length}`,
      '诉求已签收',
      `「${doc.handlingUnitName}」已签收您的诉求（${doc.number}）`,
    ),
  }))
}

/** 办结: disposition, reply to the petitioner and the ledger it is filed in; starts the two-week rating window. */
export async function resolveCase(ctx: ActionContext, input: z.output<typeof ResolveInputSchema>): Promise<CaseDetail> {
  return transition(ctx, input.caseId, 'resolve', async (doc, _actor, now) => {
    await checkPublicText(ctx, [['reply', input.reply]])
    return {
      patch: {
        resolution: {
          disposition: input.disposition,
          ledger: input.ledger,
          reply: input.reply,
          resolvedAt: now.toISOString(),
          onTime: isOnTime(now, doc.handleDueAt),
        },
        revisitDueAt: revisitDueAt(now).toISOString(),
      },
      entry: entry(now, 'resolved', `已办结（${DISPOSITION_LABELS[input.disposition]}）：${input.reply}`, {
        unitName: doc.handlingUnitName,
        actorRole: roleIn(ctx, doc.unitScope),
      }),
      // The ledger is for staff; the petitioner sees the disposition and the reply.
      notices: [
        ...petitionerNotice(
          doc,
          `resolved:${doc.timeline.length}`,
          '诉求已办结，请评价',
          `您的诉求（${doc.number}）已办结，请对办理结果进行评价`,
        ),
        ...followerNotices(
          doc,
          `resolved:${doc.timeline.length}`,
          '您关注的诉求已办结',
          `${doc.number}：${input.reply.slice(0, 40)}`,
        ),
      ],
    }
  })
}
