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

/**
 * "有问题？我要反映": the 诉求 form opens with the notice named at the top of the description,
 * so the unit handling the case sees which notice it is about.
 */
export function caseFromNoticeUrl(notice: { id: string; title: string }): string {
  return `/pages/cases/submit?noticeId=${encodeURIComponent(notice.id)}&noticeTitle=${encodeURIComponent(notice.title)}`
}

/** The description the 诉求 form starts with when opened from a notice (empty otherwise). */
export function casePrefill(params: Record<string, string | undefined> | undefined): string {
  const title = params?.noticeTitle ? decodeURIComponent(params.noticeTitle) : ''
  const id = params?.noticeId ? decodeURIComponent(params.noticeId) : ''
  return title && id ? `关于社区通知《${title}》（通知编号 ${id}）：` : ''
}
