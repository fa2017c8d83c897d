import type { Db } from '@cloudbase/database'
import { photoCloudDir } from '../../types/photos'
import { AppError } from './app-error'
import { aggregated, collection, collectionName } from './data'
import type { Runtime } from './runtime'

/*
 * Photo ownership. A case or a wish may only carry photos its author uploaded: otherwise a
 * caller could attach someone else's file id (seen on a wall, in a URL) and have it shown,
 * exported or kept alive under their own name.
 *
 * - Local storage (`local:<key>`): the host's upload route records the uploader in the
 *   `uploads` collection, `{ _id: fileId, openid, createdAt }`.
 * - CloudBase storage (`cloud://<env>.<bucket>/<path>`): the app uploads to
 *   `photos/<openid>/…` (types/photos.ts), so the path names the uploader.
 * Anything else is refused.
 */

/** `uploads`: one per file the local host stored for someone; `_id` is the file id. */
export interface UploadDoc {
  _id: string
  openid: string
  createdAt: string
  /** Size on disk, for the per-account storage quota (absent on uploads from before it). */
  bytes?: number
  /** Where an Open311 `media_url` photo was fetched from: public at its source, so answered back. */
  sourceUrl?: string
}

export const UPLOADS_COLLECTION = collectionName<UploadDoc>('uploads')

/** What one account may keep on the local host: about forty forms' worth of full-size photos. */
export const UPLOAD_QUOTA_BYTES = 200 * 1024 * 1024

/** How many bytes an account has uploaded so far (one aggregate over its uploads). */
export async function uploadedBytes(db: Db, openid: string): Promise<number> {
  const $ = db.command.aggregate
  const [sum] = await aggregated<{ bytes?: number }>(
    db
      .collection(UPLOADS_COLLECTION)
      .aggregate()
      .match({ openid })
      .group({ _id: null, bytes: $.sum('$bytes') }),
  )
  return sum?.bytes ?? 0
}

/**
 * Stores an uploaded file for `openid` and records them as its uploader: what the host's
 * upload route does with a photo (and what tests do to stand in for it).
 */
export async function saveUpload(
  rt: Pick<Runtime, 'db' | 'storage' | 'clock'>,
  fileName: string,
  content: Buffer,
  openid: string,
): Promise<string> {
  const fileId = await rt.storage.save(fileName, content)
  await collection(rt.db, UPLOADS_COLLECTION)
    .doc(fileId)
    .set({ openid, createdAt: rt.clock.now().toISOString(), bytes: content.length })
  return fileId
}

/** The storage path of a `cloud://` fileID (after the env and bucket), or null if it is not one. */
export function cloudPathOf(fileId: string): string | null {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)
  return m?.[1] ?? null
}

/**
 * Refuses (BAD_REQUEST 照片无效, with the index of the first bad photo) unless every file
 * id was uploaded by `openid`. Call it before anything is written.
 * `field` names the input field in the issue path (`photos`).
 */
export async function checkOwnPhotos(
  db: Db,
  openid: string,
  fileIds: readonly string[],
  field = 'photos',
): Promise<void> {
  if (fileIds.length === 0) return
  const local = fileIds.filter((id) => id.startsWith('local:'))
  const owned = new Set<string>()
  if (local.length > 0) {
    const uploads = await collection(db, UPLOADS_COLLECTION)
      .where({ _id: db.command.in(local), openid })
      .limit(local.length)
      .get()
    for (const d of uploads) owned.add(d._id)
  }
  const dir = photoCloudDir(openid)
  const mine = (id: string) => {
    if (id.startsWith('local:')) return owned.has(id)
    const p = cloudPathOf(id)
    // `..` would climb out of the folder in a path the storage normalises.
    return p !== null && p.startsWith(dir) && !p.split('/').includes('..')
  }
  const bad = fileIds.findIndex((id) => !mine(id))
  if (bad !== -1) {
    throw new AppError('BAD_REQUEST', '照片无效', {
      issues: [{ path: [field, bad], message: '照片无效，请重新上传' }],
      cause: `photo ${fileIds[bad]} not uploaded by ${openid}`,
    })
  }
}
