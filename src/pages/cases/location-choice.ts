import { useCallback, useState } from 'react'
import type { LngLat } from '../../../types/org'
import { toast } from '../../lib/feedback'
import { locate } from '../../services/privacy/locate'
import { CAN_PICK_ON_MAP, pickPlaceOnMap } from '../../lib/pick-place'

/**
 * Where the case is. By default no point is sent and the function routes by the resident's
 * bound community, so nobody has to share a location to be heard. 定位 goes through the
 * privacy popup first; on weapp the place can also be picked on WeChat's map.
 */
export type CaseLocation =
  { kind: 'community' } | { kind: 'gps'; point: LngLat } | { kind: 'place'; point: LngLat; name: string }

export function useCaseLocation() {
  const [location, setLocation] = useState<CaseLocation>({ kind: 'community' })
  const [locating, setLocating] = useState(false)

  const locateMe = useCallback(async () => {
    setLocating(true)
    try {
      setLocation({ kind: 'gps', point: await locate() })
    } catch (error) {
      toast(`${error instanceof Error ? error.message.replace(/，.*$/, '') : '没有拿到您的位置'}，将按您所在社区派单`)
    } finally {
      setLocating(false)
    }
  }, [])

  const pickOnMap = useCallback(async () => {
    const picked = await pickPlaceOnMap()
    if (picked) setLocation({ kind: 'place', point: picked.point, name: picked.name })
  }, [])

  const point = location.kind === 'community' ? null : location.point
  return {
    location,
    point,
    locating,
    locateMe,
    pickOnMap,
    canPickOnMap: CAN_PICK_ON_MAP,
    useCommunity: () => setLocation({ kind: 'community' }),
  }
}
