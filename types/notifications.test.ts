import { characterString, enforceTemplateLimits, phrase, thing } from './notifications'

describe('template field limits', () => {
  it('should cut a thing to 20 characters with an ellipsis', () => {
    const long = '东县门社区三号楼楼道照明长期不亮影响老人夜间出行'
    expect(Array.from(thing(long))).toHaveLength(20)
    expect(thing(long).endsWith('…')).toBe(true)
    expect(thing('路灯不亮')).toBe('路灯不亮')
  })
  it('should cut a phrase to 5 characters and a character_string to 32 printable ASCII', () => {
    expect(phrase('已办结待评价')).toBe('已办结待评')
    expect(characterString('编号MH-2025-0001')).toBe('MH-2025-0001')
    expect(characterString('x'.repeat(40))).toHaveLength(32)
  })
  it('should apply limits by the key prefix and leave other keys alone', () => {
    expect(enforceTemplateLimits({ thing1: 'a'.repeat(30), phrase2: '处理中处理中', time3: '2025年3月3日 10:00' })).toEqual({
      thing1: 'a'.repeat(19) + '…',
      phrase2: '处理中处理',
      time3: '2025年3月3日 10:00',
    })
  })
})
