import { HEADER, xlsx } from '../test-helpers'
import { columnLetter, readSheet, SheetError } from './sheet'

async function refusal(bytes: Buffer): Promise<string> {
  try {
    await readSheet(bytes)
  } catch (error) {
    if (error instanceof SheetError) return error.message
    throw error
  }
  throw new Error('the sheet was accepted')
}

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [5, 'E'],
    [26, 'Z'],
    [27, 'AA'],
  ])('should name column %i %s', (n, letter) => {
    expect(columnLetter(n)).toBe(letter)
  })
})

describe('readSheet', () => {
  it('should read the data rows under the header, keyed by column, skipping blank rows', async () => {
    const rows = await readSheet(
      await xlsx([HEADER, ['东县门小区', 3, '第一网格', 2, 24], [], ['东县门小区', '4号楼', '第一网格']]),
    )
    expect(rows).toEqual([
      { row: 2, cells: { estate: '东县门小区', building: '3', grid: '第一网格', unitCount: '2', households: '24' } },
      { row: 4, cells: { estate: '东县门小区', building: '4号楼', grid: '第一网格' } },
    ])
  })

  it('should read columns in any order and ignore columns it does not know', async () => {
    const rows = await readSheet(
      await xlsx([
        ['备注', '所属网格', '楼栋', '小区'],
        ['新楼', '第二网格', '1', '柏树林家属院'],
      ]),
    )
    expect(rows[0]!.cells).toEqual({ grid: '第二网格', building: '1', estate: '柏树林家属院' })
  })

  it.each<[string, () => Promise<Buffer>, string]>([
    ['an empty file', async () => Buffer.alloc(0), '文件是空的，请选择填好的 Excel 表格'],
    [
      'a file that is not Excel',
      async () => Buffer.from('小区,楼栋\n东县门小区,1'),
      '这不是 Excel 表格（.xlsx）文件，请用 Excel 或 WPS 另存为 .xlsx 后再上传',
    ],
    [
      'an old .xls file',
      async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(600)]),
      '这是旧版 Excel（.xls）文件，请用 Excel 或 WPS 另存为 .xlsx 后再上传',
    ],
    [
      'a zip that is not a workbook',
      async () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]),
      '表格文件已损坏或不是 Excel 表格（.xlsx），请重新保存后再上传',
    ],
    [
      'a 10 MB file',
      async () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(10 * 1024 * 1024)]),
      '表格文件不能超过 5MB，请分成几个文件导入',
    ],
    [
      'a workbook with an empty sheet',
      () => xlsx([]),
      '表格是空的：第 1 行应是表头（小区、楼栋、所属网格），从第 2 行起每行一栋楼',
    ],
    ['a header without data', () => xlsx([HEADER]), '表格里只有表头，没有数据：从第 2 行起每行填一栋楼'],
    [
      'missing columns',
      () =>
        xlsx([
          ['小区', '楼栋号'],
          ['东县门小区', '1'],
        ]),
      '第 1 行（表头）缺少「楼栋」、「所属网格」列：表头应为 小区、楼栋、所属网格，可加 单元数、户数、经度、纬度',
    ],
    [
      'a formula',
      () =>
        xlsx([
          HEADER,
          ['东县门小区', 1, '第一网格', 2, 24],
          ['东县门小区', 2, '第一网格', 2, { formula: 'E2*2', result: 48 }],
        ]),
      '第 3 行「户数」列（E3）是公式，请复制后“选择性粘贴为数值”再导入',
    ],
    [
      '20,000 rows',
      () => xlsx([HEADER, ...Array.from({ length: 20000 }, (_, i) => ['东县门小区', i + 1, '第一网格'])]),
      '表格超过 10000 行数据（第 10002 行已超出），一次最多导入 10000 行，请分成几个文件',
    ],
  ])(
    'should refuse %s with a message naming what to fix',
    async (_what, make, message) => {
      expect(await refusal(await make())).toBe(message)
    },
    // Writing and reading the 20,000-row sheet takes seconds on a busy shared machine.
    30_000,
  )
})
