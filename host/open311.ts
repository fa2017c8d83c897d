import { createHash, randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CloudFunction } from '../cloudfunctions/core/define-function'
import type { Runtime } from '../cloudfunctions/core/runtime'
import {
  open311Request,
  open311Requests,
  open311Services,
  open311Submit,
  open311Token,
  type FetchedMedia,
} from '../cloudfunctions/cases/open311-service'
import { toDiscovery, type Open311Error } from '../cloudfunctions/cases/domain/open311'
import { BodyTooLargeError, readBody } from './http-util'
import { formOf, paramsOf, type FormResult } from './open311-form'
import { toOpen311Xml, type Open311Root } from './open311-xml'

/*
 * Open311 GeoReport v2 on the local host (docs/open311.md), in XML and JSON:
 *   GET  /open311/discovery.(xml|json)                  Service Discovery
 *   GET  /open311/v2/services.(xml|json)                leaf categories
 *   GET  /open311/v2/services/<code>.(xml|json)         a service definition (no extra attributes)
 *   GET  /open311/v2/requests.(xml|json)                by ids, or dates, service_code, status; paged
 *   POST /open311/v2/requests.(xml|json)                api_key + form fields → a hotline case
 *   GET  /open311/v2/requests/<id>.(xml|json)           one request, as a list of one
 *   GET  /open311/v2/tokens/<token>.(xml|json)          the request an old POST token stands for
 * Reading is public and open to other sites (CORS); writing needs an API key, whose account
 * (an openid) must hold a hotline role, because the case is entered through the `cases`
 * function as that account with channel `hotline`.
 */

export const OPEN311_ROOT = '/open311/'
export const OPEN311_PREFIX = '/open311/v2/'

/** A 4,000-character Chinese description is ~36 KB form-encoded; the rest of a form is small. */
export const MAX_FORM_BYTES = 128 * 1024

export interface Open311Options {
  runtime: Runtime
  cases: CloudFunction
  /** api_key → openid of the API account. */
  apiKeys: Readonly<Record<string, string>>
  /** Where clients reach the host (PUBLIC_BASE_URL), for the discovery file and page links; never the Host header. */
  publicBaseUrl: () => string
  /** production in the discovery file, test otherwise. */
  production: boolean
  fetchMedia: (url: string) => Promise<FetchedMedia>
  /** Takes a POST from the API account's and the address's budgets: null when allowed, else the seconds to wait. */
  limitPost: (req: IncomingMessage, account: string | null) => number | null
}

/**
 * `OPEN311_API_KEYS="key1:openid1,key2:openid2"` as a key map; entries without both parts
 * are ignored, so a typo disables one key rather than the host.
 */
export function apiKeysFromEnv(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of (value ?? '').split(',')) {
    const at = pair.indexOf(':')
    const key = pair.slice(0, at).trim()
    const openid = pair.slice(at + 1).trim()
    if (at > 0 && key && openid) out[key] = openid
  }
  return out
}

type Format = 'json' | 'xml'
const READ = 'GET, HEAD, OPTIONS'
const READ_WRITE = 'GET, HEAD, POST, OPTIONS'
/** Anyone may read from a browser on another site; POST needs a secret key, which has no place in a web page. */
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Link' }

function send(
  res: ServerResponse,
  format: Format,
  status: number,
  root: Open311Root,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = format === 'xml' ? toOpen311Xml(root, body) : JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(res.req.method === 'HEAD' ? undefined : text)
}

const errors = (code: number, description: string): Open311Error[] => [{ code, description }]

/** Answers one Open311 request; the host mounts it under OPEN311_ROOT. */
export function createOpen311Handler(options: Open311Options) {
  const { runtime: rt } = options
  // Discovery's changeset: when the service list was last seen to change (first: when the host started).
  let services = { fingerprint: '', changeset: rt.clock.now().toISOString() }

  async function changeset(): Promise<string> {
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(await open311Services(rt.db)))
      .digest('hex')
    if (services.fingerprint && services.fingerprint !== fingerprint)
      services = { fingerprint, changeset: rt.clock.now().toISOString() }
    else services.fingerprint = fingerprint
    return services.changeset
  }

  async function post(
    req: IncomingMessage,
    res: ServerResponse,
    format: Format,
    query: URLSearchParams,
  ): Promise<void> {
    const type = String(req.headers['content-type'] ?? '')
    if (type && !/^(application\/x-www-form-urlencoded|application\/json)\b/i.test(type)) {
      req.resume()
      const what = /^multipart\//i.test(type)
        ? 'multipart/form-data is not accepted'
        : `Content-Type ${type.split(';')[0]} is not accepted`
      return send(
        res,
        format,
        415,
        'errors',
        errors(415, `${what}: send the fields as application/x-www-form-urlencoded, and photos as media_url`),
      )
    }
    let read: FormResult
    try {
      read = formOf((await readBody(req, MAX_FORM_BYTES)).toString('utf8'), type)
    } catch (err) {
      if (err instanceof BodyTooLargeError)
        return send(res, format, 413, 'errors', errors(413, `the form is larger than ${MAX_FORM_BYTES / 1024} KB`), {
          Connection: 'close',
        })
      throw err
    }
    if (!read.ok) return send(res, format, 400, 'errors', errors(400, read.error))
    const { form } = read
    const apiKey = form.api_key?.[0] || query.get('api_key') || ''
    const openid = apiKey ? options.apiKeys[apiKey] : undefined
    // Before the key check, so guessed keys spend the address's budget.
    const wait = options.limitPost(req, openid ?? null)
    if (wait !== null)
      return send(res, format, 429, 'errors', errors(429, `too many requests: retry after ${wait} seconds`), {
        'Retry-After': String(wait),
      })
    if (!openid)
      return send(res, format, 403, 'errors', errors(403, apiKey ? 'api_key is not valid' : 'api_key is required'))
    // A client that retries sends the same key (header or field) and gets the same case.
    const given = String(req.headers['idempotency-key'] ?? form.client_request_id?.[0] ?? '').trim()
    if (given && !/^[\w.:-]{8,56}$/.test(given))
      return send(res, format, 400, 'errors', errors(400, 'Idempotency-Key must be 8–56 letters, digits or . _ : -'))
    const answer = await open311Submit(rt, openid, form, `o311-${given || randomUUID()}`, {
      submit: (event) => options.cases.invoke(event, { openid }, rt),
      fetchMedia: options.fetchMedia,
    })
    send(res, format, answer.status, answer.status === 200 ? 'service_requests' : 'errors', answer.body)
  }

  async function list(res: ServerResponse, format: Format, url: URL): Promise<void> {
    const answer = await open311Requests(rt, paramsOf(url.searchParams))
    if (answer.status !== 200 || !answer.page) return send(res, format, answer.status, 'errors', answer.body, CORS)
    const headers: Record<string, string> = {
      ...CORS,
      'X-Page': String(answer.page.page),
      'X-Page-Size': String(answer.page.pageSize),
    }
    if (answer.page.more) {
      const next = new URLSearchParams(url.searchParams)
      next.set('page', String(answer.page.page + 1))
      headers.Link = `<${options.publicBaseUrl()}${url.pathname}?${next.toString()}>; rel="next"`
    }
    send(res, format, 200, 'service_requests', answer.body, headers)
  }

  async function read(res: ServerResponse, format: Format, resource: string, url: URL): Promise<void> {
    if (resource === 'discovery') {
      return send(
        res,
        format,
        200,
        'discovery',
        toDiscovery(`${options.publicBaseUrl()}${OPEN311_PREFIX.slice(0, -1)}`, await changeset(), options.production),
        CORS,
      )
    }
    if (resource === 'v2/services') return send(res, format, 200, 'services', await open311Services(rt.db), CORS)
    if (resource === 'v2/requests') return list(res, format, url)
    const [version, kind, id, ...extra] = resource.split('/')
    if (version !== 'v2' || !id || extra.length > 0)
      return send(res, format, 404, 'errors', errors(404, 'no such resource'), CORS)
    if (kind === 'services') {
      const service = (await open311Services(rt.db)).find((s) => s.service_code === id)
      if (!service) return send(res, format, 404, 'errors', errors(404, `service_code ${id} not found`), CORS)
      return send(res, format, 200, 'service_definition', { service_code: service.service_code, attributes: [] }, CORS)
    }
    const answer =
      kind === 'requests' ? await open311Request(rt, id) : kind === 'tokens' ? await open311Token(rt.db, id) : null
    if (!answer) return send(res, format, 404, 'errors', errors(404, 'no such resource'), CORS)
    send(res, format, answer.status, answer.status === 200 ? 'service_requests' : 'errors', answer.body, CORS)
  }

  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const match = /^(.+)\.(json|xml)$/.exec(url.pathname.slice(OPEN311_ROOT.length))
    const format: Format = match?.[2] === 'xml' ? 'xml' : 'json'
    let resource: string
    try {
      resource = decodeURIComponent(match?.[1] ?? '')
    } catch {
      resource = ''
    }
    if (!match || !resource)
      return send(
        res,
        format,
        404,
        'errors',
        errors(404, 'no such resource: GeoReport v2 answers <resource>.xml or <resource>.json'),
        CORS,
      )
    const allow = resource === 'v2/requests' ? READ_WRITE : READ
    const method = req.method ?? 'GET'
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        ...CORS,
        Allow: allow,
        'Access-Control-Allow-Methods': READ,
        'Access-Control-Allow-Headers': 'Accept',
        'Access-Control-Max-Age': '86400',
      })
      return void res.end()
    }
    if (method === 'POST' && allow === READ_WRITE) return post(req, res, format, url.searchParams)
    if (method !== 'GET' && method !== 'HEAD') {
      req.resume()
      return send(res, format, 405, 'errors', errors(405, `${method} is not allowed here: ${allow}`), { Allow: allow })
    }
    return read(res, format, resource, url)
  }
}
