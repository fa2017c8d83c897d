import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CaseDetail } from '../types/cases'
import type { CloudFunction } from '../cloudfunctions/core/define-function'
import type { Runtime } from '../cloudfunctions/core/runtime'
import { CASE_COLLECTIONS } from '../cloudfunctions/cases/collections'
import { open311Request, open311Requests, open311Services, open311SubmitEvent, toPostAnswer } from '../cloudfunctions/cases/open311-service'
import type { Open311Error } from '../cloudfunctions/cases/domain/open311'
import { BodyTooLargeError, readBody, sendJson } from './http-util'

/*
 * Open311 GeoReport v2 on the local host (wiki.open311.org/GeoReport_v2), for 12345 hotline
 * systems and other tools:
 *   GET  /open311/v2/services.json                 leaf categories
 *   GET  /open311/v2/services/<code>.json          a service definition (no extra attributes)
 *   GET  /open311/v2/requests.json                 service_request_id | start_date, end_date, service_code, status
 *   POST /open311/v2/requests.json                 api_key + form fields → a hotline case
 *   GET  /open311/v2/requests/<id>.json            one request, as a list of one
 *   GET  /open311/v2/tokens/<token>.json           the request a POST token stands for
 * Only the JSON format is served. Reading is public (no petitioner, no contact); writing
 * needs an API key. Each key stands for an account (an openid) that must hold a hotline
 * role (社区 or 街道 staff: PROXY_ROLES.hotline), because the case is entered through the
 * `cases` function as that account with channel `hotline` — the function, not this file,
 * decides whether the account may do so.
 */

export const OPEN311_PREFIX = '/open311/v2/'

/** Forms are small; a GeoReport client has no reason to send more. */
const MAX_FORM_BYTES = 32 * 1024

export interface Open311Options {
  runtime: Runtime
  cases: CloudFunction
  /** api_key → openid of the API account. */
  apiKeys: Readonly<Record<string, string>>
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

const errors = (code: number, description: string): Open311Error[] => [{ code, description }]

/** Relative URLs (local storage's `/files/<key>`) made absolute from the request, as the spec's media_url is. */
function absolute(req: IncomingMessage, url: string): string {
  if (!url.startsWith('/')) return url
  return `http://${req.headers.host ?? '127.0.0.1'}${url}`
}

async function readForm(req: IncomingMessage): Promise<Record<string, string> | null> {
  const body = (await readBody(req, MAX_FORM_BYTES)).toString('utf8')
  const type = String(req.headers['content-type'] ?? '')
  if (type.includes('application/json')) {
    try {
      const value: unknown = JSON.parse(body || '{}')
      if (!value || typeof value !== 'object' || Array.isArray(value)) return null
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]))
    } catch {
      return null
    }
  }
  // The spec's form encoding (application/x-www-form-urlencoded); multipart media is not accepted.
  return Object.fromEntries(new URLSearchParams(body))
}

/** Answers one Open311 request; the host mounts it under OPEN311_PREFIX. */
export function createOpen311Handler(options: Open311Options) {
  const { runtime: rt } = options

  async function post(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
    let form: Record<string, string> | null
    try {
      form = await readForm(req)
    } catch (err) {
      if (err instanceof BodyTooLargeError) return sendJson(res, 413, errors(413, 'request body too large'), { Connection: 'close' })
      throw err
    }
    if (!form) return sendJson(res, 400, errors(400, 'the body must be form fields or a JSON object'))
    const apiKey = form.api_key || query.get('api_key') || ''
    const openid = apiKey ? options.apiKeys[apiKey] : undefined
    if (!openid) return sendJson(res, 403, errors(403, apiKey ? 'api_key is not valid' : 'api_key is required'))
    // A client that retries sends the same key (header or field) and gets the same case.
    const given = String(req.headers['idempotency-key'] ?? form.client_request_id ?? '').trim()
    if (given && !/^[\w.:-]{8,56}$/.test(given)) return sendJson(res, 400, errors(400, 'Idempotency-Key must be 8–56 letters, digits or . _ : -'))
    const event = open311SubmitEvent(form, `o311-${given || randomUUID()}`)
    if (event.status !== 200) return sendJson(res, event.status, event.body)
    const answer = await options.cases.invoke(event.body, { openid }, rt)
    if (!answer.ok) {
      const status = answer.error.code === 'FORBIDDEN' ? 403 : answer.error.code === 'BAD_REQUEST' ? 400 : answer.error.code === 'UNAUTHORIZED' ? 403 : 500
      const description = answer.error.issues?.[0]?.message ?? answer.error.message
      return sendJson(res, status, errors(status, description))
    }
    const created = (answer.data as { case: CaseDetail }).case
    // Creation is realtime, so the id is known at once; the token (the case's id) still
    // resolves through tokens/<token>.json for clients written for batch endpoints.
    sendJson(res, 200, toPostAnswer(created).map((a) => ({ ...a, token: created.id })))
  }

  async function token(res: ServerResponse, value: string): Promise<void> {
    const found = /^[a-f0-9]{32}$/.test(value) ? ((await rt.db.collection(CASE_COLLECTIONS.cases).doc(value).get()).data as Array<{ number: string }>)[0] : undefined
    if (!found) return sendJson(res, 404, errors(404, `token ${value} not found`))
    sendJson(res, 200, [{ service_request_id: found.number, token: value }])
  }

  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const rest = url.pathname.slice(OPEN311_PREFIX.length)
    const method = req.method ?? 'GET'
    const match = /^(.+)\.(json|xml)$/.exec(rest)
    if (!match) return sendJson(res, 404, errors(404, 'no such resource'))
    if (match[2] !== 'json') return sendJson(res, 400, errors(400, 'only the json format is supported'))
    const resource = decodeURIComponent(match[1]!)
    const readOnly = (): boolean => {
      if (method === 'GET' || method === 'HEAD') return true
      sendJson(res, 405, errors(405, 'method not allowed'), { Allow: 'GET' })
      return false
    }

    if (resource === 'requests') {
      if (method === 'POST') return post(req, res, url.searchParams)
      if (!readOnly()) return
      const answer = await open311Requests(rt, Object.fromEntries(url.searchParams))
      return sendJson(res, answer.status, answer.status === 200 ? answer.body.map((r) => ({ ...r, media_url: absolute(req, r.media_url) })) : answer.body)
    }
    if (!readOnly()) return
    if (resource === 'services') return sendJson(res, 200, await open311Services(rt.db))
    const [kind, id, ...extra] = resource.split('/')
    if (!id || extra.length > 0) return sendJson(res, 404, errors(404, 'no such resource'))
    if (kind === 'services') {
      const service = (await open311Services(rt.db)).find((s) => s.service_code === id)
      if (!service) return sendJson(res, 404, errors(404, `service_code ${id} not found`))
      return sendJson(res, 200, { service_code: service.service_code, attributes: [] })
    }
    if (kind === 'requests') {
      const answer = await open311Request(rt, id)
      return sendJson(res, answer.status, answer.status === 200 ? answer.body.map((r) => ({ ...r, media_url: absolute(req, r.media_url) })) : answer.body)
    }
    if (kind === 'tokens') return token(res, id)
    return sendJson(res, 404, errors(404, 'no such resource'))
  }
}
