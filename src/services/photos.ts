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
 * What an <Image> or a link can use for a file URL a function answered (a case's
 * `photoUrls`, an export's `url`): the local host answers signed paths
 * (`/files/<key>?expires=…&sig=…`), which the H5 build may need to reach on the API's
 * origin; a cloud temporary link is used as it is.
 */
export function fileUrl(url: string): string {
  if (url.startsWith('/')) return `${typeof API_BASE_URL === 'string' ? API_BASE_URL : ''}${url}`
  return url
}
