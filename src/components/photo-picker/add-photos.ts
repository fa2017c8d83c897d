import type { UploadedPhoto } from '../../services/photos'

export interface PhotoSource {
  choose(count: number): Promise<string[]>
  upload(tempPath: string): Promise<UploadedPhoto>
}

/**
 * Picks as many pictures as there is room for and uploads them one by one, in the order
 * chosen; the list never grows past `max`. An upload that fails rejects, and the ones
 * before it are not kept: the person picks again.
 */
export async function addPhotos(
  current: readonly UploadedPhoto[],
  max: number,
  source: PhotoSource,
  onUploading: (on: boolean) => void = () => undefined,
): Promise<UploadedPhoto[]> {
  const room = max - current.length
  if (room <= 0) return [...current]
  const paths = await source.choose(room)
  onUploading(true)
  try {
    const uploaded: UploadedPhoto[] = []
    for (const path of paths) uploaded.push(await source.upload(path))
    return [...current, ...uploaded].slice(0, max)
  } finally {
    onUploading(false)
  }
}

/** Closing the picker without choosing rejects with an errMsg saying "cancel": not worth a toast. */
export function isPickerCancel(error: unknown): boolean {
  const errMsg = typeof error === 'object' && error !== null ? (error as { errMsg?: unknown }).errMsg : undefined
  return typeof errMsg === 'string' && /cancel/i.test(errMsg)
}
