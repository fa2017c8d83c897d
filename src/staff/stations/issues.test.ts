import { issueText } from './issues'

describe('issueText', () => {
  it('should name the weekday and interval of an hours issue', () => {
    expect(issueText({ path: ['hours', 'sat', 0], message: '周六的时段与周五的时段重叠，请调整' })).toBe(
      '开放时间 · 周六第 1 段：周六的时段与周五的时段重叠，请调整',
    )
  })
  it('should number a closure', () => {
    expect(issueText({ path: ['closures', 1, 'to'], message: '结束日期不能早于开始日期' })).toBe(
      '闭馆安排 · 第 2 条：结束日期不能早于开始日期',
    )
  })
  it('should label a plain field', () => {
    expect(issueText({ path: ['location'], message: '坐标不在中国境内' })).toBe('位置：坐标不在中国境内')
  })
})
