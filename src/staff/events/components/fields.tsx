import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Tappable } from '../../../components/tappable'

/** One choice of several, as tappable chips. */
export function Chips<T extends string | number>({
  options,
  value,
  onPick,
  testId,
}: {
  options: { key: T; label: string }[]
  value: T
  onPick(v: T): void
  testId: string
}) {
  return (
    <View className="event-form__chips">
      {options.map((o) => (
        <Tappable
          key={String(o.key)}
          className={`event-form__chip ${value === o.key ? 'event-form__chip--on' : ''}`}
          onTap={() => onPick(o.key)}
          testId={`${testId}-${o.key}`}
          pressed={value === o.key}
        >
          {o.label}
        </Tappable>
      ))}
    </View>
  )
}

/** A labelled field of the event form. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="event-form__field">
      <Text className="event-form__label">{label}</Text>
      {children}
    </View>
  )
}
