import { EJSON } from 'bson'
import { BSONRegExp, fromStoredText, ParsedDoc, parseEjson, toListItem, toStoredText, type Doc } from './codec'

describe('parseEjson', () => {
  // What bson's EJSON.parse (relaxed) gives is the reference: parseEjson skips it only when
  // it would return what JSON.parse does.
  it.each([
    ['a query by field', '{"_id":"demo-resident-1"}'],
    ['query operators', '{"status":{"$in":["pending_sign","processing"]},"n":{"$gte":3}}'],
    ['an aggregate stage', '{"from":"role_assignments","localField":"_id","foreignField":"openid","as":"a"}'],
    ['numbers, nulls and nesting', '{"n":1,"x":1.5,"big":12345678901234,"neg":-0,"z":null,"a":[1,[2,{"b":true}]]}'],
    ['Chinese text and escapes', '{"t":"楼道垃圾无人清运\\n\\"引号\\""}'],
    ['a date', '{"at":{"$date":{"$numberLong":"1764460800000"}}}'],
    ['a date as a string', '{"at":{"$date":"2026-11-30T00:00:00Z"}}'],
    ['a regular expression', '{"name":{"$regularExpression":{"pattern":"^张","options":"i"}}}'],
    ['a legacy regex', '{"name":{"$regex":"^张","$options":"i"}}'],
    ['a long and an int', '{"l":{"$numberLong":"42"},"i":{"$numberInt":"7"}}'],
    ['a special double', '{"d":{"$numberDouble":"Infinity"}}'],
    ['$undefined', '{"u":{"$undefined":true}}'],
    ['a $date key spelled with an escape', '{"at":{"\\u0024date":{"$numberLong":"5"}}}'],
  ])('should read %s as EJSON.parse does', (_what, text) => {
    expect(parseEjson(text, 'query')).toEqual(EJSON.parse(text, { relaxed: true }))
  })

  it('should still revive dates and regular expressions', () => {
    const v = parseEjson(
      '{"at":{"$date":{"$numberLong":"1764460800000"}},"re":{"$regularExpression":{"pattern":"a","options":""}}}',
      'data',
    ) as { at: Date; re: BSONRegExp }
    expect(v.at).toBeInstanceOf(Date)
    expect(v.at.getTime()).toBe(1764460800000)
    expect(v.re).toBeInstanceOf(BSONRegExp)
  })

  it('should refuse a field name with a NUL byte as EJSON does', () => {
    expect(() => parseEjson('{"a\\u0000b":1}', 'data')).toThrow(/malformed EJSON in data: .*null bytes/)
  })

  it('should refuse an ObjectId, which the engine cannot store', () => {
    expect(() => parseEjson('{"_id":{"$oid":"507f1f77bcf86cd799439011"}}', 'data')).toThrow(
      /not supported by the embedded database: BSON type ObjectID/,
    )
  })

  it('should name malformed text', () => {
    expect(() => parseEjson('{"n": ', 'query')).toThrow(/malformed EJSON in query/)
  })
})

describe('toStoredText', () => {
  it('should write a document without dates, regexes or special numbers as JSON.stringify does', () => {
    const doc = { _id: 'u1', n: 1.5, z: null, a: [1, [2, { b: true }]], o: { t: '楼道"引号"' } }
    expect(toStoredText(doc)).toBe(JSON.stringify(doc))
  })

  it('should write a date, a regex and a special number as EJSON types wherever they are nested', () => {
    const at = new Date(1764460800000)
    const doc = { list: [{ at }], deep: { re: new BSONRegExp('^张', 'i'), n: [Infinity] } }
    const text = toStoredText(doc)
    expect(JSON.parse(text)).toEqual({
      list: [{ at: { $date: { $numberLong: '1764460800000' } } }],
      deep: { re: { $regularExpression: { pattern: '^张', options: 'i' } }, n: [{ $numberDouble: 'Infinity' }] },
    })
    expect(fromStoredText(text)).toEqual(doc)
  })
})

describe('toListItem', () => {
  const item = (doc: Doc, seen = new Set<object>()) => toListItem(doc, seen)

  it('should hand over a plain document as it is, equal to what its text parses to', () => {
    const doc = { _id: 'u1', name: '王秀兰', n: 1.5, z: null, ok: true, a: [1, [2, { b: true }]], assignments: [] }
    const got = item(doc)
    expect(got).toBeInstanceOf(ParsedDoc)
    expect((got as ParsedDoc).doc).toBe(doc)
    expect(JSON.parse(toStoredText(doc))).toStrictEqual(doc)
  })

  it.each([
    ['a date', { at: new Date(5) }],
    ['a regular expression', { re: new BSONRegExp('^张', 'i') }],
    ['a special number', { n: [Infinity] }],
    ['minus zero, which text writes as 0', { n: -0 }],
    ['a field that is undefined, which text leaves out', { u: undefined as unknown as null }],
    ['a hole in an array, which text writes as null', { a: new Array<Doc[string]>(2) }],
    ['a __proto__ field', JSON.parse('{"__proto__":{"x":1}}') as Doc],
    ['an object without a prototype', { o: Object.create(null) as Doc }],
  ])('should send %s as its text', (_what, doc) => {
    expect(item(doc)).toBe(toStoredText(doc))
  })

  it('should send as text a document that shares a part with one before it, as text would not', () => {
    const shared = { x: 1 }
    const seen = new Set<object>()
    expect(item({ a: shared }, seen)).toBeInstanceOf(ParsedDoc)
    expect(item({ b: shared }, seen)).toBe('{"b":{"x":1}}')
    expect(item({ c: [shared, shared] })).toBe('{"c":[{"x":1},{"x":1}]}')
  })
})
