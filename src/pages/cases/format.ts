import type { TimelineKind } from '../../../types/cases'
import type { Category } from '../../../types/cases-routing'
import type { CaseStatus } from '../../../types/cases-labels'
import { formatTime } from '../../lib/dayjs'

export { CASE_LIMITS, DISPOSITION_LABELS, LEDGER_LABELS, SATISFACTION_LABELS } from '../../../types/cases-labels'

/** A short word per timeline step, shown before its text. */
export const TIMELINE_LABELS: Record<TimelineKind, string> = {
  submitted: '受理',
  routed: '派单',
  signed: '签收',
  note: '进展',
  transferred: '转办',
  returned: '退单',
  extension_requested: '申请延期',
  extension_reviewed: '延期审核',
  supervised: '督办',
  resolved: '办结',
  rated: '评价',
  revisited: '回访',
  reopened: '重新办理',
  duplicate: '合并',
  followed: '关注',
}

/** NutUI Tag type per status: cases waiting on someone stand out, finished ones are calm. */
export function statusTagType(
  status: CaseStatus,
  overdue = false,
): 'danger' | 'primary' | 'success' | 'default' | 'warning' {
  if (overdue && (status === 'pending_sign' || status === 'processing' || status === 'returned')) return 'danger'
  switch (status) {
    case 'pending_sign':
    case 'returned':
      return 'warning'
    case 'processing':
      return 'primary'
    case 'resolved':
    case 'closed':
      return 'success'
    default:
      return 'default'
  }
}

/** The deadline line of a card: what the unit must do by when, or that it is late. */
/** Who reads a case: staff work to the unit's deadlines; a resident wants to know when they will hear back. */
export type CaseReader = 'resident' | 'staff'

export function deadlineText(
  c: { status: CaseStatus; ackDueAt: string; handleDueAt: string; overdue: boolean },
  reader: CaseReader,
): string {
  if (reader === 'resident') {
    if (c.status !== 'pending_sign' && c.status !== 'processing' && c.status !== 'returned') return ''
    return c.overdue ? '已超过预计答复时间，正在督促办理' : `预计 ${formatTime(c.handleDueAt)} 前答复您`
  }
  if (c.status === 'pending_sign') return `${c.overdue ? '已超期 · ' : ''}应于 ${formatTime(c.ackDueAt)} 前签收`
  if (c.status === 'processing' || c.status === 'returned')
    return `${c.overdue ? '已超期 · ' : ''}应于 ${formatTime(c.handleDueAt)} 前办结`
  return ''
}

/** Counts characters as a resident sees them (an emoji is one), for the "12/500" hint. */
export function charCount(text: string): number {
  return Array.from(text.trim()).length
}

export interface CategoryGroup {
  code: string
  name: string
  leaves: Category[]
}

/** Two levels for the picker: groups in order, each with its active leaves; empty groups left out. */
export function groupCategories(items: readonly Category[]): CategoryGroup[] {
  const groups = items.filter((c) => c.parentCode === null)
  return groups
    .map((g) => ({ code: g.code, name: g.name, leaves: items.filter((c) => c.parentCode === g.code && c.active) }))
    .filter((g) => g.leaves.length > 0)
}

/**
 * One id per filled-in form, kept until the case is stored: a second tap or a retry after a
 * lost answer sends the same id, and the function answers the case it already made.
 */
export function newClientRequestId(now: number = Date.now(), random: () => number = Math.random): string {
  return `app-${now.toString(36)}-${Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0')}`
}

/** 0.875 → 87.5%; null (nothing to divide by) → —. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toString()}%`
}
