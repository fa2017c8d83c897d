import { COLLECTIONS, type UnitDoc } from '../core/collections'
import { codeOf, usePlacesEnv, HEADER, OTHER_STAFF, upload, xlsx, type TestCell } from './test-helpers'

describe('places function: spreadsheet import', () => {
  const t = usePlacesEnv()
  const { places } = t
  const units = async () => JSON.stringify(await t.env().docs(COLLECTIONS.units, { ancestors: 'c-dongxianmen' }))
  const SHEET: TestCell[][] = [
    HEADER,
    ['东县门小区', 3, '第一网格', 3, 36],
    ['东县门小区', 5, '第一网格', 2, 30],
    ['建东街小区', '1号楼', '东县门社区第二网格', 2, 24],
    ['建东街小区', '2号楼', '东县门社区第二网格', null, null],
  ]
  const uploaded = async (rows: TestCell[][] = SHEET, who = 'demo-secretary-1') =>
    upload(t.env(), who, await xlsx(rows))
  const preview = (fileId: string, who = 'demo-secretary-1') =>
    places(who, { action: 'importPreview', communityId: 'c-dongxianmen', fileId })
  const commit = (fileId: string, digest: string, who = 'demo-secretary-1') =>
    places(who, { action: 'importCommit', communityId: 'c-dongxianmen', fileId, digest })

  describe('importPreview', () => {
    it('should show what would be created and left alone, writing nothing', async () => {
      const before = await units()
      const res = await preview(await uploaded())
      expect(res.data.counts).toEqual({ estatesCreated: 1, buildingsCreated: 3, changed: 0, unchanged: 1, rejected: 0 })
      expect(res.data.rows.map((r: any) => [r.row, r.outcome])).toEqual([
        [3, 'create'],
        [4, 'create'],
        [5, 'create'],
        [2, 'unchanged'],
      ])
      expect(await units()).toBe(before)
    })
    it('should list rejected rows first with their row number and reasons', async () => {
      const res = await preview(
        await uploaded([...SHEET, ['建东街小区', '2号楼', '东县门社区第二网格'], ['', 7, '第一网格']]),
      )
      expect(res.data.rows.slice(0, 2)).toEqual([
        {
          row: 6,
          estate: '建东街小区',
          building: '2号楼',
          outcome: 'reject',
          reasons: ['与第 5 行重复（同一小区的同一栋楼）'],
        },
        { row: 7, estate: '', building: '7', outcome: 'reject', reasons: ['「小区」列没有填写'] },
      ])
    })
    it.each<[string, () => Promise<Buffer>, string]>([
      [
        'a file that is not Excel',
        async () => Buffer.from('%PDF-1.4 这是一份 PDF'),
        '这不是 Excel 表格（.xlsx）文件，请用 Excel 或 WPS 另存为 .xlsx 后再上传',
      ],
      [
        'a sheet with missing columns',
        () =>
          xlsx([
            ['小区', '楼栋'],
            ['东县门小区', 1],
          ]),
        '第 1 行（表头）缺少「所属网格」列：表头应为 小区、楼栋、所属网格，可加 单元数、户数、经度、纬度',
      ],
      [
        'a formula',
        () => xlsx([HEADER, ['东县门小区', 1, '第一网格', { formula: '1+1', result: 2 }]]),
        '第 2 行「单元数」列（D2）是公式，请复制后“选择性粘贴为数值”再导入',
      ],
    ])('should refuse %s with the reason', async (_what, make, message) => {
      const res = await preview(await upload(t.env(), 'demo-secretary-1', await make()))
      expect(res.error).toMatchObject({ code: 'BAD_REQUEST', message })
    })
    it('should refuse a file someone else uploaded, or none at all', async () => {
      expect((await preview(await uploaded(SHEET, 'demo-resident-1'))).error).toMatchObject({
        code: 'BAD_REQUEST',
        message: '表格文件无效，请重新上传',
      })
      expect(codeOf(await preview('local:nothing-here'))).toBe('BAD_REQUEST')
      expect(codeOf(await preview(''))).toBe('BAD_REQUEST')
    })
    it('should refuse a resident, a grid worker and staff of another community', async () => {
      expect(codeOf(await preview(await uploaded(SHEET, 'demo-resident-1'), 'demo-resident-1'))).toBe('FORBIDDEN')
      expect(codeOf(await preview(await uploaded(SHEET, 'demo-grid-1'), 'demo-grid-1'))).toBe('FORBIDDEN')
      expect(codeOf(await preview(await uploaded(SHEET, OTHER_STAFF), OTHER_STAFF))).toBe('FORBIDDEN')
    })
  })

  describe('importCommit', () => {
    it('should create the previewed 小区 and 楼栋 under the right grid', async () => {
      const fileId = await uploaded()
      const { data } = await preview(fileId)
      expect((await commit(fileId, data.digest)).data).toEqual({ estatesCreated: 1, buildingsCreated: 3, changed: 0 })
      const [estate] = await t.env().docs<UnitDoc>(COLLECTIONS.units, { kind: 'estate', name: '建东街小区' })
      expect(estate).toMatchObject({
        parentId: 'g-dongxianmen-2',
        ancestors: ['d-beilin', 's-baishulin', 'c-dongxianmen', 'g-dongxianmen-2'],
      })
      const buildings = await t.env().docs<UnitDoc>(COLLECTIONS.units, { parentId: estate!._id })
      expect(buildings.map((b) => [b.name, b.unitCount, b.households, b.ancestors.length]).sort()).toEqual([
        ['1号楼', 2, 24, 5],
        ['2号楼', null, null, 5],
      ])
      const listed = await places('demo-resident-2', { action: 'places', communityId: 'c-dongxianmen' })
      expect(listed.data.estates.map((e: any) => e.name)).toContain('建东街小区')
    })
    it('should change nothing when the same file is imported twice', async () => {
      const fileId = await uploaded()
      await commit(fileId, (await preview(fileId)).data.digest)
      const after = await units()
      const again = await preview(fileId)
      expect(again.data.counts).toEqual({
        estatesCreated: 0,
        buildingsCreated: 0,
        changed: 0,
        unchanged: 4,
        rejected: 0,
      })
      expect((await commit(fileId, again.data.digest)).data).toEqual({
        estatesCreated: 0,
        buildingsCreated: 0,
        changed: 0,
      })
      expect(await units()).toBe(after)
    })
    it('should update a changed household count', async () => {
      const fileId = await uploaded([HEADER, ['东县门小区', '3号楼', '第一网格', 3, 40]])
      const { data } = await preview(fileId)
      expect(data.rows[0]).toMatchObject({ outcome: 'change', reasons: ['户数 36 → 40'] })
      await commit(fileId, data.digest)
      expect((await t.env().docs<UnitDoc>(COLLECTIONS.units, { _id: 'b-dongxianmen-1-1-3' }))[0]!.households).toBe(40)
    })
    it('should import nothing while any row is rejected, naming the rows', async () => {
      const fileId = await uploaded([...SHEET, ['东县门小区', 9, '第九网格']])
      const before = await units()
      const res = await commit(fileId, (await preview(fileId)).data.digest)
      expect(res.error).toMatchObject({
        code: 'BAD_REQUEST',
        message: '表格中有 1 行有误，请修改后重新导入（一行也没有导入）',
      })
      expect(res.error.issues[0].message).toMatch(/^第 6 行：「所属网格」列：本社区没有“第九网格”/)
      expect(await units()).toBe(before)
    })
    it('should refuse a commit whose plan changed since the preview', async () => {
      const fileId = await uploaded()
      const res = await commit(fileId, 'an-old-digest')
      expect(res.error).toMatchObject({ code: 'CONFLICT' })
    })
    it('should refuse a resident and staff of another community, writing nothing', async () => {
      const fileId = await uploaded()
      const { data } = await preview(fileId)
      const before = await units()
      expect(codeOf(await commit(fileId, data.digest, 'demo-resident-1'))).toBe('FORBIDDEN')
      expect(codeOf(await commit(fileId, data.digest, OTHER_STAFF))).toBe('FORBIDDEN')
      expect(
        codeOf(
          await places('demo-secretary-1', {
            action: 'importCommit',
            communityId: 'c-dongxianmen',
            fileId,
            digest: '',
          }),
        ),
      ).toBe('BAD_REQUEST')
      expect(await units()).toBe(before)
    })
  })
})
