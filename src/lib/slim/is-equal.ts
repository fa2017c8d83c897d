/**
 * Deep equality for NutUI's two uses of `lodash.isequal` (ConfigProvider comparing themes,
 * useParams comparing a Dialog's or Toast's props on every render). Both builds alias
 * `lodash.isequal` here (config/index.ts): lodash's 10 KB copy sat in weapp's main package and
 * in the chunk H5's first screen waits for.
 *
 * Same answers as lodash for what those props hold: primitives (NaN equals NaN), arrays,
 * dates, regular expressions, Maps, Sets and objects compared key by key when built by the
 * same constructor; functions by identity. Props can hold React elements, whose owner fibers
 * point back at each other, so a pair already being compared counts as equal (as in lodash).
 */
type Pairs = Map<object, object>

function equalKeys(a: Record<string, unknown>, b: Record<string, unknown>, seen: Pairs): boolean {
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equal(a[k], b[k], seen))
}

function equalObjects(a: object, b: object, seen: Pairs): boolean {
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false
  if (a instanceof Date) return a.getTime() === (b as Date).getTime()
  if (a instanceof RegExp) return b instanceof RegExp && a.source === b.source && a.flags === b.flags
  if (a instanceof Map || a instanceof Set) {
    if (a.size !== (b as Set<unknown>).size) return false
    if (a instanceof Set) return [...a].every((v) => (b as Set<unknown>).has(v))
    const other = b as Map<unknown, unknown>
    return [...a].every(([k, v]) => other.has(k) && equal(v, other.get(k), seen))
  }
  if (Array.isArray(a)) {
    const list = b as unknown[]
    return a.length === list.length && a.every((v, i) => equal(v, list[i], seen))
  }
  return equalKeys(a as Record<string, unknown>, b as Record<string, unknown>, seen)
}

function equal(a: unknown, b: unknown, seen: Pairs): boolean {
  if (a === b || (a !== a && b !== b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (seen.get(a) === b) return true
  seen.set(a, b)
  const same = equalObjects(a, b, seen)
  seen.delete(a)
  return same
}

export default function isEqual(a: unknown, b: unknown): boolean {
  return equal(a, b, new Map())
}
