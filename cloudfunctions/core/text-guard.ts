/*
 * Free text reaches SQLite, Excel exports, subscribe messages and other people's screens.
 * Control characters (a NUL byte crashed the station search) and broken UTF-16 have no
 * place in anything a person types, so the function edge refuses them in every string of
 * every event before any schema or handler sees it. Tab, line feed and carriage return are
 * ordinary typing and pass.
 */
const UNREADABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** The path of the first string (or object key) holding an unreadable character, or null. */
export function findUnreadableText(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return UNREADABLE.test(value) ? path : null
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnreadableText(item, [...path, i])
      if (found) return found
    }
    return null
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (UNREADABLE.test(key)) return [...path, key]
      const found = findUnreadableText(item, [...path, key])
      if (found) return found
    }
  }
  return null
}
