import { Picker } from '@tarojs/components'
import type { WhenPickerProps } from './props'

/** weapp: WeChat's own date or time picker, which its accessibility reads (see picker.tsx). */
export function WhenPicker({ mode, value, start, end, onChange, children }: WhenPickerProps) {
  return (
    <Picker mode={mode} value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      {children}
    </Picker>
  )
}
