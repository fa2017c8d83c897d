import { firstFilePart, imageFromRequest, sniffImage, sniffPdf, sniffSheet, uploadKindOf } from './upload'

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 ')])

function multipart(boundary: string, parts: { headers: string; body: Buffer }[]): Buffer {
  const chunks: Buffer[] = []
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n${part.headers}\r\n\r\n`), part.body, Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return Buffer.concat(chunks)
}

describe('upload', () => {
  it('should recognise jpeg, png and webp by their first bytes', () => {
    expect(sniffImage(JPEG)).toBe('jpeg')
    expect(sniffImage(PNG)).toBe('png')
    expect(sniffImage(WEBP)).toBe('webp')
  })

  it('should refuse anything else, whatever it is called', () => {
    expect(sniffImage(Buffer.from('GIF89a....'))).toBeNull()
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(sniffImage(Buffer.alloc(0))).toBeNull()
  })

  it('should recognise an xlsx workbook by its zip signature and nothing else as one', () => {
    expect(sniffSheet(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]))).toBe('xlsx')
    expect(sniffSheet(PNG)).toBeNull()
    expect(sniffSheet(Buffer.from('小区,楼栋'))).toBeNull()
  })

  it('should recognise a PDF by its %PDF- header and nothing else as one', () => {
    expect(sniffPdf(Buffer.from('%PDF-1.4\n'))).toBe('pdf')
    expect(sniffPdf(PNG)).toBeNull()
    expect(sniffPdf(Buffer.from('%PD'))).toBeNull()
  })

  it('should read the upload kind from ?kind=, photos when absent or unknown', () => {
    expect(uploadKindOf('pdf').what).toBe('附件')
    expect(uploadKindOf('sheet').what).toBe('表格')
    expect(uploadKindOf(null).what).toBe('照片')
    expect(uploadKindOf('exe').what).toBe('照片')
  })

  it('should take the file part out of a multipart body, skipping plain fields', () => {
    const body = multipart('XyZ', [
      { headers: 'Content-Disposition: form-data; name="note"', body: Buffer.from('hello') },
      {
        headers: 'Content-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png',
        body: PNG,
      },
    ])
    expect(firstFilePart(body, 'multipart/form-data; boundary=XyZ')).toEqual(PNG)
    expect(imageFromRequest(body, 'multipart/form-data; boundary="XyZ"')).toEqual(PNG)
  })

  it('should find no file in a multipart body without one', () => {
    const body = multipart('b', [{ headers: 'Content-Disposition: form-data; name="note"', body: Buffer.from('x') }])
    expect(firstFilePart(body, 'multipart/form-data; boundary=b')).toBeNull()
    expect(firstFilePart(body, 'multipart/form-data')).toBeNull()
  })

  it('should take a raw body as the image itself', () => {
    expect(imageFromRequest(JPEG, 'image/jpeg')).toEqual(JPEG)
    expect(imageFromRequest(Buffer.alloc(0), 'image/jpeg')).toBeNull()
  })
})
