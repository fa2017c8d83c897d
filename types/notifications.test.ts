import fc from 'fast-check'
import {
  characterString,
  demoTemplateMap,
  MESSAGE_KIND_NAMES,
  MESSAGE_KINDS,
  phrase,
  renderTemplate,
  TEMPLATE_LIMITS,
  templateMapProblems,
  thing,
  timeKeyword,
} from './notifications'

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
})

describe('message kinds', () => {
  it('should map every field of every kind to a keyword of its type in the local stand-in map', () => {
    expect(templateMapProblems(demoTemplateMap())).toEqual([])
  })

  it('should report a field sent to a keyword of another type, and a missing one', () => {
    const map = { wishStatus: { id: 't1', keywords: { wish: 'phrase1' } } }
    expect(templateMapProblems(map)).toEqual([
      'wishStatus.wish：关键词 phrase1 应为 thing 类型',
      'wishStatus.status：缺少模板关键词',
    ])
  })

  it('should keep every field of every kind within its keyword limit whatever the text', () => {
    const map = demoTemplateMap()
    const limitOf = {
      thing: TEMPLATE_LIMITS.thing,
      phrase: TEMPLATE_LIMITS.phrase,
      character_string: TEMPLATE_LIMITS.character_string,
      name: TEMPLATE_LIMITS.name,
    }
    for (const kind of MESSAGE_KIND_NAMES) {
      fc.assert(
        fc.property(
          fc.dictionary(fc.constantFrom(...Object.keys(MESSAGE_KINDS[kind].fields)), fc.string({ maxLength: 80 })),
          (fields) => {
            const rendered = renderTemplate(kind, fields, map)!
            for (const [field, type] of Object.entries(MESSAGE_KINDS[kind].fields)) {
              const value = rendered.data[map[kind]!.keywords[field]!]!
              if (type === 'time')
                expect(value === '' || /^(\d{4}年\d{1,2}月\d{1,2}日 )?\d{2}:\d{2}/.test(value)).toBe(true)
              else expect(Array.from(value).length).toBeLessThanOrEqual(limitOf[type])
              if (type === 'character_string') expect(value).toMatch(/^[\x21-\x7e]*$/)
            }
          },
        ),
        { numRuns: 50 },
      )
    }
  })

  it('should send nothing for a kind the deployment has no template for', () => {
    expect(renderTemplate('wishStatus', { wish: '换灯泡', status: '已认领' }, {})).toBeNull()
  })

  it('should write times as the time keyword of WeChat, in Shanghai time', () => {
    expect(timeKeyword('2026-11-30T06:30:00Z')).toBe('2026年11月30日 14:30')
    expect(timeKeyword('2026-11-30T06:30:00Z', '2026-11-30T08:00:00Z')).toBe('2026年11月30日 14:30~16:00')
    expect(timeKeyword('2026-11-30T15:30:00Z', '2026-12-01T01:00:00Z')).toBe('2026年11月30日 23:30~2026年12月1日 09:00')
  })
})
