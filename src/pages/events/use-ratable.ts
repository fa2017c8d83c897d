import { useAsync } from '../../hooks/use-async'
import { ratingService } from '../../services/events-rating'

/** Of the events in the 参加过的 list, those the person may still rate (one request for the list). */
export function useRatable(eventIds: string[] | null): ReadonlySet<string> {
  const key = (eventIds ?? []).slice(0, 50).join(',')
  const ratable = useAsync(
    async () => new Set(key ? (await ratingService.ratable(key.split(','))).eventIds : []),
    [key],
  )
  return ratable.data ?? new Set()
}
