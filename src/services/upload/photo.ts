/** A stored picture: `fileId` is what a wish or case keeps, `url` shows it right now. */
export interface UploadedPhoto {
  fileId: string
  url: string
}
