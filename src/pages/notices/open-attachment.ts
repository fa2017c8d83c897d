/** H5: the browser opens the PDF itself (the local host serves it at its URL). */
export async function openAttachment(file: { url: string }): Promise<void> {
  window.open(file.url, '_blank')
}
