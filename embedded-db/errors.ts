/**
 * Errors shaped as CloudBase shapes them: a string `code` and a `message`. The seam turns
 * them into the SDK's own `TcbError` through the SDK's `processReturn`, exactly as the
 * HTTP requester does in the cloud, so function code catches the same thing in both modes.
 */
export type DbErrorCode =
  | 'INVALID_PARAM'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_DUPLICATE_WRITE'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'DbError'
  }
}

/** A request the SDK may legally send but the embedded engine does not implement. */
export function notSupported(feature: string): DbError {
  return new DbError('DATABASE_REQUEST_FAILED', `not supported by the embedded database: ${feature}`)
}

export function invalid(message: string): DbError {
  return new DbError('INVALID_PARAM', message)
}
