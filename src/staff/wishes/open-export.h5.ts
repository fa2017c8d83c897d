/** H5: the host serves the workbook; a new tab lets the browser download it. */
export async function openExport(file: { fileId: string; url: string }): Promise<void> {
  window.open(file.url, '_blank')
}
