import { Text, View } from '@tarojs/components'
import './choice-chips.scss'

/** One of a few words to tap (category, priority, filter), the chosen one in red. */
export function ChoiceChips<T extends string>({ labels, value, onChange, testId }: { labels: Record<T, string>; value: T; onChange(v: T): void; testId: string }) {
  return (
    <View className="choice-chips">
      {(Object.keys(labels) as T[]).map((k) => (
        <Text key={k} className={`choice-chips__chip ${value === k ? 'choice-chips__chip--on' : ''}`} data-testid={`${testId}-${k}`} onClick={() => onChange(k)}>
          {labels[k]}
        </Text>
      ))}
    </View>
  )
}
