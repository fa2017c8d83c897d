import { createHmac, timingSafeEqual } from 'node:crypto'

/*
 * Signed, expiring URLs for files the local host keeps (residents' photos, ledger exports):
 * `/files/<key>?expires=<unix s>&sig=<HMAC-SHA256>`, as CloudBase's getTempFileURL gives
 * temporary links in the cloud. Only whoever a function answered a URL to can show the file,
 * and a copied link dies after FILE_URL_TTL_MS. Local-only, like the disk storage that uses it.
 */

/** Long enough for a page left open over lunch; a refresh signs again. */
export const FILE_URL_TTL_MS = 2 * 3600_000

/** A key of its own, so a file signature can never pass for a session token or the reverse. */
const keyOf = (secret: string): Buffer => createHmac('sha256', secret).update('minhu:file-urls').digest()
const mac = (secret: string, key: string, expires: number): string =>
  createHmac('sha256', keyOf(secret)).update(`${key}\n${expires}`).digest('base64url')

/** The URL path of a stored file's key, valid until now + ttlMs. */
export function signFileUrl(secret: string, key: string, now: Date, ttlMs = FILE_URL_TTL_MS): string {
  const expires = Math.floor((now.getTime() + ttlMs) / 1000)
  return `/files/${encodeURIComponent(key)}?expires=${expires}&sig=${mac(secret, key, expires)}`
}

/** Whether `/files/<key>?expires&sig` was signed with `secret` and has not expired. */
export function verifyFileUrl(
  secret: string,
  key: string,
  expires: string | null,
  sig: string | null,
  now: Date,
): 'ok' | 'expired' | 'bad' {
  const at = Number(expires)
  if (!expires || !sig || !/^\d{1,12}$/.test(expires)) return 'bad'
  const expected = Buffer.from(mac(secret, key, at))
  const given = Buffer.from(sig)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad'
  return at * 1000 <= now.getTime() ? 'expired' : 'ok'
}
