import { nativeToast } from './native-toast'

describe('nativeToast', () => {
  it('should keep the tick for a short success', () => {
    expect(nativeToast('已保存', 'success')).toEqual({ title: '已保存', icon: 'success', duration: 2000 })
  })
  it('should show a short failure with the cross', () => {
    expect(nativeToast('网络不通', 'fail').icon).toBe('error')
  })
  it('should drop the icon when the message is longer than WeChat shows beside one', () => {
    expect(nativeToast('您还没有选择社区，请先到“我的”选择', 'fail')).toEqual({
      title: '您还没有选择社区，请先到“我的”选择',
      icon: 'none',
      duration: 2000,
    })
  })
  it('should show plain text without an icon', () => {
    expect(nativeToast('已复制', 'text').icon).toBe('none')
  })
})
