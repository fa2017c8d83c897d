import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Session tokens of the local host: `base64url(payload).base64url(HMAC-SHA256(payload))`.
 * The payload carries the caller's openid and an expiry; nothing else is trusted from a
 * request. In the cloud CloudBase supplies the OPENID instead, so this exists only for
 * the H5 build, the E2E tests and a self-hosted install.
 */
export interface TokenPayload {
  /** The caller's openid. */
  sub: string
  /** Expiry, seconds since the epoch. */
  exp: number
}

/** A week: long enough for a demo session, short enough that a leaked token dies. */
export const DEFAULT_TOKEN_TTL_SECONDS = 7 * 24 * 3600

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest()
}

export function signToken(openid: string, secret: string, options: { now?: Date; ttlSeconds?: number } = {}): string {
  const now = options.now ?? new Date()
  const ttl = options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS
  const body: TokenPayload = { sub: openid, exp: Math.floor(now.getTime() / 1000) + ttl }
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url')
  return `${payload}.${mac(secret, payload).toString('base64url')}`
}

/**
 * The openid a token was signed for, or null when it is malformed, tampered with or
 * expired. The signature is compared in constant time so its bytes cannot be guessed
 * one at a time from response timings.
 */
export function verifyToken(token: string, secret: string, now: Date = new Date()): string | null {
  const parts = token.split('.')
  if (parts.length !== 2) return null
  const [payload, signature] = parts as [string, string]
  // Compare the encoded text, not decoded bytes: base64 ignores trailing bits, so two
  // different strings could decode to the same signature.
  const expected = Buffer.from(mac(secret, payload).toString('base64url'))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  let body: unknown
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (typeof body !== 'object' || body === null) return null
  const { sub, exp } = body as Partial<TokenPayload>
  if (typeof sub !== 'string' || sub.length === 0 || typeof exp !== 'number') return null
  if (exp * 1000 <= now.getTime()) return null
  return sub
}

/**
 * `verifyToken` that remembers the tokens it accepted: an app sends the same token with
 * every call, and the HMAC was a good part of the host's own work per request (profile of
 * users.me). Only accepted tokens are kept, with their openid and expiry — the expiry is
 * checked on every use — so a forged or altered token always takes the full constant-time
 * path. Bounded: it forgets everything when `max` tokens are kept.
 */
export function createTokenVerifier(secret: string, max = 10_000): (token: string, now?: Date) => string | null {
  const accepted = new Map<string, { sub: string; expMs: number }>()
  return (token, now = new Date()) => {
    const hit = accepted.get(token)
    if (hit) return hit.expMs > now.getTime() ? hit.sub : null
    const sub = verifyToken(token, secret, now)
    if (sub === null) return null
    if (accepted.size >= max) accepted.clear()
    const payload = JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString('utf8')) as TokenPayload
    accepted.set(token, { sub, expMs: payload.exp * 1000 })
    return sub
  }
}
