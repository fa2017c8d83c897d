import { getToken } from '../transport/session'
import { createHttpUpload } from './http-upload'
import type { UploadedPhoto } from './photo'

const upload = createHttpUpload({ baseUrl: API_BASE_URL, getToken, fetch: (url, init) => fetch(url, init), kind: 'sheet' })

/** The browser's file dialog for one .xlsx; null when it was closed without a choice. */
function chooseFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    input.style.display = 'none'
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    })
    input.addEventListener('cancel', () => {
      resolve(null)
      input.remove()
    })
    document.body.appendChild(input)
    input.click()
  })
}

/** H5: choose an .xlsx and post it to the local host's `POST /api/upload?kind=sheet`. */
export async function pickAndUploadSheet(): Promise<(UploadedPhoto & { name: string }) | null> {
  const file = await chooseFile()
  if (!file) return null
  const blobUrl = URL.createObjectURL(file)
  try {
    return { ...(await upload(blobUrl)), name: file.name }
  } finally {
    URL.revokeObjectURL(blobUrl)
  }
}
