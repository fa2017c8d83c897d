import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { PLACE_LIMITS, REQUIRED_SHEET_COLUMNS, SHEET_COLUMNS, type SheetColumn } from '../../../types/places-labels'

/*
 * Reading a 小区/楼栋 spreadsheet. Every refusal of the file as a whole names the row and
 * column a person would look at in Excel, and happens before anything is planned, so a bad
 * file never gets half imported.
 */

/** One data row: its number in the sheet (the header is row 1) and its cells as text. */
export interface SheetRow {
  row: number
  cells: Partial<Record<SheetColumn, string>>
}

/** The file cannot be read as an import sheet; `message` is shown to staff as is. */
export class SheetError extends Error {}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0])

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = ''
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s
  return s
}

function checkBytes(bytes: Buffer): void {
  if (bytes.length === 0) throw new SheetError('文件是空的，请选择填好的 Excel 表格')
  if (bytes.length > PLACE_LIMITS.sheetBytesMax) throw new SheetError('表格文件不能超过 5MB，请分成几个文件导入')
  if (bytes.subarray(0, 4).equals(OLE2))
    throw new SheetError('这是旧版 Excel（.xls）文件，请用 Excel 或 WPS 另存为 .xlsx 后再上传')
  if (!bytes.subarray(0, 4).equals(ZIP))
    throw new SheetError('这不是 Excel 表格（.xlsx）文件，请用 Excel 或 WPS 另存为 .xlsx 后再上传')
}

type StreamRow = ExcelJS.Row
const EMPTY_SHEET = '表格是空的：第 1 行应是表头（小区、楼栋、所属网格），从第 2 行起每行一栋楼'

/**
 * The rows of the first worksheet, streamed: a sheet over the row limit is refused as soon
 * as the limit is passed, without reading (or holding) the rest of it.
 */
async function* firstWorksheetRows(bytes: Buffer): AsyncGenerator<StreamRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  })
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) yield row
      return
    }
  } catch (error) {
    if (error instanceof SheetError) throw error
    throw new SheetError('表格文件已损坏或不是 Excel 表格（.xlsx），请重新保存后再上传')
  }
}

const isColumn = (key: string): key is SheetColumn => Object.prototype.hasOwnProperty.call(SHEET_COLUMNS, key)

/** Header text → column number; a required column that is missing is named. */
function readHeader(row: StreamRow | undefined): Map<SheetColumn, number> {
  if (!row || row.number !== 1) throw new SheetError(EMPTY_SHEET)
  const byLabel = new Map<string, SheetColumn>(
    Object.entries(SHEET_COLUMNS).flatMap(([key, label]): [string, SheetColumn][] =>
      isColumn(key) ? [[label, key]] : [],
    ),
  )
  const found = new Map<SheetColumn, number>()
  row.eachCell((cell, col) => {
    const key = byLabel.get(cell.text.trim())
    if (key && !found.has(key)) found.set(key, col)
  })
  const missing = REQUIRED_SHEET_COLUMNS.filter((c) => !found.has(c)).map((c) => `「${SHEET_COLUMNS[c]}」`)
  if (missing.length > 0) {
    throw new SheetError(
      `第 1 行（表头）缺少${missing.join('、')}列：表头应为 小区、楼栋、所属网格，可加 单元数、户数、经度、纬度`,
    )
  }
  return found
}

function readCells(r: StreamRow, header: Map<SheetColumn, number>): SheetRow['cells'] {
  const cells: SheetRow['cells'] = {}
  for (const [key, col] of header) {
    const cell = r.getCell(col)
    if (cell.type === ExcelJS.ValueType.Formula) {
      throw new SheetError(
        `第 ${r.number} 行「${SHEET_COLUMNS[key]}」列（${columnLetter(col)}${r.number}）是公式，请复制后“选择性粘贴为数值”再导入`,
      )
    }
    const text = cell.text.trim()
    if (text) cells[key] = text
  }
  return cells
}

/**
 * The data rows of the first worksheet. Refuses files that are not .xlsx, empty, too large,
 * with too many rows, without the required columns, or with a formula in a used column
 * (its value would be whatever Excel last cached, which may not be what staff see).
 */
export async function readSheet(bytes: Buffer): Promise<SheetRow[]> {
  checkBytes(bytes)
  let header: Map<SheetColumn, number> | null = null
  let count = 0
  const rows: SheetRow[] = []
  for await (const r of firstWorksheetRows(bytes)) {
    if (!header) {
      header = readHeader(r)
      continue
    }
    if (++count > PLACE_LIMITS.sheetRowsMax) {
      throw new SheetError(
        `表格超过 ${PLACE_LIMITS.sheetRowsMax} 行数据（第 ${r.number} 行已超出），一次最多导入 ${PLACE_LIMITS.sheetRowsMax} 行，请分成几个文件`,
      )
    }
    const cells = readCells(r, header)
    if (Object.keys(cells).length > 0) rows.push({ row: r.number, cells })
  }
  if (!header) throw new SheetError(EMPTY_SHEET)
  if (rows.length === 0) throw new SheetError('表格里只有表头，没有数据：从第 2 行起每行填一栋楼')
  return rows
}
