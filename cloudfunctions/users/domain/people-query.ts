/**
 * How 角色管理's search box is read: digits (spaces and dashes allowed, as people write a
 * number) look for a phone, anything else for part of a name. Pure, so the table test can
 * hold every case.
 */
export type PeopleQuery = { kind: 'phone'; digits: string; exact: boolean } | { kind: 'name'; text: string }

export function parsePeopleQuery(raw: string): PeopleQuery {
  const text = raw.trim()
  const digits = text.replace(/[\s-]/g, '')
  if (/^\d+$/.test(digits)) return { kind: 'phone', digits, exact: digits.length === 11 }
  return { kind: 'name', text }
}

/** A regular expression source matching the text literally (a name may hold `.` or `(`). */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
