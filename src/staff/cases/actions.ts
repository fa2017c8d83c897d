import type { Disposition, Ledger, Satisfaction } from '../../../types/cases'
import type { ActionSpec } from '../../components/action-bar'
import { casesService } from '../../services/cases'

/** The unit-side actions of a case, in button order (the function says which are allowed now). */
export const STAFF_ACTIONS = [
  'sign',
  'resolve',
  'addNote',
  'transfer',
  'returnCase',
  'requestExtension',
  'reviewExtension',
  'supervise',
  'markDuplicate',
  'recordRevisit',
] as const
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

/** Each button of the staff detail page, for the ActionBar. */
export const STAFF_ACTION_SPECS = Object.fromEntries(
  STAFF_ACTIONS.map((a): [StaffAction, ActionSpec] => [
    a,
    {
      label: STAFF_ACTION_LABELS[a],
      confirm: CONFIRM_TEXT[a],
      form: needsForm(a) ? { title: STAFF_ACTION_LABELS[a], submit: `确定${STAFF_ACTION_LABELS[a]}` } : undefined,
    },
  ]),
) as Record<StaffAction, ActionSpec>

/** What the open form holds; each action reads only its own fields. */
export interface StaffForm {
  text: string
  staffOnly: boolean
  unitKeyword: string
  toUnitId: string | null
  days: string
  approve: boolean
  disposition: Disposition | null
  ledger: Ledger | null
  method: 'phone' | 'visit'
  value: Satisfaction | null
  number: string
}
export const EMPTY_FORM: StaffForm = {
  text: '',
  staffOnly: false,
  unitKeyword: '',
  toUnitId: null,
  days: '7',
  approve: true,
  disposition: null,
  ledger: null,
  method: 'phone',
  value: null,
  number: '',
}

/** Checks the form and builds the call; a string is what to tell the person instead. */
export function buildStaffCall(
  caseId: string,
  action: StaffAction,
  form: StaffForm,
): (() => Promise<unknown>) | string {
  const id = caseId
  const text = form.text.trim()
  const needText = (min = 2) => (text.length < min ? `请至少写 ${min} 个字` : null)
  switch (action) {
    case 'sign':
      return () => casesService.sign(id)
    case 'addNote':
      return needText() ?? (() => casesService.addNote({ caseId: id, text, staffOnly: form.staffOnly }))
    case 'transfer':
      if (!form.toUnitId) return '请选择转办单位'
      return needText() ?? (() => casesService.transfer({ caseId: id, toUnitId: form.toUnitId!, reason: text }))
    case 'returnCase':
      return needText() ?? (() => casesService.returnCase({ caseId: id, reason: text }))
    case 'requestExtension': {
      const days = Number(form.days)
      if (!Number.isInteger(days) || days < 1 || days > 30) return '延期天数为 1–30 天'
      return needText() ?? (() => casesService.requestExtension({ caseId: id, days, reason: text }))
    }
    case 'reviewExtension':
      return () => casesService.reviewExtension({ caseId: id, approve: form.approve, comment: text })
    case 'supervise':
      return needText() ?? (() => casesService.supervise({ caseId: id, comment: text }))
    case 'resolve':
      if (!form.disposition) return '请选择办理方式'
      if (!form.ledger) return '请选择归入哪本台账'
      return (
        needText(5) ??
        (() => casesService.resolve({ caseId: id, disposition: form.disposition!, ledger: form.ledger!, reply: text }))
      )
    case 'markDuplicate':
      if (!/^[A-Za-z]{2,4}-\d{8}-\d{4,}$/.test(form.number.trim())) return '请填写原诉求的编号，如 BL-20261122-0001'
      return () => casesService.markDuplicate({ caseId: id, duplicateOfNumber: form.number.trim().toUpperCase() })
    case 'recordRevisit':
      if (!form.value) return '请选择回访结果'
      return () => casesService.recordRevisit({ caseId: id, method: form.method, value: form.value!, comment: text })
  }
}
