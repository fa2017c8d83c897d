import { createStore } from './store'

describe('createStore', () => {
  it('should notify subscribers with the new value', () => {
    const store = createStore(1)
    const seen: number[] = []
    store.subscribe(() => seen.push(store.get()))
    store.set(2)
    store.set(3)
    expect(seen).toEqual([2, 3])
  })
  it('should stop notifying after unsubscribe', () => {
    const store = createStore('a')
    const seen: string[] = []
    const off = store.subscribe(() => seen.push(store.get()))
    off()
    store.set('b')
    expect(seen).toEqual([])
    expect(store.get()).toBe('b')
  })
})
