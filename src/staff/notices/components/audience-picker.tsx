import { Text, View } from '@tarojs/components'
import type { UnitChoice } from '../../cases/units'
import './audience-picker.scss'

/** The units a notice goes to, as a tree to tick: the sender's unit, its grids, 小区 and 楼栋. */
export function AudiencePicker({
  choices,
  chosen,
  onToggle,
}: {
  choices: UnitChoice[]
  chosen: string[]
  onToggle(id: string): void
}) {
  if (choices.length === 0) return <Text className="audience-picker__hint">正在加载本单位的网格、小区和楼栋…</Text>
  return (
    <View className="audience-picker">
      {choices.map((u) => (
        <View
          key={u.id}
          className={`audience-picker__row ${chosen.includes(u.id) ? 'audience-picker__row--on' : ''}`}
          style={{ paddingLeft: `${24 + u.depth * 28}px` }}
          data-testid={`audience-${u.id}`}
          onClick={() => onToggle(u.id)}
        >
          <Text>
            {chosen.includes(u.id) ? '☑' : '☐'} {u.name}
          </Text>
        </View>
      ))}
    </View>
  )
}
