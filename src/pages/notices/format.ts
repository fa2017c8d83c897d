import { NOTICE_CATEGORY_LABELS, NOTICE_PRIORITY_LABELS, type NoticePriority } from '../../../types/notices-labels'

export { NOTICE_CATEGORY_LABELS, NOTICE_PRIORITY_LABELS, NOTICE_RECORDING_NOTE } from '../../../types/notices-labels'

/** The NutUI tag colour of a priority: 紧急 red, 重要 orange, 普通 grey. */
export function priorityTagType(priority: NoticePriority): 'danger' | 'warning' | 'default' {
  return priority === 'urgent' ? 'danger' : priority === 'important' ? 'warning' : 'default'
}

export function priorityLabel(priority: NoticePriority): string {
  return NOTICE_PRIORITY_LABELS[priority]
}

export function categoryLabel(category: keyof typeof NOTICE_CATEGORY_LABELS): string {
  return NOTICE_CATEGORY_LABELS[category]
}

export { caseFromNoticeUrl } from '../../lib/notice-link'
