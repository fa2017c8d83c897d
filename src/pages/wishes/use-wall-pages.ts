import { useCallback, useEffect, useRef, useState } from 'react'
import { useAsync } from '../../hooks/use-async'
import { wishesService, type WallInput, type WishCard } from '../../services/wishes'
import { toastError } from '../../lib/feedback'

/** Cards per request: a screenful or two; more come with 加载更多 / scrolling to the bottom. */
export const WALL_PAGE_SIZE = 20

type WallQuery = Omit<WallInput, 'page' | 'pageSize'>

export interface WallPages {
  items: WishCard[]
  loading: boolean
  error: string | null
  hasMore: boolean
  loadingMore: boolean
  /** Back to the first page (filters changed, pull-to-refresh). */
  reload(): Promise<void>
  /** Refreshes the first page unless the person has paged further, so their place is kept. */
  refreshIfOnFirstPage(): Promise<void>
  loadMore(): Promise<void>
}

/**
 * The wall page by page. The function answers `hasMore` instead of a total (a total would
 * read the whole wall), so the list grows on request until it says there is no more.
 */
export function useWallPages(query: WallQuery | null, deps: unknown[]): WallPages {
  const first = useAsync(
    () => (query ? wishesService.wall({ ...query, page: 1, pageSize: WALL_PAGE_SIZE }) : Promise.resolve(null)),
    deps,
  )
  const [more, setMore] = useState<{ items: WishCard[]; page: number; hasMore: boolean } | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const busy = useRef(false)
  useEffect(() => setMore(null), [first.data])

  const hasMore = more ? more.hasMore : (first.data?.hasMore ?? false)
  const loadMore = useCallback(async () => {
    if (!query || !hasMore || busy.current) return
    busy.current = true
    setLoadingMore(true)
    try {
      const page = (more?.page ?? 1) + 1
      const res = await wishesService.wall({ ...query, page, pageSize: WALL_PAGE_SIZE })
      setMore({ items: [...(more?.items ?? []), ...res.items], page, hasMore: res.hasMore })
    } catch (error) {
      toastError(error)
    } finally {
      busy.current = false
      setLoadingMore(false)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, more, hasMore])

  return {
    items: [...(first.data?.items ?? []), ...(more?.items ?? [])],
    loading: first.loading && !first.data,
    error: first.error,
    hasMore,
    loadingMore,
    reload: first.reload,
    refreshIfOnFirstPage: () => (more ? Promise.resolve() : first.reload()),
    loadMore,
  }
}
