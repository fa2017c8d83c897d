import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { compressedFor } from './compressed-assets'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** Taro names its bundles `name.<hash>.js`; those never change, so browsers may keep them. */
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i

function cacheControlOf(file: string): string {
  if (file.endsWith('.html')) return 'no-cache'
  if (HASHED.test(path.basename(file))) return 'public, max-age=31536000, immutable'
  return 'public, max-age=3600'
}

/**
 * Resolves a URL path inside `root`, or null when it would step outside it (`..`,
 * encoded slashes, NUL bytes).
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded))
  const rootFull = path.resolve(root)
  return full === rootFull || full.startsWith(rootFull + path.sep) ? full : null
}

async function fileAt(file: string | null): Promise<{ file: string; size: number } | null> {
  if (!file) return null
  try {
    const s = await stat(file)
    return s.isFile() ? { file, size: s.size } : null
  } catch {
    return null
  }
}

/**
 * Sends one file with its content type and cache policy (no body for HEAD): compressed
 * with brotli or gzip when it is text the browser accepts compressed (see
 * compressed-assets.ts), streamed as it is otherwise.
 */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  found: { file: string; size: number },
  headers: Record<string, string> = {},
): Promise<void> {
  const base = {
    'Content-Type': contentTypeOf(found.file),
    'Cache-Control': cacheControlOf(found.file),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  }
  const packed = await compressedFor(found, req.headers['accept-encoding'])
  if (packed) {
    res.writeHead(200, {
      ...base,
      'Content-Encoding': packed.encoding,
      'Content-Length': packed.body.length,
      Vary: 'Accept-Encoding',
    })
    res.end(req.method === 'HEAD' ? undefined : packed.body)
    return
  }
  res.writeHead(200, { ...base, 'Content-Length': found.size, ...(packed === null ? { Vary: 'Accept-Encoding' } : {}) })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(found.file)
    .on('error', () => res.destroy())
    .pipe(res)
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}

/**
 * Serves the H5 build. A path with no file behind it and no extension is a client-side
 * route, so it gets index.html (the SPA fallback); a missing asset stays a 404 so a
 * broken bundle reference fails loudly instead of parsing HTML as JavaScript.
 */
export async function serveH5(req: IncomingMessage, res: ServerResponse, root: string, urlPath: string): Promise<void> {
  const index = await fileAt(path.join(root, 'index.html'))
  if (!index) {
    sendText(res, 503, 'H5 页面尚未构建，请先运行 npm run build:h5')
    return
  }
  const target = resolveInside(root, urlPath)
  if (target === null) {
    sendText(res, 400, '路径不正确')
    return
  }
  const found = (await fileAt(target)) ?? (await fileAt(path.join(target, 'index.html')))
  if (found) return sendFile(req, res, found)
  if (path.extname(target) === '') return sendFile(req, res, index)
  sendText(res, 404, '文件不存在')
}
