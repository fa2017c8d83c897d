import { checkPdf, pdfAttachmentName } from './pdf-file'

describe('pdfAttachmentName', () => {
  it('should keep a short name as it is', () => {
    expect(pdfAttachmentName('停水范围.pdf')).toBe('停水范围.pdf')
  })

  it('should cut a long name to 60 characters and keep .pdf', () => {
    const name = pdfAttachmentName(`${'碑林区重点项目'.repeat(20)}.PDF`)
    expect(Array.from(name)).toHaveLength(60)
    expect(name.endsWith('.pdf')).toBe(true)
  })

  it('should call a nameless file 附件.pdf', () => {
    expect(pdfAttachmentName('.pdf')).toBe('附件.pdf')
  })
})

describe('checkPdf', () => {
  it('should let a 2 MB PDF through', () => {
    expect(() => checkPdf({ name: 'a.pdf', size: 2 * 1024 * 1024 })).not.toThrow()
  })

  it('should refuse a 30 MB PDF with what to do', () => {
    expect(() => checkPdf({ name: 'a.pdf', size: 30 * 1024 * 1024 })).toThrow('附件不能超过 10MB，请压缩后再上传')
  })

  it('should refuse a Word file', () => {
    expect(() => checkPdf({ name: 'a.docx', size: 1000 })).toThrow('附件只能是 PDF 文件')
  })
})
