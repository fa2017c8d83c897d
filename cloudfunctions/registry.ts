import { cases } from './cases'
import type { CloudFunction } from './core/define-function'
import { events } from './events'
import { notices } from './notices'
import { places } from './places'
import { scheduler } from './scheduler'
import { stations } from './stations'
import { users } from './users'
import { wishes } from './wishes'

/**
 * Every function by name: the local host serves `POST /api/<name>` from it, the tests call
 * through it, and `scripts/build-functions.ts` bundles one deploy unit per entry (from
 * `cloudfunctions/<name>/index.ts`, which must export `main`).
 */
export const registry = {
  users,
  scheduler,
  stations,
  cases,
  wishes,
  notices,
  places,
  events,
} satisfies Record<string, CloudFunction>

export type FunctionName = keyof typeof registry

const isFunctionName = (name: string): name is FunctionName => Object.prototype.hasOwnProperty.call(registry, name)

export function getFunction(name: string): CloudFunction | undefined {
  return isFunctionName(name) ? registry[name] : undefined
}
