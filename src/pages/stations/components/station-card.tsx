import { View, Text } from '@tarojs/components'
import type { Amenity, StationSummary } from '../../../services/stations'
import { formatDistance } from '../format'
import { AmenityList } from './amenity-list'
import { OpenBadge } from './open-badge'
import { Tappable } from '../../../components/tappable'

/** One station in the list and under a tapped map marker: the whole card is the tap target. */
export function StationCard({
  station,
  catalogue,
  onOpen,
}: {
  station: StationSummary
  catalogue: Map<string, Amenity>
  onOpen(station: StationSummary): void
}) {
  const distance = formatDistance(station.distance)
  return (
    <Tappable
      className="station-card"
      testId={`station-card-${station.id}`}
      hoverClass="station-card--pressed"
      role="link"
      onTap={() => onOpen(station)}
    >
      <View className="station-card__head">
        <Text className="station-card__name" data-testid="station-name">
          {station.name}
        </Text>
        {distance ? (
          <Text className="station-card__distance" data-testid="station-distance">
            {distance}
          </Text>
        ) : null}
      </View>
      <OpenBadge status={station.openStatus} />
      <Text className="station-card__address">{station.address}</Text>
      <AmenityList keys={station.amenities} catalogue={catalogue} />
      <Text className="station-card__more">查看详情 ›</Text>
    </Tappable>
  )
}
