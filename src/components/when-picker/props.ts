import type { ReactNode } from 'react'

export interface WhenPickerProps {
  mode: 'date' | 'time'
  /** `YYYY-MM-DD` or `HH:mm`. */
  value: string
  /** The earliest and latest choice, in the same form. */
  start?: string
  end?: string
  onChange(value: string): void
  /** Its spoken name (开始日期, 结束时间): what is shown is only the value. */
  label: string
  /** What the page shows (the value, or words while none is set). */
  children: ReactNode
}
