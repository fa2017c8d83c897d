import Taro from '@tarojs/taro'

export type { UploadedPhoto } from './upload/photo'
/** Uploads one picture from a temporary path (per platform: services/upload/upload.*.ts). */
export { uploadPhoto } from './upload/upload'

/** Lets the person pick up to `count` pictures from the album or the camera. */
export async function choosePhotos(count: number): Promise<string[]> {
  const picked = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return picked.tempFilePaths
}

/**
 * What an <Image> can show for a stored photo id: the local host serves `local:<key>` at
 * `/files/<key>`; a CloudBase `cloud://` id is shown by WeChat's Image as is; a hotline
 * photo arrives as an http(s) URL already.
 */
export function photoUrl(fileId: string): string {
  if (fileId.startsWith('local:')) return `${typeof API_BASE_URL === 'string' ? API_BASE_URL : ''}/files/${encodeURIComponent(fileId.slice('local:'.length))}`
  return fileId
}
