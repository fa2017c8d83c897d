import { EJSON } from 'bson'
import { BSONRegExp } from './codec'
import { canonicalEjson } from './canonical-ejson'
import { installSeam } from './seam'

// bson itself: this file does not install the seam, so EJSON.stringify is bson's own.
const bson = (v: unknown) => EJSON.stringify(v as object, { relaxed: false })

describe('canonicalEjson', () => {
  it("should make bson's canonical text of the plain values the SDK sends, to the byte", () => {
    const values: unknown[] = [
      { _id: 'a', n: 1, x: 1.5, neg: -7, zero: 0, nz: -0, big: 1764561234567, huge: 2 ** 62, over: 2 ** 64 },
      { inf: Infinity, ninf: -Infinity, nan: NaN, tiny: 1e-300, int32: [2147483647, -2147483648, 2147483648] },
      { at: new Date('2026-11-22T02:00:00.123Z'), bad: new Date(NaN), before: new Date(-1) },
      { s: '中文 "quoted" \\ \n \u0000 \u2028', t: true, f: false, n: null, u: undefined },
      { nested: { a: [{ b: [1, [2, [3]]] }, undefined, null] }, empty: {}, none: [] },
      { 1: 'one', b: 2, 0: 'zero', a: { 10: 1, 2: 2 } },
      Object.assign(Object.create(null) as object, { bare: 1 }),
      [1, 'two', { three: 3 }],
      // eslint-disable-next-line no-sparse-arrays
      [1, , 3],
      'text',
      42,
      null,
      undefined,
      { $set: { status: 'x' }, $inc: { seq: 1 }, _id: { $in: ['a', 'b'] } },
    ]
    for (const v of values) expect(canonicalEjson(v)).toBe(bson(v))
  })

  it('should leave to bson what it treats specially', () => {
    class Point {
      constructor(readonly lng: number) {}
    }
    const circular: Record<string, unknown> = {}
    circular.self = circular
    const leftToBson: unknown[] = [
      { re: /a/i },
      { re: new BSONRegExp('a', 'i') },
      { p: new Point(1) },
      { f: () => 1 },
      { big: BigInt(1) },
      { _bsontype: 'Int32', value: 1 },
      JSON.parse('{"__proto__": {"x": 1}}'),
      circular,
    ]
    for (const v of leftToBson) expect(canonicalEjson(v)).toBeNull()
  })

  it("should answer the SDK's calls through the seam with bson's text, and pass every other call to bson", () => {
    const original = EJSON.stringify.bind(EJSON)
    installSeam()
    const doc = { n: 1, at: new Date(5), list: [1.5, 'x'], re: /a/ }
    expect(EJSON.stringify(doc, { relaxed: false })).toBe(original(doc, { relaxed: false }))
    expect(EJSON.stringify({ n: 1 }, { relaxed: false })).toBe('{"n":{"$numberInt":"1"}}')
    expect(EJSON.stringify({ n: 1, at: new Date(5) })).toBe(original({ n: 1, at: new Date(5) }))
    expect(EJSON.stringify({ n: 1 }, undefined, 2, { relaxed: false })).toBe(
      original({ n: 1 }, undefined, 2, { relaxed: false }),
    )
  })
})
