import { NOTICE_LIMITS } from '../../../types/notices-labels'
import { CallError } from '../transport/call-error'

/** A PDF as a notice keeps it: the stored file, the name residents see, its size. */
export interface PickedPdf {
  fileId: string
  name: string
  sizeBytes: number
}

const NAME_MAX = 60

/**
 * The name a notice shows for a chosen file: what the phone called it, cut to fit (the
 * `.pdf` kept, which the notice checks), or 附件.pdf when it had none.
 */
export function pdfAttachmentName(fileName: string): string {
  const stem = fileName.replace(/\.pdf$/i, '').trim() || '附件'
  return `${Array.from(stem)
    .slice(0, NAME_MAX - 4)
    .join('')}.pdf`
}

/**
 * Refuses, before anything is uploaded, a file that is not a PDF or is over the notices'
 * limit: the person hears why at once instead of after a long upload.
 */
export function checkPdf(file: { name: string; size: number }): void {
  if (!/\.pdf$/i.test(file.name)) throw new CallError('BAD_REQUEST', '附件只能是 PDF 文件，请另存为 PDF 后再上传')
  if (file.size > NOTICE_LIMITS.attachmentMaxBytes) {
    throw new CallError(
      'BAD_REQUEST',
      `附件不能超过 ${NOTICE_LIMITS.attachmentMaxBytes / 1024 / 1024}MB，请压缩后再上传`,
    )
  }
}
