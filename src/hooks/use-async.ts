import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from '../services/errors'

export interface AsyncState<T> {
  data: T | undefined
  loading: boolean
  /** Chinese, ready to show. */
  error: string | null
  reload(): Promise<void>
}

/**
 * Runs a service call when the page mounts and on `reload()` (pull-to-refresh, after an
 * action). Keeps the last data while reloading so a list does not flash empty.
 */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[] = []): AsyncState<T> {
  const [data, setData] = useState<T>()
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const latest = useRef(0)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps)

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setLoading(true)
    setError(null)
    try {
      const result = await run()
      if (ticket === latest.current) setData(result)
    } catch (e) {
      if (ticket === latest.current) setError(messageOf(e))
    } finally {
      if (ticket === latest.current) setLoading(false)
    }
  }, [run])

  useEffect(() => {
    void reload()
  }, [reload])

  return { data, loading, error, reload }
}
