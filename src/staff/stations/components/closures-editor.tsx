import { View, Text, Input } from '@tarojs/components'
import type { Closure } from '../../../../types/stations'
import { Tappable } from '../../../components/tappable'
import { WhenPicker } from '../../../components/when-picker'

const KINDS: { value: Closure['kind']; label: string }[] = [
  { value: 'holiday', label: '节假日闭馆' },
  { value: 'temporary', label: '临时闭馆' },
]

/** Holidays and temporary closures; the reason is what residents see on the station. */
export function ClosuresEditor({
  value,
  today,
  onChange,
}: {
  value: Closure[]
  today: string
  onChange(next: Closure[]): void
}) {
  const set = (index: number, patch: Partial<Closure>) =>
    onChange(value.map((c, n) => (n === index ? { ...c, ...patch } : c)))
  return (
    <View className="closures-editor" data-testid="closures-editor">
      {value.length === 0 ? <Text className="closures-editor__none">没有闭馆安排</Text> : null}
      {value.map((c, index) => (
        <View key={index} className="closures-editor__item">
          <View className="closures-editor__row">
            <WhenPicker mode="date" value={c.from} onChange={(from) => set(index, { from })} label="闭馆开始日期">
              <Text className="closures-editor__date">{c.from}</Text>
            </WhenPicker>
            <Text>至</Text>
            <WhenPicker mode="date" value={c.to} onChange={(to) => set(index, { to })} label="闭馆结束日期">
              <Text className="closures-editor__date">{c.to}</Text>
            </WhenPicker>
          </View>
          <View className="closures-editor__row">
            {KINDS.map((k) => (
              <Tappable
                key={k.value}
                className={`chip ${c.kind === k.value ? 'chip--on' : ''}`}
                onTap={() => set(index, { kind: k.value })}
                pressed={c.kind === k.value}
              >
                <Text>{k.label}</Text>
              </Tappable>
            ))}
          </View>
          <Input
            className="form-input"
            value={c.reason}
            maxlength={30}
            placeholder="原因，如：国庆节、设备检修"
            onInput={(e) => set(index, { reason: e.detail.value })}
          />
          <Tappable className="closures-editor__remove" onTap={() => onChange(value.filter((_, n) => n !== index))}>
            删除这条
          </Tappable>
        </View>
      ))}
      <Tappable
        className="closures-editor__add"
        onTap={() => onChange([...value, { from: today, to: today, kind: 'temporary', reason: '' }])}
      >
        ＋ 添加闭馆安排
      </Tappable>
    </View>
  )
}
