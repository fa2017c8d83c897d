import { View } from '@tarojs/components'
import type { ChoicePickerProps } from './props'
import './index.scss'

/**
 * H5: one choice from a list, for the same reason as WhenPicker (picker.tsx): Taro's selector
 * Picker is a touch wheel a keyboard cannot reach, so the browser's own list lies transparent
 * over what the page shows; Tab reaches it, arrows change it, a screen reader reads its name.
 * weapp keeps WeChat's selector (choice.weapp.tsx).
 */
export function ChoicePicker({ options, index, onChange, label, placeholder, children }: ChoicePickerProps) {
  return (
    <View className="when-picker">
      {children}
      <select
        className="when-picker__native"
        aria-label={label}
        value={index === null ? '' : String(index)}
        onChange={(e) => {
          if (e.target.value !== '') onChange(Number(e.target.value))
        }}
      >
        {index === null && (
          <option value="" disabled>
            {placeholder}
          </option>
        )}
        {options.map((option, i) => (
          <option key={i} value={String(i)}>
            {option}
          </option>
        ))}
      </select>
    </View>
  )
}
