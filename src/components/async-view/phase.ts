/** What an AsyncView shows. */
export type AsyncPhase = 'loading' | 'error' | 'empty' | 'content'

export interface Reloadable {
  reload?(): Promise<unknown>
}

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
export function asyncPhase<T>(
  state: AsyncLike<T>,
  isEmpty?: (data: T) => boolean,
  staleWhileLoading = true,
): AsyncPhase {
  if (state.error) return 'error'
  if (state.data === undefined || (state.loading && !staleWhileLoading)) return 'loading'
  return isEmpty?.(state.data) ? 'empty' : 'content'
}

/**
 * For a call that answers null while it cannot run yet (no unit chosen, another tab open):
 * null shows as loading, and the data is typed without it.
 */
export function nullAsLoading<T>(state: AsyncLike<T | null> & Reloadable): AsyncLike<T> & Reloadable {
  if (state.data === null)
    return state.error ? { ...state, data: undefined } : { ...state, data: undefined, loading: true }
  return { ...state, data: state.data }
}
