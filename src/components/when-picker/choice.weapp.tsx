import { Picker } from '@tarojs/components'
import type { ChoicePickerProps } from './props'

/** weapp: WeChat's own selector, which its accessibility reads (see choice.tsx). */
export function ChoicePicker({ options, index, onChange, children }: ChoicePickerProps) {
  return (
    <Picker mode="selector" range={options} value={index ?? 0} onChange={(e) => onChange(Number(e.detail.value))}>
      {children}
    </Picker>
  )
}
