import Taro from '@tarojs/taro'
import { sheetCloudDir } from '../../../types/places-labels'
import { usersService } from '../users'
import { chooseChatFile } from './choose-file.weapp'
import type { UploadedPhoto } from './photo'

/**
 * WeChat: staff keep their spreadsheets in chats, so the file comes from
 * chooseMessageFile and goes to CloudBase storage under `sheets/<openid>/`, which is how the
 * `places` function tells it is theirs.
 */
export async function pickAndUploadSheet(): Promise<(UploadedPhoto & { name: string }) | null> {
  const file = await chooseChatFile('xlsx')
  if (!file) return null
  const { openid } = await usersService.me()
  const cloudPath = `${sheetCloudDir(openid)}${Date.now()}-${Math.random().toString(36).slice(2)}.xlsx`
  const res = await Taro.cloud.uploadFile({ cloudPath, filePath: file.path })
  return { fileId: res.fileID, url: file.path, name: file.name }
}
