import type { WishAction } from '../../../types/wishes'
import type { ActionSpec } from '../../components/action-bar'
import { askForReminders } from '../../services/subscribe'
import { wishesService } from '../../services/wishes'
import type { UploadedPhoto } from '../../services/photos'

export type PersonAction = Exclude<WishAction, 'expire' | 'autoConfirm'>

/** Button order on the page: the main action of each person first. */
export const ACTION_ORDER: PersonAction[] = [
  'claim',
  'fulfil',
  'confirm',
  'thank',
  'approve',
  'reject',
  'dispute',
  'release',
  'withdraw',
  'hide',
]

type TextAction = 'reject' | 'hide' | 'release' | 'fulfil' | 'dispute' | 'thank'

/** Actions that need a few words first: what to ask, whether it may be left empty, how long. */
const TEXT_ACTIONS: Record<TextAction, { prompt: string; optional?: boolean; max: number }> = {
  reject: { prompt: '不通过的原因（心愿人会看到）', max: 100 },
  hide: { prompt: '隐藏的原因（心愿人会看到）', max: 100 },
  release: { prompt: '放弃的原因（选填，心愿人会看到）', optional: true, max: 100 },
  fulfil: { prompt: '做了什么，例如：已上门换好灯泡', max: 200 },
  dispute: { prompt: '哪里还没有完成？会转告志愿者', max: 100 },
  thank: { prompt: '对志愿者说句话，会显示在心愿墙上', max: 100 },
}

/** The text form of an action, if it has one. */
export function textForm(action: PersonAction): { prompt: string; optional?: boolean; max: number } | undefined {
  return action in TEXT_ACTIONS ? TEXT_ACTIONS[action as TextAction] : undefined
}

const withForm = (label: string, action: TextAction): ActionSpec => ({
  label,
  form: { title: TEXT_ACTIONS[action].prompt },
})

/**
 * Each button of the detail page. The ones that change something for another person ask
 * first; the ones that need a few words open a form.
 */
export const ACTION_SPECS: Record<PersonAction, ActionSpec> = {
  approve: { label: '审核通过', confirm: '确定审核通过，让这个心愿上墙吗？' },
  reject: withForm('不通过', 'reject'),
  withdraw: { label: '撤回心愿', confirm: '撤回后心愿将从心愿墙上撤下。确定撤回吗？' },
  hide: withForm('隐藏心愿', 'hide'),
  claim: { label: '我来认领', confirm: '认领后请在期限内完成，并主动联系心愿人。确定认领吗？' },
  release: withForm('放弃认领', 'release'),
  fulfil: withForm('标记已完成', 'fulfil'),
  confirm: { label: '确认已完成', confirm: '确认志愿者已帮您实现这个心愿？确认后将为志愿者记录服务时长。' },
  dispute: withForm('还没有完成', 'dispute'),
  thank: withForm('写感谢的话', 'thank'),
}

/** A form's words are required (two characters at least) unless the form says they are optional. */
export function checkWishText(action: PersonAction, text: string): string | null {
  const form = textForm(action)
  return form && !form.optional && text.trim().length < 2 ? '请至少写 2 个字' : null
}

type Run = (id: string, text: string, photos: readonly UploadedPhoto[]) => Promise<unknown>

/** Each action's service call and what to tell the person once it is done. */
const RUNS: Record<PersonAction, [Run, string]> = {
  claim: [
    (id) => {
      // The volunteer hears when the wisher confirms; asked from the confirming tap.
      void askForReminders('wish')
      return wishesService.claim(id)
    },
    '认领成功，请尽快联系心愿人',
  ],
  approve: [(id) => wishesService.review({ wishId: id, decision: 'approve' }), '已通过'],
  reject: [(id, text) => wishesService.review({ wishId: id, decision: 'reject', reason: text }), '已处理'],
  withdraw: [(id) => wishesService.withdraw(id), '已撤回'],
  hide: [(id, text) => wishesService.hide(id, text), '已隐藏'],
  release: [(id, text) => wishesService.release(id, text || undefined), '已放弃认领'],
  fulfil: [
    (id, text, photos) => wishesService.fulfil({ wishId: id, note: text, photos: photos.map((p) => p.fileId) }),
    '已提交，等待心愿人确认',
  ],
  confirm: [(id) => wishesService.confirm(id), '已确认，谢谢您的反馈'],
  dispute: [(id, text) => wishesService.dispute(id, text), '已转告志愿者'],
  thank: [(id, text) => wishesService.thank(id, text), '感谢已送达'],
}

/** Runs one action through the service; answers what to tell the person. */
export async function runWishAction(
  id: string,
  action: PersonAction,
  text: string,
  photos: readonly UploadedPhoto[],
): Promise<string> {
  const [run, done] = RUNS[action]
  await run(id, text, photos)
  return done
}
