import { useEffect, useState } from 'react'
import type { AddressStatus } from '../../../types/places-labels'
import { useAsync } from '../../hooks/use-async'
import { toastError } from '../../lib/feedback'
import { placesService, type ResidentView } from '../../services/places'

const PAGE_SIZE = 50
const NONE = { items: [], page: 1, pageSize: PAGE_SIZE, hasMore: false, total: 0 }

/**
 * The 住户 of a unit with one status, page by page: the first page loads with the unit and
 * status (and again on reload, which drops what 加载更多 appended), 加载更多 appends the next.
 */
export function useResidentPages(unitId: string | null, status: AddressStatus) {
  const first = useAsync(
    () => (unitId ? placesService.residents({ unitId, status, pageSize: PAGE_SIZE }) : Promise.resolve(NONE)),
    [unitId, status],
  )
  const [later, setLater] = useState<{ items: ResidentView[]; page: number; hasMore: boolean } | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  useEffect(() => setLater(null), [first.data])

  const loadMore = async () => {
    if (!unitId || loadingMore) return
    const page = (later?.page ?? 1) + 1
    setLoadingMore(true)
    try {
      const next = await placesService.residents({ unitId, status, page, pageSize: PAGE_SIZE })
      setLater({ items: [...(later?.items ?? []), ...next.items], page, hasMore: next.hasMore })
    } catch (error) {
      toastError(error)
    } finally {
      setLoadingMore(false)
    }
  }
  return {
    first,
    items: [...(first.data?.items ?? []), ...(later?.items ?? [])],
    total: first.data?.total ?? 0,
    hasMore: later ? later.hasMore : (first.data?.hasMore ?? false),
    loadMore,
    loadingMore,
  }
}
