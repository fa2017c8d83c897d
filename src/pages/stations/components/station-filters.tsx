import { View, Text } from '@tarojs/components'
import { Tappable } from '../../../components/tappable'
import type { Amenity } from '../../../services/stations'

const RADII: { value: number | undefined; label: string }[] = [
  { value: undefined, label: '不限距离' },
  { value: 1000, label: '1公里内' },
  { value: 3000, label: '3公里内' },
  { value: 10_000, label: '10公里内' },
]

export interface StationFiltersProps {
  openNow: boolean
  onOpenNow(on: boolean): void
  radius: number | undefined
  onRadius(radius: number | undefined): void
  catalogue: Amenity[]
  amenities: string[]
  onToggleAmenity(key: string): void
}

/** 正在营业, a distance and the amenities wanted, as chips (styles: index.scss). */
export function StationFilters({
  openNow,
  onOpenNow,
  radius,
  onRadius,
  catalogue,
  amenities,
  onToggleAmenity,
}: StationFiltersProps) {
  return (
    <View className="stations__filters" data-testid="stations-filters">
      <View className="stations__chips">
        <Tappable
          className={`chip ${openNow ? 'chip--on' : ''}`}
          testId="stations-filter-open"
          pressed={openNow}
          onTap={() => onOpenNow(!openNow)}
        >
          <Text>🕘 正在营业</Text>
        </Tappable>
        {RADII.map((r) => (
          <Tappable
            key={r.label}
            className={`chip ${radius === r.value ? 'chip--on' : ''}`}
            testId={`stations-radius-${r.value ?? 'any'}`}
            pressed={radius === r.value}
            onTap={() => onRadius(r.value)}
          >
            <Text>{r.label}</Text>
          </Tappable>
        ))}
      </View>
      <View className="stations__chips">
        {catalogue.map((a) => (
          <Tappable
            key={a.key}
            className={`chip ${amenities.includes(a.key) ? 'chip--on' : ''}`}
            testId={`stations-filter-${a.key}`}
            pressed={amenities.includes(a.key)}
            onTap={() => onToggleAmenity(a.key)}
          >
            <Text>
              {a.icon} {a.label}
            </Text>
          </Tappable>
        ))}
      </View>
    </View>
  )
}
