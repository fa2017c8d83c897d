import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { seedDemo } from '../demo'
import { createHost, type Host } from './server'

/*
 * For the Open311 HTTP tests: a host on the demo data with two API keys (the hotline key is
 * demo-street-1's, 街道 — a hotline role; the grid key demo-grid-1's, which is not) and a
 * configured public base URL, and a tiny image server on loopback standing in for the
 * site a client's media_url points at.
 */

export const API_KEYS = { 'hotline-key-1': 'demo-street-1', 'grid-key-1': 'demo-grid-1' }
export const PUBLIC_BASE_URL = 'https://minhu.example.cn'
export const IN_GRID_1 = { lat: '34.2581', long: '108.9573' }
/** A real 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

export interface Open311TestHost {
  host: Host
  /** http://127.0.0.1:<port> */
  url: string
  /** url + /open311/v2 */
  base: string
  close(): Promise<void>
}

export async function startOpen311Host(): Promise<Open311TestHost> {
  const work = mkdtempSync(path.join(tmpdir(), 'minhu-open311-'))
  const host = createHost({
    dbFile: ':memory:',
    devMode: false,
    secret: 'open311-test-secret',
    h5Dir: work,
    dataDir: work,
    sweepIntervalMs: 0,
    log: () => undefined,
    quiet: true,
    open311ApiKeys: API_KEYS,
    open311MediaFetch: { allowPrivateNetwork: true, timeoutMs: 2000 },
    publicBaseUrl: PUBLIC_BASE_URL,
  })
  await seedDemo(host.runtime)
  const url = await host.listen(0)
  return {
    host,
    url,
    base: `${url}/open311/v2`,
    close: () => host.close().then(() => rmSync(work, { recursive: true, force: true })),
  }
}

/** Serves `routes` (path → status, type, body) on loopback; anything else is 404. */
export async function startImageServer(
  routes: Record<string, { status?: number; type?: string; body: Buffer | string; headers?: Record<string, string> }>,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const route = routes[req.url ?? '']
    if (!route) {
      res.writeHead(404)
      res.end()
      return
    }
    res.writeHead(route.status ?? 200, { 'Content-Type': route.type ?? 'image/png', ...route.headers })
    res.end(route.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
