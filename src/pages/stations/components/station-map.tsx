import type { StationSummary } from '../../../services/stations'
import type { Point } from '../../../../types/stations'

/** Whether this platform draws the map view. H5 and others get the list only. */
export const MAP_AVAILABLE = false

export interface StationMapProps {
  stations: StationSummary[]
  centre: Point | null
  onSelect(station: StationSummary): void
}

/** No map outside the mini-program: the list view is the full experience there. */
export function StationMap(_props: StationMapProps) {
  return null
}
