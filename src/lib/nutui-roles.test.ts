import { choiceRole, nutuiRole } from './nutui-roles'

describe('nutuiRole', () => {
  it('should make a clickable cell a button', () => {
    expect(nutuiRole(['nut-cell', 'nut-cell-clickable'])).toEqual({ role: 'button', focusable: true })
  })
  it('should read a switch as on or off from its class', () => {
    expect(nutuiRole(['nut-switch', 'nut-switch-open'])).toEqual({ role: 'switch', checked: true, focusable: true })
    expect(nutuiRole(['nut-switch', 'nut-switch-close'])).toEqual({ role: 'switch', checked: false, focusable: true })
  })
  it('should make a tab strip a tab list whose titles are tabs, the active one selected', () => {
    expect(nutuiRole(['nut-tabs-titles', 'nut-tabs-titles-line'])).toEqual({ role: 'tablist', focusable: false })
    expect(nutuiRole(['nut-tabs-titles-item', 'nut-tabs-titles-item-active'])).toEqual({
      role: 'tab',
      checked: true,
      focusable: true,
    })
  })
  it('should make a cell group title a heading', () => {
    expect(nutuiRole(['nut-cell-group-title'])).toEqual({ role: 'heading', focusable: false })
  })
  it('should make an action sheet’s choices and its 取消 buttons', () => {
    expect(nutuiRole(['nut-actionsheet-item', '', ''])).toEqual({ role: 'button', focusable: true })
    expect(nutuiRole(['nut-actionsheet-cancel'])).toEqual({ role: 'button', focusable: true })
  })
  it('should make Taro’s tab bar the navigation landmark', () => {
    expect(nutuiRole(['taro-tabbar__tabbar', 'taro-tabbar__tabbar-bottom'])).toEqual({
      role: 'navigation',
      focusable: false,
    })
  })
  it('should leave a cell that is not clickable alone', () => {
    expect(nutuiRole(['nut-cell'])).toBeNull()
  })
})

describe('choiceRole', () => {
  it('should read a checked checkbox from its icon', () => {
    expect(choiceRole('checkbox', ['nut-icon', 'nut-checkbox-icon-checked'])).toEqual({
      role: 'checkbox',
      checked: true,
      focusable: true,
    })
  })
  it('should read an unchecked radio', () => {
    expect(choiceRole('radio', ['nut-icon', 'nut-radio-icon'])).toEqual({
      role: 'radio',
      checked: false,
      focusable: true,
    })
  })
})
