import { movedUrl } from './moved-url'

describe('movedUrl', () => {
  it('should answer the new URL alone when the old one had no query', () => {
    expect(movedUrl('/pages/users/profile', {})).toBe('/pages/users/profile')
  })
  it('should pass the query on, encoded', () => {
    expect(movedUrl('/pages/users/volunteer', { unitId: 'u 1', from: '我的' })).toBe(
      '/pages/users/volunteer?unitId=u%201&from=%E6%88%91%E7%9A%84',
    )
  })
  it("should leave out Taro's own $ parameters and missing values", () => {
    expect(movedUrl('/pages/users/profile', { $taroTimestamp: '123', a: undefined, b: '2' })).toBe(
      '/pages/users/profile?b=2',
    )
  })
})
