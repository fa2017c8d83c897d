import type { FunctionContract, InputOf, OutputOf } from '../../../types/contract'
import { call } from './call'

/**
 * A typed client for one function: `client<typeof UsersContract>('users')('me', {})` is
 * checked against the contract at compile time. Only types cross over from `types/`, so
 * zod stays out of the app bundle.
 */
export function client<C extends FunctionContract>(fn: string) {
  return <A extends keyof C & string>(action: A, input: InputOf<C, A>): Promise<OutputOf<C, A>> =>
    call<OutputOf<C, A>>(fn, action, input as object)
}
