import { z } from 'zod'

/**
 * The fixed set of error codes every function answers with (docs/design.md "One function, one entry").
 * The local host maps each to an HTTP status; the app maps each to a Chinese message.
 */
export const ErrorCodeSchema = z.enum([
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
])
export type ErrorCode = z.infer<typeof ErrorCodeSchema>

/** One zod issue as it travels in the envelope: the path and a message, nothing else. */
export const IssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
})
export type Issue = z.infer<typeof IssueSchema>

export const ErrorBodySchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  issues: z.array(IssueSchema).optional(),
})
export type ErrorBody = z.infer<typeof ErrorBodySchema>

/** What every function returns, in the cloud and on the local host alike. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }

/** HTTP status for each code, used by the local host. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
}
