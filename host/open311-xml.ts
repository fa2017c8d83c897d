import { XMLBuilder } from 'fast-xml-parser'

/*
 * GeoReport v2's XML: the same answers as the JSON, mapped the way the spec's examples are
 * (its JSON is "a programmatic mapping of the XML", the Spark convention): a list becomes a
 * wrapper element holding one element per item (`<services><service>…`), null an empty
 * element, true/false and numbers their text. UTF-8 with the XML declaration, no namespace.
 */

/** The root element of each answer. */
export type Open311Root = 'services' | 'service_definition' | 'service_requests' | 'errors' | 'discovery'

/** The element each list's items get, by the list's own name. */
const ITEM: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
}

/** Characters XML 1.0 cannot carry at all (a stored text could hold one). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

const builder = new XMLBuilder({
  ignoreAttributes: false,
  format: true,
  suppressEmptyNode: false,
  processEntities: true,
})

function node(value: unknown, name: string): unknown {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) {
    const item = ITEM[name] ?? 'item'
    return value.length === 0 ? '' : { [item]: value.map((v) => node(v, item)) }
  }
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, node(v, k)]))
  // Answers hold text, numbers and true/false; anything else (a function) has no XML form.
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value).replace(NOT_XML, '')
  return ''
}

/** One answer (the same value the JSON answer holds) as a GeoReport XML document. */
export function toOpen311Xml(root: Open311Root, body: unknown): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, [root]: node(body, root) })
}
