import { caseFromNoticeUrl, casePrefill } from '../../lib/notice-link'
import { priorityTagType } from './format'

describe('notice format', () => {
  it('should colour 紧急 red, 重要 orange and 普通 grey', () => {
    expect(['urgent', 'important', 'normal'].map((p) => priorityTagType(p as never))).toEqual([
      'danger',
      'warning',
      'default',
    ])
  })

  it('should carry the notice into the 诉求 form and name it in the description', () => {
    const url = caseFromNoticeUrl({ id: 'n1', title: '停水通知 & 储水' })
    const params = Object.fromEntries(new URLSearchParams(url.split('?')[1]).entries())
    // Taro hands query values over still encoded, so the prefill decodes them once.
    const encoded = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, encodeURIComponent(v)]))
    expect(casePrefill(encoded)).toBe('关于社区通知《停水通知 & 储水》（通知编号 n1）：')
  })

  it('should start empty when the form was not opened from a notice', () => {
    expect(casePrefill({})).toBe('')
    expect(casePrefill(undefined)).toBe('')
  })
})
