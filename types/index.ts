import { CasesContract } from './cases'
import { NoticesContract } from './notices'
import { StationsContract } from './stations'
import { UsersContract } from './users'
import { WishesContract } from './wishes'

/**
 * Every function's contract by function name: what the app's services call and what the
 * functions parse. Feature issues add their domain here. (The scheduler is not here: only
 * its timer and the local host run it, never the app.)
 */
export const CONTRACTS = {
  users: UsersContract,
  stations: StationsContract,
  wishes: WishesContract,
  cases: CasesContract,
  notices: NoticesContract,
} as const
export type FunctionName = keyof typeof CONTRACTS

export * from './envelope'
export * from './roles'
export * from './org'
export * from './mask'
export * from './notifications'
export * from './users'
