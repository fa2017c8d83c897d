import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

/**
 * `React.lazy` for a part of every page that is loaded after the first screen (the feedback
 * hosts, the privacy popup's frame). Nothing above catches a lazy component that fails — no
 * error boundary — so a chunk that could not be fetched (a phone network dropping for a
 * moment) would unmount the whole page. A failed fetch is asked once more (webpack forgets a
 * chunk that failed to load, so the second import fetches it again); if that fails too, the
 * part is `fallback`.
 */
export function lazyPart<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  fallback: ComponentType<P>,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() =>
    load()
      .catch(() => load())
      .catch((error: unknown) => {
        console.error('a part of the page could not be loaded', error)
        return { default: fallback }
      }),
  )
}
