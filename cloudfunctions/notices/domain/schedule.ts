import type { Issue } from '../../../types/envelope'
import type { NoticePriority } from '../../../types/notices-labels'

/*
 * Times of a notice, checked against the server clock: a schedule is not in the past, and
 * expiry, pinning and the acknowledgement deadline come after publication. The per-unit
 * rate limit and the approval rule live here too: pure functions of "now" and the notice.
 * (Quiet hours are not here: the outbox holds every non-urgent push at drain.)
 */

/** A schedule this close to now counts as "now" (the form was filled a moment ago). */
const SCHEDULE_SLACK_MS = 60_000

export interface NoticeTimes {
  publishAt: string | null
  expiresAt: string | null
  pinnedUntil: string | null
  ackRequired: boolean
  ackDeadline: string | null
}

/** Every problem with the times of a notice, as issues on the fields (empty when all is well). */
export function checkTimes(times: NoticeTimes, now: Date): Issue[] {
  const issues: Issue[] = []
  const at = (s: string | null) => (s === null ? null : new Date(s).getTime())
  const publish = at(times.publishAt) ?? now.getTime()
  if (times.publishAt !== null && publish < now.getTime() - SCHEDULE_SLACK_MS) {
    issues.push({ path: ['publishAt'], message: '定时发布的时间已经过了，请重新选择' })
  }
  const after = (field: keyof NoticeTimes, value: string | null, message: string) => {
    const t = at(value)
    if (t !== null && t <= publish) issues.push({ path: [field], message })
  }
  after('expiresAt', times.expiresAt, '有效期截止时间必须晚于发布时间')
  after('pinnedUntil', times.pinnedUntil, '置顶截止时间必须晚于发布时间')
  after('ackDeadline', times.ackDeadline, '确认知晓的截止时间必须晚于发布时间')
  if (times.ackDeadline !== null && !times.ackRequired) {
    issues.push({ path: ['ackDeadline'], message: '未要求确认知晓，不需要填写确认截止时间' })
  }
  return issues
}

/** How many notices one unit may publish in any 24 hours (a mistaken loop must not flood residents). */
export const RATE_LIMIT = { perUnitPer24h: 10, windowMs: 24 * 3600_000 } as const

/** The moment from which published notices count against the limit. */
export function rateWindowStart(now: Date): string {
  return new Date(now.getTime() - RATE_LIMIT.windowMs).toISOString()
}

export interface ApprovalFacts {
  priority: NoticePriority
  /** Kinds of the audience units. */
  audienceKinds: readonly string[]
  /** The content check asked for a person to look at the text. */
  contentNeedsReview: boolean
}

/**
 * Why a second person must approve before it goes out, or null: 紧急 notices, notices to a
 * whole street (or district), and texts the content check sent to review.
 */
export function approvalReason(facts: ApprovalFacts): string | null {
  if (facts.priority === 'urgent') return '紧急通知须由另一位工作人员审核后发布'
  if (facts.audienceKinds.some((k) => k === 'street' || k === 'district'))
    return '面向全街道的通知须由另一位工作人员审核后发布'
  if (facts.contentNeedsReview) return '内容需人工复核，须由另一位工作人员审核后发布'
  return null
}
