import type { FunctionContract } from '../../types/contract'
import type { TestEnv } from '../core/testing'

/*
 * The pieces every round-trip script shares. A script plays one function's actions on a
 * fresh demo database as the right people; the test counts the requests of each call.
 */

/** A read changes nothing (its goal is ≤ 2 requests); a write changes state. */
export type Kind = 'read' | 'write'

/** Every action of a function, classified: a new action fails to compile until it is listed. */
export type KindsOf<C extends FunctionContract> = Record<keyof C, Kind>

/** Calls `fn.action` as `openid` (null: signed out), counts its requests, answers its data or throws. */
export type Call = <T>(openid: string | null, fn: string, event: Record<string, unknown>) => Promise<T>

export interface Script {
  /** The function's name in the registry. */
  fn: string
  /** Every action of the function, classified. */
  kinds: Record<string, Kind>
  /**
   * Uncounted calls first, as a warm runtime has made before (its cached config, the
   * rosters and counters of a unit that already has work today).
   */
  warmUp?(call: Call): Promise<void>
  /** Plays the function's actions; `env` is for the clock and for set-up the app cannot do itself. */
  play(call: Call, env: TestEnv): Promise<void>
}

export const NOW = '2026-11-22T02:00:00.000Z'
export const POINT = { lng: 108.9573, lat: 34.2581 }
export const RESIDENT = 'demo-resident-1'
export const RESIDENT_2 = 'demo-resident-2'
export const GRID = 'demo-grid-1'
export const SECRETARY = 'demo-secretary-1'
export const STREET = 'demo-street-1'
export const ADMIN = 'demo-admin'
export const VOLUNTEER = 'demo-volunteer-1'
export const COMMUNITY = 'c-dongxianmen'
export const GRID_UNIT = 'g-dongxianmen-1'
export const STATION = 'st-dongxianmen'
