import type { TapRole } from './keys'

export interface TapState {
  role: TapRole
  label?: string
  pressed?: boolean
  expanded?: boolean
  disabled: boolean
}

/** H5: the ARIA attributes of a real control (aria.weapp.ts is WeChat's spelling). */
export function tapAria({ role, label, pressed, expanded, disabled }: TapState) {
  return {
    role,
    'aria-label': label,
    'aria-pressed': pressed,
    'aria-expanded': expanded,
    'aria-disabled': disabled || undefined,
  }
}
