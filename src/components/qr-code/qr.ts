import qrcode from 'qrcode-generator'

/**
 * A QR code as an image the `Image` component shows on both platforms (a GIF data URL, no
 * canvas): medium error correction, the smallest version that holds the text.
 */
export function qrDataUrl(text: string, cellSize = 6): string {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr.createDataURL(cellSize, cellSize * 2)
}

/** How many modules a side the QR of `text` has (tests and sizing). */
export function qrModules(text: string): number {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr.getModuleCount()
}
