import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import { BlockList, isIP } from 'node:net'
import type { FetchedMedia } from '../cloudfunctions/cases/open311-service'
import { EXTENSION, MAX_UPLOAD_BYTES, sniffImage } from './upload'

/*
 * Open311 `media_url`: fetched once and stored as the case's photo (so staff see it in the
 * app like any photo, and it survives the source going away). The same limits as an upload
 * — JPEG, PNG or WebP by content, at most 5 MB — plus a deadline for the whole fetch and at
 * most three redirects. The host fetches on a client's word, so by default it refuses
 * loopback, private and link-local addresses (checked on the address actually connected
 * to, after DNS), lest an API client read the host's own network through it.
 */

export interface MediaFetchOptions {
  maxBytes: number
  timeoutMs: number
  /** Tests fetch from a server on 127.0.0.1; a deployment never should. */
  allowPrivateNetwork: boolean
}

export const DEFAULT_MEDIA_FETCH: MediaFetchOptions = {
  maxBytes: MAX_UPLOAD_BYTES,
  timeoutMs: 10_000,
  allowPrivateNetwork: false,
}

const MAX_REDIRECTS = 3

const PRIVATE = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4')
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6')

function isPrivate(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4')
  return PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4')
}

class MediaError extends Error {}

const sizeText = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`

/** dns.lookup, refusing private answers: what the socket connects to is what was checked. */
const publicLookup: typeof dnsLookup = ((
  hostname: string,
  options: object,
  callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '')
    const bad = addresses.find((a) => isPrivate(a.address))
    if (bad) return callback(new MediaError('the host resolves to a private address'), '')
    if ((options as { all?: boolean }).all) return callback(null, addresses)
    const first = addresses[0]
    return first ? callback(null, first.address, first.family) : callback(new MediaError('the host has no address'), '')
  })
}) as typeof dnsLookup

function get(url: URL, options: MediaFetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  if (
    !options.allowPrivateNetwork &&
    isIP(url.hostname.replace(/^\[|\]$/g, '')) &&
    isPrivate(url.hostname.replace(/^\[|\]$/g, ''))
  ) {
    return Promise.reject(new MediaError('private addresses are not fetched'))
  }
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = client.get(
      url,
      {
        signal,
        headers: { accept: 'image/jpeg, image/png, image/webp' },
        ...(options.allowPrivateNetwork ? {} : { lookup: publicLookup }),
      },
      resolve,
    )
    req.on('error', reject)
  })
}

function readLimited(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let received = 0
    res.on('data', (chunk: Buffer) => {
      received += chunk.length
      if (received > maxBytes) {
        res.destroy()
        reject(new MediaError(`the image is larger than ${sizeText(maxBytes)}`))
        return
      }
      chunks.push(chunk)
    })
    res.on('end', () => resolve(Buffer.concat(chunks)))
    res.on('error', reject)
  })
}

async function fetchImage(start: URL, options: MediaFetchOptions, signal: AbortSignal): Promise<FetchedMedia> {
  let url = start
  for (let hop = 0; ; hop++) {
    const res = await get(url, options, signal)
    const status = res.statusCode ?? 0
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume()
      if (hop >= MAX_REDIRECTS) return { ok: false, description: `more than ${MAX_REDIRECTS} redirects` }
      url = new URL(res.headers.location, url)
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return { ok: false, description: 'redirected to a URL that is not http or https' }
      continue
    }
    if (status !== 200) {
      res.resume()
      return { ok: false, description: `the server answered HTTP ${status}` }
    }
    const declared = Number(res.headers['content-length'])
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      res.destroy()
      return { ok: false, description: `the image is larger than ${sizeText(options.maxBytes)}` }
    }
    const content = await readLimited(res, options.maxBytes)
    const kind = sniffImage(content)
    if (!kind) return { ok: false, description: 'not a JPEG, PNG or WebP image' }
    return { ok: true, content, extension: EXTENSION[kind] }
  }
}

/** A `fetchMedia` for open311Submit with these limits. */
export function createMediaFetcher(
  options: MediaFetchOptions = DEFAULT_MEDIA_FETCH,
): (url: string) => Promise<FetchedMedia> {
  return async (raw) => {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      return { ok: false, description: 'not a valid URL' }
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return { ok: false, description: 'only http and https URLs are fetched' }
    const signal = AbortSignal.timeout(options.timeoutMs)
    try {
      return await fetchImage(url, options, signal)
    } catch (err) {
      if (signal.aborted) return { ok: false, description: `not fetched within ${options.timeoutMs / 1000} s` }
      if (err instanceof MediaError) return { ok: false, description: err.message }
      return {
        ok: false,
        description: `could not be fetched (${(err as NodeJS.ErrnoException).code ?? 'network error'})`,
      }
    }
  }
}
