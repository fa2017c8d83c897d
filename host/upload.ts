import { NOTICE_LIMITS } from '../types/notices-labels'

/**
 * Photo uploads (wish photos, fulfilment proof, case photos). Accepts either the raw
 * image as the body (`Content-Type: image/jpeg`) or `multipart/form-data` with one file
 * part, which is what `Taro.uploadFile` sends from the H5 build. The image type is taken
 * from the file's own first bytes, never from what the client declares.
 */

/** WeChat compresses photos well below this; anything larger is not a phone photo. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

export type ImageKind = 'jpeg' | 'png' | 'webp'
export type FileKind = ImageKind | 'xlsx' | 'pdf'

export const EXTENSION: Record<FileKind, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', xlsx: 'xlsx', pdf: 'pdf' }

export function sniffImage(bytes: Buffer): ImageKind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'png'
  }
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    return 'webp'
  }
  return null
}

/**
 * An .xlsx workbook is a zip archive; the `places` function reads it and refuses anything
 * that is not really a workbook, so the host only checks the archive's signature.
 */
export function sniffSheet(bytes: Buffer): 'xlsx' | null {
  return bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304 ? 'xlsx' : null
}

/** Every PDF starts with `%PDF-`; the viewer that opens it copes with whatever follows. */
export function sniffPdf(bytes: Buffer): 'pdf' | null {
  return bytes.length >= 5 && bytes.toString('latin1', 0, 5) === '%PDF-' ? 'pdf' : null
}

export interface UploadKind {
  sniff(bytes: Buffer): FileKind | null
  maxBytes: number
  what: string
  tooLarge: string
  wrongType: string
}

/**
 * What `POST /api/upload` accepts: photos by default, an import spreadsheet with
 * `?kind=sheet` (staff importing 小区/楼栋), a notice's PDF with `?kind=pdf` (a scanned 公示
 * runs to a few MB, so it has the notices' own limit). Each its own size limit and words.
 */
export const UPLOAD_KINDS: Record<'photo' | 'sheet' | 'pdf', UploadKind> = {
  photo: {
    sniff: sniffImage,
    maxBytes: MAX_UPLOAD_BYTES,
    what: '照片',
    tooLarge: '照片不能超过 5MB',
    wrongType: '只能上传 JPG、PNG 或 WebP 格式的照片',
  },
  sheet: {
    sniff: sniffSheet,
    maxBytes: MAX_UPLOAD_BYTES,
    what: '表格',
    tooLarge: '表格文件不能超过 5MB，请分成几个文件导入',
    wrongType: '只能上传 Excel 表格（.xlsx），请用 Excel 或 WPS 另存为 .xlsx 后再上传',
  },
  pdf: {
    sniff: sniffPdf,
    maxBytes: NOTICE_LIMITS.attachmentMaxBytes,
    what: '附件',
    tooLarge: '附件不能超过 10MB，请压缩后再上传',
    wrongType: '附件只能是 PDF 文件，请另存为 PDF 后再上传',
  },
}

/** The kind a `?kind=` parameter names; photos when absent or unknown. */
export function uploadKindOf(param: string | null): UploadKind {
  return param === 'sheet' || param === 'pdf' ? UPLOAD_KINDS[param] : UPLOAD_KINDS.photo
}

/** The first part of a multipart body that carries a file, or null if there is none. */
export function firstFilePart(body: Buffer, contentType: string): Buffer | null {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  const boundary = match?.[1] ?? match?.[2]
  if (!boundary) return null
  const delimiter = Buffer.from(`--${boundary}`)
  let start = body.indexOf(delimiter)
  while (start !== -1) {
    const headerStart = start + delimiter.length + 2 // skip CRLF after the delimiter
    const next = body.indexOf(delimiter, headerStart)
    if (next === -1) return null
    const headerEnd = body.indexOf('\r\n\r\n', headerStart)
    if (headerEnd !== -1 && headerEnd < next) {
      const headers = body.toString('utf8', headerStart, headerEnd)
      if (/filename=/i.test(headers)) {
        // The part's content ends with the CRLF that precedes the next delimiter.
        return body.subarray(headerEnd + 4, next - 2)
      }
    }
    start = next
  }
  return null
}

/** The image bytes of an upload request, whichever of the two forms it used. */
export function imageFromRequest(body: Buffer, contentType: string): Buffer | null {
  if (/^multipart\/form-data/i.test(contentType)) return firstFilePart(body, contentType)
  return body.length > 0 ? body : null
}
