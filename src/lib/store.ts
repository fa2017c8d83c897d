import { useSyncExternalStore } from 'react'

/**
 * A tiny observable value shared by every page. Taro renders each page as its own tree
 * under the App, so app-wide state (the signed-in user, the text scale, a pending privacy
 * request) lives here rather than in a page.
 */
export interface Store<T> {
  get(): T
  set(next: T): void
  subscribe(listener: () => void): () => void
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    set(next) {
      value = next
      listeners.forEach((l) => l())
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get)
}
