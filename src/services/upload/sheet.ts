import { CallError } from '../transport/call-error'
import type { UploadedPhoto } from './photo'

/**
 * The spreadsheet seam, like `./upload`: Taro resolves `./sheet` to `sheet.h5.ts` (a file
 * input, then the local host) or `sheet.weapp.ts` (a file from a chat, then CloudBase
 * storage). Answers null when the person closed the picker without choosing.
 */
export async function pickAndUploadSheet(): Promise<(UploadedPhoto & { name: string }) | null> {
  throw new CallError('INTERNAL', '当前平台不支持上传表格')
}
