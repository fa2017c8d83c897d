import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { Point } from '../../../types/stations'
import { toast } from '../../lib/feedback'
import { locate } from '../../services/privacy/locate'

/**
 * Where the list measures from. `auto` sends no point: the server uses the person's bound
 * community, or sorts by name — so the page works for someone who never shares a location.
 */
export type OriginChoice =
  { kind: 'auto' } | { kind: 'gps'; point: Point } | { kind: 'place'; point: Point; name: string }

/** Set after a successful "用我的位置", so the next visit locates without another tap. */
const USE_GPS_KEY = 'mhwx.stations.useGps'

export function useOriginChoice() {
  const [choice, setChoice] = useState<OriginChoice>({ kind: 'auto' })
  const [locating, setLocating] = useState(false)

  const locateMe = useCallback(async (quiet = false) => {
    setLocating(true)
    try {
      const point = await locate()
      Taro.setStorageSync(USE_GPS_KEY, true)
      setChoice({ kind: 'gps', point })
    } catch (error) {
      Taro.removeStorageSync(USE_GPS_KEY)
      if (!quiet)
        toast(
          `${error instanceof Error ? error.message.replace(/，.*$/, '') : '没有拿到您的位置'}，先按您所在社区为您排序`,
        )
    } finally {
      setLocating(false)
    }
  }, [])

  // Only someone who already chose to share their location is located without a tap.
  useEffect(() => {
    if (Taro.getStorageSync(USE_GPS_KEY) === true) void locateMe(true)
  }, [locateMe])

  const choosePlace = useCallback((point: Point, name: string) => setChoice({ kind: 'place', point, name }), [])
  const backToCommunity = useCallback(() => setChoice({ kind: 'auto' }), [])

  return { choice, locating, locateMe, choosePlace, backToCommunity }
}
