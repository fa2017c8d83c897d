import type { ErrorCode, Issue } from '../../types/envelope'

/**
 * The one error class of the backend. Throw it anywhere below a function entry; the entry
 * turns it into the envelope. `message` is shown to the user, so it is Chinese and safe;
 * `cause` is only logged.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { issues?: Issue[]; cause?: unknown } = {},
  ) {
    super(message)
    this.name = 'AppError'
  }
}
