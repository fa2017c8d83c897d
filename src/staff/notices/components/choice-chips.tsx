import { View } from '@tarojs/components'
import { Tappable } from '../../../components/tappable'
import './choice-chips.scss'

/** One of a few words to tap (category, priority, filter), the chosen one in red. */
export function ChoiceChips<T extends string>({
  labels,
  value,
  onChange,
  testId,
}: {
  labels: Record<T, string>
  value: T
  onChange(v: T): void
  testId: string
}) {
  return (
    <View className="choice-chips">
      {(Object.keys(labels) as T[]).map((k) => (
        <Tappable
          key={k}
          className={`choice-chips__chip ${value === k ? 'choice-chips__chip--on' : ''}`}
          testId={`${testId}-${k}`}
          onTap={() => onChange(k)}
          pressed={value === k}
        >
          {labels[k]}
        </Tappable>
      ))}
    </View>
  )
}
