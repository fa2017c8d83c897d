import { useState } from 'react'
import { toast, toastError } from '../../lib/feedback'
import { EXPORT_AS_LINK, deliverExport } from './export-file'

export interface ExportedFile {
  fileId: string
  url: string
  fileName: string
  rowCount: number
}

export interface ExportLinkState {
  url: string
  name: string
  rows: number
}

/**
 * An Excel export as the staff pages offer it (台账, 活动统计): busy while it runs, then a
 * download link on H5 or the file opened in WeChat's document viewer; a refusal is shown.
 */
export function useExport() {
  const [exporting, setExporting] = useState(false)
  const [link, setLink] = useState<ExportLinkState | null>(null)
  const run = async (make: () => Promise<ExportedFile>, opened: (rows: number) => string) => {
    setExporting(true)
    setLink(null)
    try {
      const file = await make()
      const url = await deliverExport(file)
      if (EXPORT_AS_LINK) setLink({ url, name: file.fileName, rows: file.rowCount })
      else toast(opened(file.rowCount), 'success')
    } catch (error) {
      toastError(error)
    } finally {
      setExporting(false)
    }
  }
  return { exporting, link, clear: () => setLink(null), run }
}
