import { View } from '@tarojs/components'
import type { WhenPickerProps } from './props'
import './index.scss'

/**
 * H5: Taro's Picker is a touch wheel that neither a keyboard nor a screen reader can reach
 * (its opener and its 确定 are bare divs). The browser's own date or time field lies over what
 * the page shows instead, transparent: a tap or a click opens the browser's picker, Tab
 * reaches it (the ring is drawn around the shown value), arrows and digits change it, and a
 * screen reader reads its name and value. weapp keeps WeChat's picker (picker.weapp.tsx).
 */
export function WhenPicker({ mode, value, start, end, onChange, label, children }: WhenPickerProps) {
  return (
    <View className="when-picker">
      {children}
      <input
        className="when-picker__native"
        type={mode}
        value={value}
        min={start}
        max={end}
        aria-label={label}
        onChange={(e) => {
          // Clearing a field in the browser gives '': the page's value is never unset here.
          if (e.target.value) onChange(e.target.value)
        }}
        onClick={(e) => {
          // A desktop browser opens its picker only from its own icon; older ones lack showPicker.
          try {
            e.currentTarget.showPicker()
          } catch {
            // typing and the arrow keys still set it
          }
        }}
      />
    </View>
  )
}
