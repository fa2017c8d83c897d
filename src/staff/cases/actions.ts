/** The unit-side actions of a case, in button order (the function says which are allowed now). */
export const STAFF_ACTIONS = ['sign', 'resolve', 'addNote', 'transfer', 'returnCase', 'requestExtension', 'reviewExtension', 'supervise', 'markDuplicate', 'recordRevisit'] as const
export type StaffAction = (typeof STAFF_ACTIONS)[number]

export const STAFF_ACTION_LABELS: Record<StaffAction, string> = {
  sign: '签收',
  resolve: '办结',
  addNote: '写进展',
  transfer: '转办',
  returnCase: '退单',
  requestExtension: '申请延期',
  reviewExtension: '审核延期',
  supervise: '督办',
  markDuplicate: '标记重复件',
  recordRevisit: '记录回访',
}

/**
 * Actions that hand the case on, close it or cannot be taken back: asked again before they
 * run, saying what follows.
 */
export const CONFIRM_TEXT: Partial<Record<StaffAction, string>> = {
  transfer: '转办后由对方单位重新签收，本单位将不能再办理这件诉求。确定转办吗？',
  returnCase: '退单后诉求回到派单单位重新分派，诉求人能看到退单原因。确定退单吗？',
  resolve: '办结后会通知诉求人评价，答复内容诉求人能看到。确定办结吗？',
  markDuplicate: '标记后这件诉求按重复件结案，与原诉求合并办理。确定吗？',
  recordRevisit: '回访结果会作为诉求人的评价记录，选“不满意”会重新办理。确定提交吗？',
}

/** Buttons that show a form first; `sign` runs at once. */
export function needsForm(action: StaffAction): boolean {
  return action !== 'sign'
}
