import { findUnreadableText } from './text-guard'

describe('findUnreadableText', () => {
  it('should find a NUL byte and say where it is', () => {
    expect(findUnreadableText({ keyword: 'a\u0000b' })).toEqual(['keyword'])
    expect(findUnreadableText({ photos: ['ok', 'bad\u0007'] })).toEqual(['photos', 1])
    expect(findUnreadableText({ onBehalfOf: { name: '王\u001b' } })).toEqual(['onBehalfOf', 'name'])
  })
  it('should find a lone surrogate and a control character in a key', () => {
    expect(findUnreadableText({ text: 'x\uD800y' })).toEqual(['text'])
    expect(findUnreadableText({ text: '\uDC00' })).toEqual(['text'])
    expect(findUnreadableText({ answers: { 'q\u0000': 'x' } })).toEqual(['answers', 'q\u0000'])
  })
  it('should pass ordinary typing: Chinese, emoji, tabs and line breaks', () => {
    expect(findUnreadableText({ text: '楼道灯坏了\n请尽快修理\t谢谢 👍', n: 3, ok: true, none: null })).toBeNull()
  })
})
