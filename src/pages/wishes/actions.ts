import type { WishAction } from '../../../types/wishes'

type PersonAction = Exclude<WishAction, 'expire' | 'autoConfirm'>

/** The button of each action a person can take on the detail page. */
export const ACTION_LABELS: Record<PersonAction, string> = {
  approve: '审核通过',
  reject: '不通过',
  withdraw: '撤回心愿',
  hide: '隐藏心愿',
  claim: '我来认领',
  release: '放弃认领',
  fulfil: '标记已完成',
  confirm: '确认已完成',
  dispute: '还没有完成',
  thank: '写感谢的话',
}

/** Actions that need a few words first, with what to ask and whether it may be left empty. */
export const TEXT_ACTIONS: Partial<Record<PersonAction, { prompt: string; optional?: boolean; max: number }>> = {
  reject: { prompt: '不通过的原因（心愿人会看到）', max: 100 },
  hide: { prompt: '隐藏的原因（心愿人会看到）', max: 100 },
  release: { prompt: '放弃的原因（选填，心愿人会看到）', optional: true, max: 100 },
  fulfil: { prompt: '做了什么，例如：已上门换好灯泡', max: 200 },
  dispute: { prompt: '哪里还没有完成？会转告志愿者', max: 100 },
  thank: { prompt: '对志愿者说句话，会显示在心愿墙上', max: 100 },
}

/** Actions that change something for another person: ask before doing them. */
export const CONFIRM_ACTIONS: Partial<Record<PersonAction, string>> = {
  claim: '认领后请在期限内完成，并主动联系心愿人。确定认领吗？',
  withdraw: '撤回后心愿将从心愿墙上撤下。确定撤回吗？',
  confirm: '确认志愿者已帮您实现这个心愿？确认后将为志愿者记录服务时长。',
  approve: '确定审核通过，让这个心愿上墙吗？',
}

/** Button order on the page: the main action of each person first. */
export const ACTION_ORDER: PersonAction[] = ['claim', 'fulfil', 'confirm', 'thank', 'approve', 'reject', 'dispute', 'release', 'withdraw', 'hide']

export function isPersonAction(a: WishAction): a is PersonAction {
  return a !== 'expire' && a !== 'autoConfirm'
}
