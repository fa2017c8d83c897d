import { Text, View } from '@tarojs/components'
import { Tappable } from '../../../components/tappable'
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
        <View key={u.id} style={{ paddingLeft: `${u.depth * 28}px` }}>
          <Tappable
            className={`audience-picker__row ${chosen.includes(u.id) ? 'audience-picker__row--on' : ''}`}
            testId={`audience-${u.id}`}
            pressed={chosen.includes(u.id)}
            onTap={() => onToggle(u.id)}
          >
            <Text>
              {chosen.includes(u.id) ? '☑' : '☐'} {u.name}
            </Text>
          </Tappable>
        </View>
      ))}
    </View>
  )
}
