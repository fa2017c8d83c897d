import type { Envelope, ErrorBody, ErrorCode, Issue } from '../../../types/envelope'

/** What the app says for each code when the server's own message should not be shown as is. */
export const ERROR_MESSAGES: Record<ErrorCode | 'NETWORK', string> = {
  NETWORK: '网络不太好，请稍后再试',
  BAD_REQUEST: '内容有误，请检查后再提交',
  UNAUTHORIZED: '请先登录',
  FORBIDDEN: '没有权限进行这项操作',
  NOT_FOUND: '没有找到相关内容，可能已被删除',
  CONFLICT: '情况有变化，请刷新后再试',
  RATE_LIMITED: '操作太频繁了，请稍后再试',
  INTERNAL: '系统开小差了，请稍后再试',
}

export type CallErrorCode = ErrorCode | 'NETWORK'

/**
 * The one error every service call rejects with. `message` is Chinese and ready for a toast:
 * for BAD_REQUEST / NOT_FOUND / CONFLICT / FORBIDDEN the server's message is specific and
 * safe (functions only put user-facing Chinese there), so it is kept; for the rest the
 * app's own wording is used, because an INTERNAL message or a transport failure says
 * nothing useful to a resident.
 */
export class CallError extends Error {
  constructor(
    readonly code: CallErrorCode,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message)
    this.name = 'CallError'
  }
}

const SERVER_MESSAGE_SHOWN: ReadonlySet<CallErrorCode> = new Set(['BAD_REQUEST', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN'])

/** Builds the CallError for an error envelope, with the Chinese text the UI shows. */
export function callErrorFrom(code: CallErrorCode, serverMessage?: string, issues: Issue[] = []): CallError {
  const fallback = ERROR_MESSAGES[code]
  if (!serverMessage || !SERVER_MESSAGE_SHOWN.has(code)) return new CallError(code, fallback, issues)
  if (code === 'BAD_REQUEST') {
    const first = issues[0]?.message ?? serverMessage
    return new CallError(code, `内容有误：${first}`, issues)
  }
  return new CallError(code, serverMessage, issues)
}

const KNOWN_CODES = new Set(Object.keys(ERROR_MESSAGES))

/**
 * Turns whatever came back from a transport into the data or a CallError. Anything that is
 * not a well-formed envelope (an HTML error page, a gateway timeout body) counts as a
 * network failure rather than crashing a page.
 */
export function unwrapEnvelope<T>(body: unknown): T {
  if (typeof body !== 'object' || body === null || !('ok' in body)) throw callErrorFrom('NETWORK')
  const envelope = body as Envelope<T>
  if (envelope.ok) return envelope.data
  const error: Partial<ErrorBody> | undefined = envelope.error
  const code = error?.code && KNOWN_CODES.has(error.code) ? error.code : 'INTERNAL'
  throw callErrorFrom(code, error?.message, Array.isArray(error?.issues) ? error.issues : [])
}

/** A message for any thrown value, for the places that show a toast from a catch. */
export function messageOf(error: unknown): string {
  if (error instanceof CallError) return error.message
  return ERROR_MESSAGES.INTERNAL
}
