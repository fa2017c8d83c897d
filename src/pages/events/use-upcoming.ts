import { useState } from 'react'
import type { EventKind } from '../../../types/events-labels'
import { useAsync, type AsyncState } from '../../hooks/use-async'
import { toastError } from '../../lib/feedback'
import { eventsService, type EventSummary } from '../../services/events'
import { dateRange, type DateFilter } from './format'

const PAGE = 20

/**
 * 近期活动 page by page: the first page on a filter change (and pull-to-refresh), the next
 * ones appended by 加载更多, so a district with many events never loads them all at once.
 */
export function useUpcoming(kind: EventKind | undefined, dates: DateFilter, active: boolean) {
  const [extra, setExtra] = useState<EventSummary[]>([])
  const [hasMore, setHasMore] = useState(false)
  const [loadingMore, setLoadingMore] = useState(false)
  const first = useAsync(async () => {
    if (!active) return []
    const page = await eventsService.list({ kind, ...dateRange(dates), limit: PAGE })
    setExtra([])
    setHasMore(page.hasMore)
    return page.items
  }, [kind, dates, active])
  const loadMore = async () => {
    setLoadingMore(true)
    try {
      const page = await eventsService.list({
        kind,
        ...dateRange(dates),
        limit: PAGE,
        skip: (first.data?.length ?? 0) + extra.length,
      })
      setExtra((old) => [...old, ...page.items])
      setHasMore(page.hasMore)
    } catch (error) {
      toastError(error)
    } finally {
      setLoadingMore(false)
    }
  }
  const state: AsyncState<EventSummary[]> = { ...first, data: first.data && [...first.data, ...extra] }
  return { state, hasMore, loadMore, loadingMore }
}
