import { chooseChatFile } from './choose-file.weapp'
import { checkPdf, pdfAttachmentName, type PickedPdf } from './pdf-file'
import { uploadPhoto } from './upload.weapp'

/**
 * WeChat: staff get their PDFs in chats, so the file comes from chooseMessageFile. It is
 * stored like a photo, in the uploader's own `photos/<openid>/` folder, which is how the
 * notices function tells it is theirs.
 */
export async function pickAndUploadPdf(): Promise<PickedPdf | null> {
  const file = await chooseChatFile('pdf')
  if (!file) return null
  checkPdf(file)
  const { fileId } = await uploadPhoto(file.path)
  return { fileId, name: pdfAttachmentName(file.name), sizeBytes: file.size }
}
