import { sheetCloudDir } from '../../types/places-labels'
import { AppError } from '../core/app-error'
import { collection } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { cloudPathOf, UPLOADS_COLLECTION } from '../core/photos'

/**
 * The bytes of a spreadsheet the caller uploaded: the local host records the uploader in
 * `uploads`; in the cloud the app writes under `sheets/<openid>/`. Anyone else's file, or
 * a file that is gone, is refused before anything is read from it.
 */
export async function readOwnFile(ctx: ActionContext, fileId: string): Promise<Buffer> {
  const { openid } = ctx.requireCaller()
  let mine = false
  if (fileId.startsWith('local:')) {
    const doc = await collection(ctx.rt.db, UPLOADS_COLLECTION).doc(fileId).get()
    mine = doc?.openid === openid
  } else {
    const p = cloudPathOf(fileId)
    mine = p !== null && p.startsWith(sheetCloudDir(openid)) && !p.split('/').includes('..')
  }
  const refused = new AppError('BAD_REQUEST', '表格文件无效，请重新上传', {
    issues: [{ path: ['fileId'], message: '表格文件无效，请重新上传' }],
  })
  if (!mine) throw refused
  try {
    return await ctx.rt.storage.read(fileId)
  } catch {
    throw refused
  }
}
