import { fileUrl } from '../../services/photos'

/** Whether the exported file is offered as a link (H5) rather than opened in place (weapp). */
export const EXPORT_AS_LINK = true

/**
 * H5: the local host serves the stored file at the signed, expiring link the export
 * answered; the page shows it as a link the browser downloads. (export-file.weapp.ts
 * downloads it from CloudBase storage and opens it.)
 */
export async function deliverExport(file: { fileId: string; url: string }): Promise<string> {
  return fileUrl(file.url)
}
