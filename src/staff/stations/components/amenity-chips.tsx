import { View, Text } from '@tarojs/components'
import { Tappable } from '../../../components/tappable'
import type { Amenity } from '../../../services/stations'

/** 便民设施: one chip per amenity of the catalogue, on when the station has it. */
export function AmenityChips({
  catalogue,
  value,
  onChange,
}: {
  catalogue: Amenity[]
  value: string[]
  onChange(keys: string[]): void
}) {
  return (
    <View className="station-edit__card station-edit__chips">
      {catalogue.map((a) => {
        const on = value.includes(a.key)
        return (
          <Tappable
            key={a.key}
            className={`chip ${on ? 'chip--on' : ''}`}
            pressed={on}
            onTap={() => onChange(on ? value.filter((k) => k !== a.key) : [...value, a.key])}
          >
            <Text>
              {a.icon} {a.label}
            </Text>
          </Tappable>
        )
      })}
    </View>
  )
}
