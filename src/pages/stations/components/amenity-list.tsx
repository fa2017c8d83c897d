import { View, Text } from '@tarojs/components'
import type { Amenity } from '../../../services/stations'

/**
 * A station's amenities, each as icon and label (never an icon alone: older residents and
 * screen readers need the words). Keys the catalogue no longer knows are skipped.
 */
export function AmenityList({
  keys,
  catalogue,
  size = 'small',
}: {
  keys: string[]
  catalogue: Map<string, Amenity>
  size?: 'small' | 'large'
}) {
  const known = keys.map((k) => catalogue.get(k)).filter((a): a is Amenity => a !== undefined)
  if (known.length === 0) return null
  return (
    <View className={`amenity-list amenity-list--${size}`}>
      {known.map((a) => (
        <View key={a.key} className="amenity-list__item" data-testid={`amenity-${a.key}`}>
          <Text className="amenity-list__icon" aria-hidden>
            {a.icon}
          </Text>
          <Text className="amenity-list__label">{a.label}</Text>
        </View>
      ))}
    </View>
  )
}
