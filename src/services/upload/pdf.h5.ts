import { getToken } from '../transport/session'
import { chooseFile } from './choose-file.h5'
import { createHttpUpload } from './http-upload'
import { checkPdf, pdfAttachmentName, type PickedPdf } from './pdf-file'

const upload = createHttpUpload({
  baseUrl: API_BASE_URL,
  getToken,
  fetch: (url, init) => fetch(url, init),
  kind: 'pdf',
})

/** H5: choose a PDF and post it to the local host's `POST /api/upload?kind=pdf`. */
export async function pickAndUploadPdf(): Promise<PickedPdf | null> {
  const file = await chooseFile('.pdf,application/pdf')
  if (!file) return null
  checkPdf(file)
  const blobUrl = URL.createObjectURL(file)
  try {
    const { fileId } = await upload(blobUrl)
    return { fileId, name: pdfAttachmentName(file.name), sizeBytes: file.size }
  } finally {
    URL.revokeObjectURL(blobUrl)
  }
}
