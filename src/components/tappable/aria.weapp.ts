import type { TapState } from './aria'

/**
 * weapp: WeChat names the role `aria-role` (a `role` would be ignored); the templates carry these
 * attributes since config/weapp-templates.ts adds them, so a screen reader reads 按钮/链接 and the label.
 */
export function tapAria({ role, label, pressed, expanded, disabled }: TapState) {
  return {
    'aria-role': role,
    'aria-label': label,
    'aria-pressed': pressed,
    'aria-expanded': expanded,
    'aria-disabled': disabled || undefined,
  }
}
