import { CallError } from '../transport/call-error'
import type { UploadedPhoto } from './photo'

/**
 * The upload seam, like the transport's `call`: Taro resolves `./upload` to
 * `upload.h5.ts` (the local host) or `upload.weapp.ts` (CloudBase storage) at build time;
 * this file is what TypeScript and jest see.
 */
export async function uploadPhoto(tempPath: string): Promise<UploadedPhoto> {
  void tempPath
  throw new CallError('INTERNAL', '当前平台不支持上传照片')
}
