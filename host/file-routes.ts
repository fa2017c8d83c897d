import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LocalRuntime } from '../cloudfunctions/core/local-runtime'
import { verifyFileUrl } from '../cloudfunctions/core/file-urls'
import { saveUpload, uploadedBytes } from '../cloudfunctions/core/photos'
import { BodyTooLargeError, failure, readBody, sendEnvelope, sendJson } from './http-util'
import type { LimitKind } from './rate-limit'
import { resolveInside, sendFile } from './static-files'
import { EXTENSION, imageFromRequest, uploadKindOf } from './upload'

/** What the file routes take from the host (server.ts). */
export interface FileRouteDeps {
  runtime: LocalRuntime
  /** Signs and checks the /files/ URLs. */
  secret: string
  /** Where the local storage port keeps uploads. */
  filesDir: string
  /** Bytes one account may keep in uploads. */
  uploadQuotaBytes: number
  /** undefined: no Authorization header; null: one that does not verify. */
  callerOf(req: IncomingMessage): { openid: string } | null | undefined
  /** Answers 429 with Retry-After and false when one of the caller's buckets is empty. */
  withinLimit(req: IncomingMessage, res: ServerResponse, kind: LimitKind, account: string | null): boolean
}

/** POST /api/upload and GET /files/<key>: the host's two routes for uploaded files. */
export function createFileRoutes(deps: FileRouteDeps) {
  async function upload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const kind = uploadKindOf(url.searchParams.get('kind'))
    const caller = deps.callerOf(req)
    if (!caller) {
      sendEnvelope(res, failure('UNAUTHORIZED', `请先登录再上传${kind.what}`))
      return
    }
    if (!deps.withinLimit(req, res, 'upload', caller.openid)) return
    let body: Buffer
    try {
      body = await readBody(req, kind.maxBytes + 64 * 1024)
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        sendJson(res, 413, failure('BAD_REQUEST', kind.tooLarge), { Connection: 'close' })
        return
      }
      throw err
    }
    const file = imageFromRequest(body, req.headers['content-type'] ?? '')
    if (file && file.length > kind.maxBytes) {
      sendJson(res, 413, failure('BAD_REQUEST', kind.tooLarge))
      return
    }
    const type = file ? kind.sniff(file) : null
    if (!file || !type) {
      sendJson(res, 415, failure('BAD_REQUEST', kind.wrongType))
      return
    }
    if ((await uploadedBytes(deps.runtime.db, caller.openid)) + file.length > deps.uploadQuotaBytes) {
      sendJson(res, 413, failure('BAD_REQUEST', '您上传的照片已达存储上限，请联系社区工作人员'))
      return
    }
    // Recorded with the uploader: cases and wishes accept only their author's own photos.
    const fileId = await saveUpload(deps.runtime, `${randomUUID()}.${EXTENSION[type]}`, file, caller.openid)
    sendEnvelope(res, { ok: true, data: { fileId, url: await deps.runtime.storage.url(fileId) } })
  }

  /** Only through a URL a function answered (signed, expiring): residents' photos are not public. */
  async function serveUploaded(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const rest = url.pathname.slice('/files/'.length)
    let key: string | null
    try {
      key = decodeURIComponent(rest)
    } catch {
      key = null
    }
    const signed =
      key === null
        ? 'bad'
        : verifyFileUrl(
            deps.secret,
            key,
            url.searchParams.get('expires'),
            url.searchParams.get('sig'),
            deps.runtime.clock.now(),
          )
    if (signed !== 'ok') {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end(signed === 'expired' ? '链接已过期，请刷新页面后再看' : '没有查看这个文件的权限')
      return
    }
    const file = resolveInside(deps.filesDir, rest)
    const found = file
      ? await stat(file).then(
          (s) => (s.isFile() ? { file, size: s.size } : null),
          () => null,
        )
      : null
    if (!found || !file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('文件不存在')
      return
    }
    return sendFile(req, res, found, { 'Content-Disposition': 'inline', 'Cache-Control': 'private, max-age=86400' })
  }

  return { upload, serveUploaded }
}
