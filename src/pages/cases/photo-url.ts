/**
 * What an <Image> can show for a stored photo id: the local host serves `local:<key>` at
 * `/files/<key>`; a CloudBase `cloud://` id is shown by WeChat's Image as is; a hotline
 * photo arrives as an http(s) URL already.
 */
export function photoUrl(fileId: string): string {
  if (fileId.startsWith('local:')) return `${typeof API_BASE_URL === 'string' ? API_BASE_URL : ''}/files/${encodeURIComponent(fileId.slice('local:'.length))}`
  return fileId
}
