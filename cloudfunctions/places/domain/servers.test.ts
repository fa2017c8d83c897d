import { servingList, type ServingPost } from './servers'

const chain = ['b1', 'e1', 'g1', 'c1']
const names = new Map([
  ['b1', '3号楼'],
  ['e1', '东县门小区'],
  ['g1', '第一网格'],
  ['c1', '东县门社区'],
])
const post = (p: Partial<ServingPost>): ServingPost => ({
  post: 'police',
  unitId: 'e1',
  name: '马振宇',
  phone: '029-87412110',
  phoneHidden: false,
  ...p,
})

describe('servingList', () => {
  it('should list the grid worker first, then the posts in their order, nearest unit first', () => {
    const list = servingList(
      chain,
      'g1',
      [{ unitId: 'g1', name: '刘芳', phone: '13991230004', phoneHidden: false }],
      [
        post({ post: 'property', name: '物业中心' }),
        post({ post: 'police', unitId: 'c1', name: '社区民警甲' }),
        post({ post: 'police', unitId: 'e1', name: '社区民警乙' }),
        post({ post: 'building_head', unitId: 'b1', name: '张志强', phone: '13991230003' }),
      ],
      names,
    )
    expect(list.map((s) => [s.kind, s.name, s.unitName])).toEqual([
      ['grid_worker', '刘芳', '第一网格'],
      ['building_head', '张志强', '3号楼'],
      ['police', '社区民警乙', '东县门小区'],
      ['police', '社区民警甲', '东县门社区'],
      ['property', '物业中心', '东县门小区'],
    ])
    expect(list.every((s) => s.gridId === 'g1')).toBe(true)
  })

  it('should never send a phone its owner hid', () => {
    const list = servingList(
      chain,
      'g1',
      [{ unitId: 'g1', name: '刘芳', phone: '13991230004', phoneHidden: true }],
      [post({ phoneHidden: true })],
      names,
    )
    expect(list.map((s) => s.phone)).toEqual([null, null])
  })

  it('should leave out posts on other buildings and grid workers without a name', () => {
    const list = servingList(
      chain,
      'g1',
      [{ unitId: 'g1', name: null, phone: null, phoneHidden: false }],
      [post({ post: 'building_head', unitId: 'b2' })],
      names,
    )
    expect(list).toEqual([])
  })
})
