/**
 * NutUI React Taro draws its tappable parts — a clickable Cell, Switch, Checkbox, Radio, a
 * Tabs title, an ActionSheet's choice — and a CellGroup's title as plain <div>s with no role, so a keyboard, a switch control or a screen
 * reader cannot reach or name them. This is what each of them is, read from its classes.
 */
export interface ControlRole {
  role: 'button' | 'switch' | 'checkbox' | 'radio' | 'tab' | 'tablist' | 'heading' | 'navigation'
  /** For switch, checkbox and radio: on or off; for a tab: the shown one. */
  checked?: boolean
  /** Whether it takes keyboard focus (a tab list does not; its tabs do). */
  focusable: boolean
}

export const NUTUI_CONTROL_SELECTOR =
  '.nut-cell-clickable, .nut-switch, .nut-checkbox, .nut-radio, .nut-tabs-titles, .nut-tabs-titles-item, .nut-cell-group-title, .nut-actionsheet-item, .nut-actionsheet-cancel, .taro-tabbar__tabbar'

export function nutuiRole(classes: readonly string[]): ControlRole | null {
  const has = (c: string) => classes.includes(c)
  if (has('nut-switch')) return { role: 'switch', checked: has('nut-switch-open'), focusable: true }
  if (has('nut-tabs-titles-item')) return { role: 'tab', checked: has('nut-tabs-titles-item-active'), focusable: true }
  if (has('nut-tabs-titles')) return { role: 'tablist', focusable: false }
  // A CellGroup's title (我的社区, 社区服务) names a part of the page, like SectionTitle.
  if (has('nut-cell-group-title')) return { role: 'heading', focusable: false }
  // An ActionSheet's choices and its 取消 (staff's 分配岗位: 小区, 楼栋, 岗位, 人员).
  if (has('nut-cell-clickable') || has('nut-actionsheet-item') || has('nut-actionsheet-cancel'))
    return { role: 'button', focusable: true }
  // Taro's own tab bar (首页 / 消息 / 我的), outside every page: the app's main navigation,
  // so a screen reader can jump to it and no content is left outside a landmark.
  if (has('taro-tabbar__tabbar')) return { role: 'navigation', focusable: false }
  return null
}

/** Checkbox and radio keep their state on an inner icon: `nut-checkbox-icon-checked`, `nut-radio-icon-checked`. */
export function choiceRole(kind: 'checkbox' | 'radio', iconClasses: readonly string[]): ControlRole {
  return {
    role: kind,
    checked: iconClasses.some((c) => c.endsWith('-icon-checked') || c.endsWith('-button-active')),
    focusable: true,
  }
}
