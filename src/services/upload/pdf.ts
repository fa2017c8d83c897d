import { CallError } from '../transport/call-error'
import type { PickedPdf } from './pdf-file'

/**
 * The PDF seam, like `./sheet`: Taro resolves `./pdf` to `pdf.h5.ts` (a file input, then
 * the local host) or `pdf.weapp.ts` (a file from a chat, then CloudBase storage). Answers
 * null when the person closed the picker without choosing.
 */
export async function pickAndUploadPdf(): Promise<PickedPdf | null> {
  throw new CallError('INTERNAL', '当前平台不支持上传附件')
}
