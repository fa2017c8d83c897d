import { photoUrl } from '../../services/photos'

/** Whether the exported file is offered as a link (H5) rather than opened in place (weapp). */
export const EXPORT_AS_LINK = true

/**
 * H5: the local host serves the stored file at /files/<key>; the page shows it as a link
 * the browser downloads. (export-file.weapp.ts downloads it from CloudBase storage and opens it.)
 */
export async function deliverExport(fileId: string): Promise<string> {
  return photoUrl(fileId)
}
