/**
 * Where a photo is stored in CloudBase storage: under the uploader's openid, so a function
 * can tell from a `cloud://` fileID who uploaded it (cloudfunctions/core/photos.ts) without
 * keeping a record of every upload. The app writes there; the functions check the prefix.
 */
export function photoCloudPath(openid: string, fileName: string): string {
  return `${photoCloudDir(openid)}${fileName}`
}

/** `photos/<openid>/`: the folder of one person's photos. */
export function photoCloudDir(openid: string): string {
  return `photos/${openid}/`
}
