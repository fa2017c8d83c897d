import type { SettableClock } from '../cloudfunctions/core/local-runtime'

/**
 * The host's clock: real time, plus an offset a developer may set to try a deadline or a
 * reminder without waiting for it. (The tests' settable clock stands still, which would
 * stamp every request of a running host with the same instant.)
 */
export function createRealClock(): SettableClock {
  let offset = 0
  return {
    now: () => new Date(Date.now() + offset),
    set(time) {
      offset = new Date(time).getTime() - Date.now()
    },
    advance(ms) {
      offset += ms
    },
  }
}
