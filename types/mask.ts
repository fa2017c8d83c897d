/**
 * Masking of personal data shown to anyone but its owner (docs/design.md: the wisher's name is
 * masked on the wall; contacts are visible only to whoever must act on them). Pure string
 * functions so the app and the functions mask the same way.
 */

/** 张三 → 张*, 欧阳娜娜 → 欧***: keep the first character only. */
export function maskName(name: string | null | undefined): string {
  const chars = Array.from((name ?? '').trim())
  if (chars.length === 0) return ''
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1))
}

/** 13812341234 → 138****1234. Anything that is not a full mobile number keeps only its last 2 digits. */
export function maskPhone(phone: string | null | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '')
  if (digits.length === 0) return ''
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`
  return '*'.repeat(Math.max(digits.length - 2, 1)) + digits.slice(-2)
}
