/*
 * The link from a notice to the 诉求 form, in the main package: the cases and notices pages
 * are separate subpackages, and a subpackage cannot load another's code.
 */

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
