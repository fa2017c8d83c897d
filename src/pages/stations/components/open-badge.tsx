import { Text } from '@tarojs/components'
import type { StationSummary } from '../../../services/stations'

/** "营业中 · 21:00 关门" in green, or the closed sentence in grey, as the server worded it. */
export function OpenBadge({ status }: { status: StationSummary['openStatus'] }) {
  return (
    <Text
      className={`open-badge ${status.open ? 'open-badge--open' : 'open-badge--closed'}`}
      data-testid="station-open-status"
    >
      {status.label}
    </Text>
  )
}
