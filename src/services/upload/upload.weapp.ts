import Taro from '@tarojs/taro'
import { photoCloudPath } from '../../../types/photos'
import { usersService } from '../users'
import type { UploadedPhoto } from './photo'

let myOpenid: Promise<string> | null = null

/** The caller's openid, asked once: the storage folder is named after it. */
function openid(): Promise<string> {
  myOpenid ??= usersService.me().then((me) => me.openid)
  myOpenid.catch(() => (myOpenid = null))
  return myOpenid
}

/**
 * WeChat: the picture goes to CloudBase storage under the uploader's own folder
 * (`photos/<openid>/…`), which is how the functions tell it is theirs; its fileID is what
 * the wish or case keeps.
 */
export async function uploadPhoto(tempPath: string): Promise<UploadedPhoto> {
  const ext = /\.(\w+)$/.exec(tempPath)?.[1] ?? 'jpg'
  const name = `${Date.now()}-${Math.random().toString(36).slice(2)}.${ext}`
  const res = await Taro.cloud.uploadFile({ cloudPath: photoCloudPath(await openid(), name), filePath: tempPath })
  return { fileId: res.fileID, url: tempPath }
}
