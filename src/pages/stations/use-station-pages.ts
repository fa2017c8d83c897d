import { useCallback, useRef, useState } from 'react'
import type { Point } from '../../../types/stations'
import { messageOf } from '../../services/errors'
import { stationsService, type StationPage } from '../../services/stations'

const PAGE_SIZE = 20

export interface StationQuery {
  point: Point | undefined
  amenities: string[]
  openNow: boolean
  radius: number | undefined
  keyword: string
}

/**
 * The station list page by page: `load(0)` starts again (filters changed, pull-to-refresh),
 * `load(page.nextOffset)` appends. Only the newest request may set the state, so a slow
 * answer for old filters never replaces the list for the new ones.
 */
export function useStationPages({ point, amenities, openNow, radius, keyword }: StationQuery) {
  const [page, setPage] = useState<StationPage | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const ticket = useRef(0)

  const load = useCallback(
    async (offset: number) => {
      const mine = ++ticket.current
      setLoading(true)
      setError(null)
      try {
        const common = { point, amenities, openNow, offset, limit: PAGE_SIZE }
        // A name search looks everywhere; the radius only narrows "what is near me".
        const next = keyword
          ? await stationsService.search({ ...common, keyword })
          : await stationsService.nearby({ ...common, radius })
        if (mine !== ticket.current) return
        setPage((prev) => (offset === 0 || !prev ? next : { ...next, items: [...prev.items, ...next.items] }))
      } catch (e) {
        if (mine === ticket.current) setError(messageOf(e))
      } finally {
        if (mine === ticket.current) setLoading(false)
      }
    },
    [point, amenities, openNow, radius, keyword],
  )
  return { page, loading, error, load }
}
