import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Db } from '@cloudbase/database'
import { createLocalRuntime, type LocalRuntime, type SettableClock } from '../cloudfunctions/core/local-runtime'
import { getFunction, registry } from '../cloudfunctions/registry'
import { runSweeps } from '../cloudfunctions/scheduler'
import { openEmbeddedDb } from '../embedded-db'
import { BodyTooLargeError, failure, readBody, sendEnvelope, sendJson } from './http-util'
import { serveH5 } from './static-files'
import { startSweepLoop, type SweepLoop } from './sweep-loop'
import { COLLECTIONS } from '../cloudfunctions/core/collections'
import { INDEXES } from '../cloudfunctions/core/indexes'
import { UPLOAD_QUOTA_BYTES } from '../cloudfunctions/core/photos'
import { createRealClock } from './clock'
import { createFileRoutes } from './file-routes'
import { createOpen311Handler, OPEN311_ROOT } from './open311'
import { createMediaFetcher, DEFAULT_MEDIA_FETCH, type MediaFetchOptions } from './open311-media'
import { createRateLimiter, type LimitKind } from './rate-limit'
import { createTokenVerifier, signToken } from './token'

export interface HostOptions {
  /** An embedded database file the host opens and closes, or ':memory:'. */
  dbFile?: string
  /** A database someone else opened (and will close). */
  db?: Db
  /** Development mode: enables /api/dev/* (demo login, dev inbox). Never in production. */
  devMode: boolean
  /** HMAC secret for session tokens. */
  secret: string
  /** The H5 build to serve (dist-h5/). */
  h5Dir: string
  /** Where uploaded files are kept. */
  dataDir: string
  /** Defaults to real time (with a settable offset). */
  clock?: SettableClock
  /** How often the scheduler's sweeps run; 0 turns the loop off (tests call sweeps themselves). */
  sweepIntervalMs?: number
  /** One line per request; defaults to stdout. */
  log?: (line: string) => void
  /** Keeps the functions' own log off the console (tests). */
  quiet?: boolean
  /** Open311 POST keys: api_key → openid of an account with a hotline role (scripts/start.ts reads OPEN311_API_KEYS). None: no one may POST. */
  open311ApiKeys?: Record<string, string>
  /** How Open311's media_url is fetched; tests allow loopback. */
  open311MediaFetch?: Partial<MediaFetchOptions>
  /** Slow-client protection (tests shorten them): see `SERVER_TIMEOUTS`. */
  timeouts?: Partial<typeof SERVER_TIMEOUTS>
  /** Per-account and per-address limits (host/rate-limit.ts); tests that flood on purpose may turn them off. */
  rateLimits?: boolean
  /** Bytes one account may keep in uploads (default UPLOAD_QUOTA_BYTES). */
  uploadQuotaBytes?: number
  /** Behind a reverse proxy on this machine (TRUST_PROXY=1): the client's address is X-Forwarded-For's first. */
  trustProxy?: boolean
  /** Where clients reach this host (PUBLIC_BASE_URL, e.g. https://minhu.example.cn), for links it gives out; defaults to the address it listens on. */
  publicBaseUrl?: string
}

export interface Host {
  /** Starts listening on 127.0.0.1 (port 0 picks a free one) and gives the base URL. */
  listen(port: number, hostname?: string): Promise<string>
  /** Stops accepting, lets in-flight requests and a running sweep finish, closes the db it opened. */
  close(): Promise<void>
  /** The runtime the functions run with (tests use it to seed and inspect). */
  runtime: LocalRuntime
}

/** JSON events are small; anything bigger is a mistake or an attack. */
export const MAX_JSON_BYTES = 256 * 1024
const FUNCTION_NAME = /^[a-z][a-z0-9-]*$/
/** `/api/<function>` as a client sends it: no query, dot segment or escape for a URL parser to resolve. */
const PLAIN_FUNCTION_PATH = /^\/api\/[a-z][a-z0-9-]*$/
const OPENID = /^[A-Za-z0-9_-]{1,64}$/
const DEFAULT_SWEEP_INTERVAL_MS = 60_000

/**
 * Slow clients: a phone on a bad network sends a request in well under a second, so a
 * request whose headers or body trickle in for longer is cut instead of holding a socket;
 * idle keep-alive sockets close soon; and one process serves a bounded number of sockets.
 */
export const SERVER_TIMEOUTS = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  /** How often Node checks the two above (its default, 30 s, let a trickle live ~85 s). */
  checkEveryMs: 1_000,
  maxConnections: 1_000,
}
const SHUTDOWN_GRACE_MS = 10_000

export function createHost(options: HostOptions): Host {
  const opened = options.db ? null : openEmbeddedDb({ file: options.dbFile ?? ':memory:', indexes: INDEXES })
  const db = options.db ?? opened!.db
  // The local storage port keeps uploads here and names them /files/<key>.
  const filesDir = path.join(options.dataDir, 'uploads')
  const runtime = createLocalRuntime({
    db,
    clock: options.clock ?? createRealClock(),
    dataDir: options.dataDir,
    quiet: options.quiet,
    fileUrlSecret: options.secret,
  })
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'))
  let listeningAt = 'http://127.0.0.1'
  const open311 = createOpen311Handler({
    runtime,
    cases: registry.cases,
    apiKeys: options.open311ApiKeys ?? {},
    publicBaseUrl: () => (options.publicBaseUrl ?? listeningAt).replace(/\/+$/, ''),
    production: !options.devMode,
    fetchMedia: createMediaFetcher({ ...DEFAULT_MEDIA_FETCH, ...options.open311MediaFetch }),
    limitPost: (req, account) => waitFor(req, 'open311', account),
  })

  const verify = createTokenVerifier(options.secret)

  /** undefined: no Authorization header; null: one that does not verify. */
  function callerOf(req: IncomingMessage): { openid: string } | null | undefined {
    const header = req.headers.authorization
    if (!header) return undefined
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    const openid = match ? verify(match[1]!) : null
    return openid ? { openid } : null
  }

  async function readJson(req: IncomingMessage, res: ServerResponse): Promise<{ value: unknown } | null> {
    let body: Buffer
    try {
      body = await readBody(req, MAX_JSON_BYTES)
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        sendJson(res, 413, failure('BAD_REQUEST', '提交的内容过大'), { Connection: 'close' })
        return null
      }
      throw err
    }
    if (body.length === 0) return { value: {} }
    try {
      return { value: JSON.parse(body.toString('utf8')) }
    } catch {
      sendEnvelope(res, failure('BAD_REQUEST', '请求格式不正确'))
      return null
    }
  }

  const limiter = options.rateLimits === false ? null : createRateLimiter()

  /** Takes from the caller's buckets: null when allowed, else the seconds to wait. */
  function waitFor(req: IncomingMessage, kind: LimitKind, account: string | null): number | null {
    const forwarded = options.trustProxy
      ? String(req.headers['x-forwarded-for'] ?? '')
          .split(',')[0]
          ?.trim()
      : ''
    return limiter?.take(kind, { account, address: forwarded || req.socket.remoteAddress || 'unknown' }) ?? null
  }

  /** Answers 429 with Retry-After and false when one of the caller's buckets is empty. */
  function withinLimit(req: IncomingMessage, res: ServerResponse, kind: LimitKind, account: string | null): boolean {
    const wait = waitFor(req, kind, account)
    if (wait === null) return true
    sendJson(res, 429, failure('RATE_LIMITED', `操作太频繁，请 ${wait} 秒后再试`), { 'Retry-After': String(wait) })
    return false
  }

  async function callFunction(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const fn = getFunction(name)
    if (!fn) {
      sendEnvelope(res, failure('NOT_FOUND', '没有这项服务'))
      return
    }
    const caller = callerOf(req)
    if (caller === null) {
      sendEnvelope(res, failure('UNAUTHORIZED', '登录已失效，请重新登录'))
      return
    }
    const event = await readJson(req, res)
    if (!event) return
    const account = caller?.openid ?? null
    if (!withinLimit(req, res, 'call', account)) return
    const action = (event.value as { action?: unknown } | null)?.action
    if (fn.limitOf(action) === 'submission' && !withinLimit(req, res, 'submission', account)) return
    // The caller comes only from the verified token: whatever `openid` the event carries is
    // just input data for the function.
    sendEnvelope(res, await fn.invoke(event.value, caller ?? null, runtime))
  }

  async function devLogin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const event = await readJson(req, res)
    if (!event) return
    const openid = (event.value as { openid?: unknown } | null)?.openid
    if (typeof openid !== 'string' || !OPENID.test(openid)) {
      sendEnvelope(res, failure('BAD_REQUEST', '账号格式不正确'))
      return
    }
    sendEnvelope(res, { ok: true, data: { token: signToken(openid, options.secret) } })
  }

  async function devMessages(res: ServerResponse): Promise<void> {
    const { data } = await runtime.db.collection(COLLECTIONS.devMessages).orderBy('sentAt', 'desc').limit(200).get()
    sendEnvelope(res, { ok: true, data: { messages: data } })
  }

  const { upload, serveUploaded } = createFileRoutes({
    runtime,
    secret: options.secret,
    filesDir,
    uploadQuotaBytes: options.uploadQuotaBytes ?? UPLOAD_QUOTA_BYTES,
    callerOf,
    withinLimit,
  })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Nearly every request is a function call on a plain path, which is its own pathname:
    // no URL is built for it (a few µs a request); the routes that read a query build one.
    const raw = req.url ?? '/'
    const parsed = PLAIN_FUNCTION_PATH.test(raw) ? null : new URL(raw, 'http://host')
    const pathname = parsed ? parsed.pathname : raw
    const url = () => parsed ?? new URL(raw, 'http://host')
    const method = req.method ?? 'GET'

    if (pathname.startsWith(OPEN311_ROOT)) return open311(req, res, url())
    if (pathname.startsWith('/api/')) {
      if (pathname === '/api/dev/login' || pathname === '/api/dev/messages') {
        if (!options.devMode) {
          sendEnvelope(res, failure('FORBIDDEN', '仅在开发模式下可用'))
          return
        }
        if (pathname === '/api/dev/login' && method === 'POST') return devLogin(req, res)
        if (pathname === '/api/dev/messages' && method === 'GET') return devMessages(res)
      } else if (method === 'POST') {
        const name = pathname.slice('/api/'.length)
        if (name === 'upload') return upload(req, res, url())
        if (FUNCTION_NAME.test(name)) return callFunction(req, res, name)
        sendEnvelope(res, failure('NOT_FOUND', '没有这项服务'))
        return
      }
      sendJson(res, 405, failure('BAD_REQUEST', '请求方式不正确'))
      return
    }
    if (method !== 'GET' && method !== 'HEAD') {
      sendJson(res, 405, failure('BAD_REQUEST', '请求方式不正确'))
      return
    }
    if (pathname.startsWith('/files/')) return serveUploaded(req, res, url())
    return serveH5(req, res, options.h5Dir, pathname)
  }

  const timeouts = { ...SERVER_TIMEOUTS, ...options.timeouts }
  const server = createServer({ connectionsCheckingInterval: timeouts.checkEveryMs }, (req, res) => {
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      // Path only: the query string, the body and the Authorization header stay out of logs.
      const pathname = (req.url ?? '/').split('?')[0]
      log(`${req.method} ${pathname} ${res.statusCode} ${ms.toFixed(1)}ms`)
    })
    route(req, res).catch((err: unknown) => {
      runtime.log.error('host request failed', { path: req.url?.split('?')[0], error: String(err) })
      if (!res.headersSent) sendEnvelope(res, failure('INTERNAL', '服务暂时不可用，请稍后再试'))
      else res.destroy()
    })
  })
  server.headersTimeout = timeouts.headersMs
  server.requestTimeout = timeouts.requestMs
  server.keepAliveTimeout = timeouts.keepAliveMs
  server.maxConnections = timeouts.maxConnections

  const interval = options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS
  let sweeps: SweepLoop | null = null

  return {
    runtime,
    listen(port, hostname = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, hostname, () => {
          server.off('error', reject)
          if (interval > 0) {
            sweeps = startSweepLoop(
              () => runSweeps(runtime),
              interval,
              (err) => runtime.log.error('sweep failed', { error: String(err) }),
            )
          }
          const { port: actual } = server.address() as AddressInfo
          listeningAt = `http://${hostname}:${actual}`
          resolve(listeningAt)
        })
      })
    },
    async close() {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      // Idle keep-alive sockets would hold close() open; busy ones get a grace period.
      server.closeIdleConnections()
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS)
      force.unref()
      await Promise.all([stopped.catch(() => undefined), sweeps?.stop()])
      clearTimeout(force)
      opened?.close()
    },
  }
}
