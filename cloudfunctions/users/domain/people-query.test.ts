import { literal, parsePeopleQuery } from './people-query'

describe('parsePeopleQuery', () => {
  it.each([
    ['王芳', { kind: 'name', text: '王芳' }],
    ['  王 ', { kind: 'name', text: '王' }],
    ['Zhang', { kind: 'name', text: 'Zhang' }],
    ['王1', { kind: 'name', text: '王1' }],
    ['1234', { kind: 'phone', digits: '1234', exact: false }],
    ['138 0000 1234', { kind: 'phone', digits: '13800001234', exact: true }],
    ['138-0000-1234', { kind: 'phone', digits: '13800001234', exact: true }],
    ['0000123', { kind: 'phone', digits: '0000123', exact: false }],
  ])('should read %j as %j', (raw, expected) => {
    expect(parsePeopleQuery(raw)).toEqual(expected)
  })
})

describe('literal', () => {
  it('should match a name with pattern characters only as written', () => {
    const re = new RegExp(literal('王(小).芳'))
    expect(re.test('王(小).芳')).toBe(true)
    expect(re.test('王小X芳')).toBe(false)
  })
})
