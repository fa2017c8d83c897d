import type { z } from 'zod'
import { SATISFACTION_LABELS, type CaseDetail } from '../../types/cases'
import type { RateInputSchema, RecordRevisitInputSchema } from '../../types/cases-contract'
import type { ActionContext } from '../core/define-function'
import type { CaseDoc } from './collections'
import { computeDeadlines, formatShanghaiText } from './domain/deadlines'
import { applyRating } from './domain/satisfaction'
import { staffNotices, staffOf } from './notices'
import { tierOf } from './settings'
import { checkPublicText, entry, transition, type Change } from './transitions'

/*
 * 一事一评 and 回访: the petitioner's rating, or the answer staff record after two weeks.
 * 不满意 sends the case back to the same unit with fresh deadlines (domain/satisfaction.ts).
 */

/** The consequences of a rating, shared by the petitioner's own rating and a revisit. */
async function ratingChange(
  ctx: ActionContext,
  doc: CaseDoc,
  value: z.output<typeof RateInputSchema>['value'],
  comment: string,
  source: 'petitioner' | 'revisit',
  now: Date,
  text?: string,
): Promise<Change> {
  const outcome = applyRating(doc, value, comment, source, now)
  const kind = source === 'revisit' ? 'revisited' : 'rated'
  if (!outcome.reopen) {
    return { patch: { rating: outcome.rating }, entry: entry(now, kind, text ?? outcome.text), notices: [] }
  }
  // 不满意: back to the same unit with fresh deadlines; the rating is kept in the history.
  const category = await tierOf(ctx.rt.db, doc.categoryCode, doc.tier)
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
    notices: staffNotices(
      doc,
      staff,
      `reopened:${doc.timeline.length}`,
      '诉求被评为不满意，已重新交办',
      `${doc.number}：${comment || SATISFACTION_LABELS[value]}，请于${formatShanghaiText(handleDueAt, now)}前重新办结`,
      {
        task: `不满意重办：${doc.categoryName}`,
        status: '重新办理',
        urgent: true,
      },
    ),
  }
}

/** 一事一评 by the petitioner. */
export async function rateCase(ctx: ActionContext, input: z.output<typeof RateInputSchema>): Promise<CaseDetail> {
  return transition(
    ctx,
    input.caseId,
    'rate',
    (doc, _actor, now) => ratingChange(ctx, doc, input.value, input.comment, 'petitioner', now),
    {
      satisfaction: input.value,
    },
  )
}

/** 回访: staff record the answer they got by phone or visit once the two weeks are over. */
export async function recordRevisit(
  ctx: ActionContext,
  input: z.output<typeof RecordRevisitInputSchema>,
): Promise<CaseDetail> {
  const how = input.method === 'phone' ? '电话回访' : '上门回访'
  return transition(
    ctx,
    input.caseId,
    'recordRevisit',
    async (doc, _actor, now) => {
      await checkPublicText(ctx, [['comment', input.comment]])
      return ratingChange(
        ctx,
        doc,
        input.value,
        input.comment,
        'revisit',
        now,
        `${how}：${SATISFACTION_LABELS[input.value]}${input.comment ? `（${input.comment}）` : ''}`,
      )
    },
    { satisfaction: input.value },
  )
}
