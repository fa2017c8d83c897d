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

export interface ChoicePickerProps {
  /** What can be chosen, in order; the answer is an index into it. */
  options: string[]
  /** The chosen index, or null while nothing is chosen. */
  index: number | null
  onChange(index: number): void
  /** Its spoken name (所属单位, 诉求类别): what is shown is only the choice. */
  label: string
  /** Spoken and listed while nothing is chosen. */
  placeholder: string
  /** What the page shows (the choice, or words while none is made). */
  children: ReactNode
}
