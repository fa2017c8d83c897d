import { getToken } from '../transport/session'
import { createHttpUpload } from './http-upload'

/** H5: the local host's `POST /api/upload` (same origin unless TARO_APP_API_BASE_URL was set). */
export const uploadPhoto = createHttpUpload({
  baseUrl: API_BASE_URL,
  getToken,
  fetch: (url, init) => fetch(url, init),
})
