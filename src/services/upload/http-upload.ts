import { CallError, callErrorFrom, type CallErrorCode } from '../transport/call-error'
import type { UploadedPhoto } from './photo'

type Body = { blob(): Promise<Blob>; json(): Promise<unknown> }
export type UploadFetch = (
  url: string,
  init?: { method: string; body: FormData; headers: Record<string, string> },
) => Promise<Body>

export interface HttpUploadOptions {
  /** '' for the page's own origin, as the transport. */
  baseUrl: string
  getToken(): string | null
  fetch: UploadFetch
  /** What is uploaded: photos (default), an import spreadsheet (`?kind=sheet`, .xlsx) or a notice's PDF (`?kind=pdf`). */
  kind?: UploadKind
}

export type UploadKind = 'photo' | 'sheet' | 'pdf'

/** The part's file name, the query and the words when the host gives none, per kind. */
const KINDS: Record<UploadKind, { fileName: string; query: string; failed: string }> = {
  photo: { fileName: 'photo', query: '', failed: '照片上传失败，请重试' },
  sheet: { fileName: 'sheet.xlsx', query: '?kind=sheet', failed: '表格上传失败，请重试' },
  pdf: { fileName: 'file.pdf', query: '?kind=pdf', failed: '附件上传失败，请重试' },
}

const CODES: ReadonlySet<string> = new Set<CallErrorCode>([
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
])

/**
 * The local host's side of photo upload: reads the picture chooseImage left at a temporary
 * (blob:) path and posts it as `multipart/form-data` to `POST <base>/api/upload`, which
 * checks it is a JPG/PNG/WebP of at most 5 MB. The host's refusal ("照片不能超过 5MB") is
 * said to the person as it is; an unreachable host is a NETWORK error like any call's.
 * Kept free of Taro so it is tested against a real HTTP server.
 */
export function createHttpUpload(options: HttpUploadOptions) {
  const kind = KINDS[options.kind ?? 'photo']
  return async function uploadPhoto(tempPath: string): Promise<UploadedPhoto> {
    let body: unknown
    try {
      const blob = await (await options.fetch(tempPath)).blob()
      const form = new FormData()
      form.append('file', blob, kind.fileName)
      const token = options.getToken()
      const res = await options.fetch(`${options.baseUrl}/api/upload${kind.query}`, {
        method: 'POST',
        body: form,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      })
      body = await res.json().catch(() => null)
    } catch {
      throw callErrorFrom('NETWORK')
    }
    const envelope = body as { ok?: boolean; data?: UploadedPhoto; error?: { code?: string; message?: string } } | null
    if (envelope?.ok && envelope.data) return envelope.data
    const code =
      envelope?.error?.code && CODES.has(envelope.error.code) ? (envelope.error.code as CallErrorCode) : 'INTERNAL'
    throw new CallError(code, envelope?.error?.message ?? kind.failed)
  }
}
