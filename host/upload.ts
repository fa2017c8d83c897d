/**
 * Photo uploads (wish photos, fulfilment proof, case photos). Accepts either the raw
 * image as the body (`Content-Type: image/jpeg`) or `multipart/form-data` with one file
 * part, which is what `Taro.uploadFile` sends from the H5 build. The image type is taken
 * from the file's own first bytes, never from what the client declares.
 */

/** WeChat compresses photos well below this; anything larger is not a phone photo. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

export type ImageKind = 'jpeg' | 'png' | 'webp'

export const EXTENSION: Record<ImageKind, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' }

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
