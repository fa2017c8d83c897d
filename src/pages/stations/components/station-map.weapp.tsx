import { Map } from '@tarojs/components'
import type { StationMapProps } from './station-map'

export const MAP_AVAILABLE = true

/** Xi'an's 钟楼, where the map opens when there is nothing better to centre on. */
const XIAN = { lng: 108.9402, lat: 34.2611 }

/**
 * The weapp map: one marker per station in the current list; tapping a marker selects the
 * station so the page shows its card below the map. Marker ids are list indexes, because
 * WeChat wants numeric ids.
 */
export function StationMap({ stations, centre, onSelect }: StationMapProps) {
  const c = centre ?? stations[0]?.location ?? XIAN
  const markers = stations.map((s, i) => ({
    id: i,
    longitude: s.location.lng,
    latitude: s.location.lat,
    title: s.name,
    width: 32,
    height: 32,
    // Empty: WeChat draws its default red pin, which reads as "a place" to everyone.
    iconPath: '',
    ariaLabel: `${s.name}，${s.openStatus.label}`,
  }))
  return (
    <Map
      className="station-map"
      longitude={c.lng}
      latitude={c.lat}
      scale={14}
      markers={markers}
      showLocation
      onMarkerTap={(e) => {
        const station = stations[Number((e.detail as { markerId?: number }).markerId)]
        if (station) onSelect(station)
      }}
      onError={() => undefined}
    />
  )
}
