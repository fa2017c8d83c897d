import type { z } from 'zod'

/**
 * A function's contract: for each action, the schema of its input (the event minus
 * `action`) and of the `data` it answers with. The app types its calls from it and the
 * function parses its events with it, so the two cannot drift apart.
 */
export type ActionContract = { input: z.ZodType; output: z.ZodType }
export type FunctionContract = Record<string, ActionContract>

export function defineContract<C extends FunctionContract>(contract: C): C {
  return contract
}

export type InputOf<C extends FunctionContract, A extends keyof C> = z.input<C[A]['input']>
export type OutputOf<C extends FunctionContract, A extends keyof C> = z.output<C[A]['output']>
