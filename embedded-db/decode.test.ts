import { EJSON } from 'bson'
import { BSONRegExp, parseEjson, resolveServerDates, type Value } from './codec'
import { decodeDocument, decodeEjson } from './decode'
import { checkNewDoc } from './params'

const NOW = Date.parse('2026-11-22T02:00:00Z')

/** The old way: bson's parse and the checks, each its own pass. */
const slow = (text: string) => resolveServerDates(parseEjson(text, 'data'), NOW)
const slowDoc = (text: string) => checkNewDoc(slow(text), 'data')

/** Same value (toEqual tells a Date from its number and -0 from 0) and the same error as the old way. */
function outcome(f: () => Value): { value?: Value; error?: string } {
  try {
    return { value: f() }
  } catch (e) {
    return { error: (e as Error).message }
  }
}

function expectSame(text: string): void {
  const a = outcome(() => decodeEjson(text, 'data', NOW))
  const b = outcome(() => slow(text))
  expect(a).toEqual(b)
  const c = outcome(() => decodeDocument(text, 'data', NOW, checkNewDoc))
  const d = outcome(() => slowDoc(text))
  expect(c).toEqual(d)
}

// What the SDK sends: canonical EJSON of the values function code writes.
const values: unknown[] = [
  { _id: 'a', n: 1, x: 1.5, neg: -7, zero: 0, big: 1764561234567, huge: 2 ** 60, tiny: 1e-300 },
  { at: new Date('2026-11-22T02:00:00.123Z'), old: new Date(-86400000), list: [1, 'two', null, true, [3.25]] },
  { nested: { a: { b: { c: [{ d: 2147483647 }, { e: -2147483648 }, { f: 2147483648 }] } } } },
  { inf: Infinity, ninf: -Infinity, nz: -0 },
  { $set: { status: 'x', count: 3 }, $inc: { seq: 1 } },
  { _id: { $in: ['a', 'b'] }, n: { $gte: 3, $lt: 9.5 } },
  { text: '中文 "quoted" \\ back', empty: '', arr: [] },
  { unsafe: 2 ** 53 + 2, negUnsafe: -(2 ** 62) },
  { re: new BSONRegExp('^a', 'i') },
  [{ a: 1 }, 2, 'three'],
]

describe('decodeEjson and decodeDocument', () => {
  it('should give what bson and the checks give for the canonical EJSON the SDK sends', () => {
    for (const v of values) expectSame(EJSON.stringify(v as object, { relaxed: false }))
  })

  it('should read the canonical text of a plain document without bson', () => {
    const parse = jest.spyOn(EJSON, 'parse')
    try {
      const doc = { _id: 'a', n: 1, x: 1.5, big: 1764561234567, at: new Date(5), list: [1, 'two', null] }
      decodeDocument(EJSON.stringify(doc, { relaxed: false }), 'data', NOW, checkNewDoc)
      decodeEjson(EJSON.stringify(values[4] as object, { relaxed: false }), 'data', NOW)
      expect(parse).not.toHaveBeenCalled()
    } finally {
      parse.mockRestore()
    }
  })

  it('should give the same for relaxed EJSON and plain JSON', () => {
    for (const v of values) expectSame(EJSON.stringify(v as object, { relaxed: true }))
  })

  it('should keep -0 and tell a date from its number', () => {
    const text = EJSON.stringify({ nz: -0, d: new Date(5) }, { relaxed: false })
    const out = decodeEjson(text, 'data', NOW) as { nz: number; d: Date }
    expect(Object.is(out.nz, (slow(text) as { nz: number }).nz)).toBe(true)
    expect(out.d).toBeInstanceOf(Date)
    expect(out.d.getTime()).toBe(5)
    expect(Object.is((decodeEjson('{"x":{"$numberDouble":"-0.0"}}', 'x', NOW) as { x: number }).x, -0)).toBe(true)
  })

  it('should go the old way for everything EJSON or the checks treat specially', () => {
    const texts = [
      '{"a":{"$numberInt":"5","b":1}}',
      '{"a":{"b":1,"$numberInt":"5"}}',
      '{"a":{"$numberInt":5}}',
      '{"a":{"$numberInt":null}}',
      '{"a":{"$numberDouble":"NaN"}}',
      '{"a":{"$numberLong":"9223372036854775807"}}',
      '{"a":{"$date":"2026-11-22T02:00:00Z"}}',
      '{"a":{"$date":{"$numberLong":"99999999999999999"}}}',
      '{"a":{"$oid":"5f1e2d3c4b5a697887766554"}}',
      '{"a":{"$undefined":true}}',
      '{"a":{"$ref":"c","$id":"x"}}',
      '{"a":{"$tcb_server_date":{"offset":1000}}}',
      '{"a":{"$tcb_server_date":{"offset":1000},"b":2}}',
      '{"$set":{"a":1}}',
      '{"":1}',
      '{"a":{"":1}}',
      '{"a\\u0000b":1}',
      '{"\\u0024numberInt":"1"}',
      '{"__proto__":{"x":1}}',
      '5',
      '"text"',
      'null',
      '[1,2]',
      '{"a":',
    ]
    for (const t of texts) expectSame(t)
  })
})
