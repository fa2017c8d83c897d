import type { ErrorCode } from '../../../types/envelope'

/**
 * What a pure domain check answers instead of throwing: the service turns a refusal into
 * an AppError with the same code and (Chinese, user-facing) message. Keeping it a value
 * lets the table tests compare outcomes directly.
 */
export type Refusal = { ok: false; code: Extract<ErrorCode, 'BAD_REQUEST' | 'FORBIDDEN' | 'CONFLICT'>; message: string }
export type Outcome<T> = ({ ok: true } & T) | Refusal

export const refuse = (code: Refusal['code'], message: string): Refusal => ({ ok: false, code, message })
