import { getToken } from '../transport/session'
import { chooseFile } from './choose-file.h5'
import { createHttpUpload } from './http-upload'
import type { UploadedPhoto } from './photo'

const upload = createHttpUpload({
  baseUrl: API_BASE_URL,
  getToken,
  fetch: (url, init) => fetch(url, init),
  kind: 'sheet',
})

/** H5: choose an .xlsx and post it to the local host's `POST /api/upload?kind=sheet`. */
export async function pickAndUploadSheet(): Promise<(UploadedPhoto & { name: string }) | null> {
  const file = await chooseFile('.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  if (!file) return null
  const blobUrl = URL.createObjectURL(file)
  try {
    return { ...(await upload(blobUrl)), name: file.name }
  } finally {
    URL.revokeObjectURL(blobUrl)
  }
}
