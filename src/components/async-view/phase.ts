/** What an AsyncView shows. */
export type AsyncPhase = 'loading' | 'error' | 'empty' | 'content'

export interface AsyncLike<T> {
  data: T | undefined
  loading: boolean
  error: string | null
}

/**
 * Decides what to show for a service call's state. Data already loaded stays on screen
 * while it reloads (pull-to-refresh must not flash a spinner), unless `staleWhileLoading`
 * is off — for a list whose filter changed, where the old rows would be wrong. A failed
 * reload shows the error (with its retry) rather than rows that may be out of date.
 */
export function asyncPhase<T>(state: AsyncLike<T>, isEmpty?: (data: T) => boolean, staleWhileLoading = true): AsyncPhase {
  if (state.error) return 'error'
  if (state.data === undefined || (state.loading && !staleWhileLoading)) return 'loading'
  return isEmpty?.(state.data) ? 'empty' : 'content'
}

/** For a call that cannot start yet (it waits for the unit or the person): shown as loading. */
export const STILL_LOADING: AsyncLike<never> = { data: undefined, loading: true, error: null }
