import Taro from '@tarojs/taro'

export interface UploadedPhoto {
  fileId: string
  url: string
}

/** WeChat: the picture goes to CloudBase storage; its fileID is what the wish keeps. */
export async function uploadPhoto(tempPath: string): Promise<UploadedPhoto> {
  const ext = /\.(\w+)$/.exec(tempPath)?.[1] ?? 'jpg'
  const res = await Taro.cloud.uploadFile({ cloudPath: `wishes/${Date.now()}-${Math.random().toString(36).slice(2)}.${ext}`, filePath: tempPath })
  return { fileId: res.fileID, url: tempPath }
}

export async function choosePhotos(count: number): Promise<string[]> {
  const picked = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return picked.tempFilePaths
}
