import type { z } from 'zod'
import type { CaseDetail } from '../../types/cases'
import type { RequestExtensionInputSchema, ReviewExtensionInputSchema } from '../../types/cases-contract'
import type { ActionContext } from '../core/define-function'
import { checkExtension, extendDeadline, formatShanghaiText } from './domain/deadlines'
import { petitionerNotice, staffNotices, staffOf, supervisorsOf } from './notices'
import { tierOf } from './settings'
import { checkPublicText, entry, raise, roleIn, transition } from './transitions'

/*
 * 延期: the handling unit asks once for more time, and a unit above it approves or refuses.
 * Split from handling.ts (the unit's other steps on a case); both go through `transition`.
 */

/** 申请延期: once per case, at most the handling window again; the unit above reviews it. */
export async function requestExtension(
  ctx: ActionContext,
  input: z.output<typeof RequestExtensionInputSchema>,
): Promise<CaseDetail> {
  return transition(ctx, input.caseId, 'requestExtension', async (doc, _actor, now) => {
    await checkPublicText(ctx, [['reason', input.reason]])
    const category = await tierOf(ctx.rt.db, doc.categoryCode, doc.tier)
    const ok = checkExtension(category, doc.extension, input.days)
    if (!ok.ok) raise(ok)
    const supervisors = await supervisorsOf(ctx.rt.db, doc.unitScope)
    return {
      patch: {
        extension: { status: 'requested', days: input.days, reason: input.reason, requestedAt: now.toISOString() },
      },
      entry: entry(now, 'extension_requested', `申请延期${input.days}天：${input.reason}`, {
        unitName: doc.handlingUnitName,
        actorRole: roleIn(ctx, doc.unitScope),
      }),
      notices: staffNotices(
        doc,
        supervisors,
        `extension:${doc.timeline.length}`,
        '有延期申请待审核',
        `「${doc.handlingUnitName}」申请将${doc.number}延期${input.days}天：${input.reason.slice(0, 30)}`,
        {
          task: `延期申请：${doc.categoryName}`,
          status: '待审核',
        },
      ),
    }
  })
}

/** 审核延期: approval moves the handling deadline by the days asked for. */
export async function reviewExtension(
  ctx: ActionContext,
  input: z.output<typeof ReviewExtensionInputSchema>,
): Promise<CaseDetail> {
  return transition(ctx, input.caseId, 'reviewExtension', async (doc, _actor, now) => {
    await checkPublicText(ctx, [['comment', input.comment]])
    const ext = doc.extension!
    const handleDueAt = input.approve ? extendDeadline(new Date(doc.handleDueAt), ext.days) : new Date(doc.handleDueAt)
    const staff = await staffOf(ctx.rt.db, doc.handlingUnitId)
    const verdict = input.approve
      ? `同意延期${ext.days}天，办理时限延至${formatShanghaiText(handleDueAt, now)}`
      : '不同意延期，请按原时限办结'
    return {
      patch: {
        extension: {
          ...ext,
          status: input.approve ? 'approved' : 'rejected',
          reviewedAt: now.toISOString(),
          reviewComment: input.comment,
        },
        handleDueAt: handleDueAt.toISOString(),
        ...(input.approve ? { overdueFlaggedAt: null } : {}),
      },
      entry: entry(now, 'extension_reviewed', `${verdict}${input.comment ? `（${input.comment}）` : ''}`, {
        actorRole: roleIn(ctx, doc.unitScope),
      }),
      notices: [
        ...staffNotices(
          doc,
          staff,
          `extension-reviewed:${doc.timeline.length}`,
          '延期申请已审核',
          `${doc.number}：${verdict}`,
        ),
        ...(input.approve
          ? petitionerNotice(
              doc,
              `extended:${doc.timeline.length}`,
              '诉求时限已延长',
              `您的诉求（${doc.number}）办理时限延至${formatShanghaiText(handleDueAt, now)}`,
            )
          : []),
      ],
    }
  })
}
