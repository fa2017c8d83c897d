import Taro from '@tarojs/taro'
import { CallError } from '../../services/transport/call-error'
import { getToken } from '../../services/transport/session'

export interface UploadedPhoto {
  fileId: string
  url: string
}

/**
 * H5: sends a chosen picture to the local host's `POST /api/upload`, which checks it is a
 * JPG/PNG/WebP of at most 5 MB and answers its file id. (upload-photo.weapp.ts uses
 * CloudBase storage.) The picture is read from the temporary path chooseImage gave.
 */
export async function uploadPhoto(tempPath: string): Promise<UploadedPhoto> {
  const blob = await (await fetch(tempPath)).blob()
  const form = new FormData()
  form.append('file', blob, 'photo')
  const token = getToken()
  const res = await fetch(`${API_BASE_URL}/api/upload`, {
    method: 'POST',
    body: form,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  const envelope = (await res.json().catch(() => null)) as { ok: boolean; data?: UploadedPhoto; error?: { code: string; message: string } } | null
  if (!envelope?.ok || !envelope.data) throw new CallError((envelope?.error?.code as never) ?? 'INTERNAL', envelope?.error?.message ?? '照片上传失败，请重试')
  return envelope.data
}

/** Lets the resident pick up to `count` pictures from the album or camera. */
export async function choosePhotos(count: number): Promise<string[]> {
  const picked = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return picked.tempFilePaths
}
