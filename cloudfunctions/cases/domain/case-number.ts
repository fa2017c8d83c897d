import { shanghaiDate } from './deadlines'

/*
 * Case numbers people can read out on the phone: `BL-20261122-0042` = district prefix,
 * Shanghai date of submission, daily sequence. The sequence comes from one counter
 * document per prefix and day, incremented and read in one atomic request before the
 * case's transaction (numbering.ts); everything here is pure.
 */

const PREFIX = /^[A-Z]{2,4}$/
const NUMBER = /^([A-Z]{2,4})-(\d{8})-(\d{4,})$/

/** The id of the counter document for this prefix and Shanghai day. */
export function counterId(prefix: string, at: Date): string {
  return `case-number:${prefix}:${shanghaiDate(at)}`
}

/** Formats the number; sequences past 9999 grow a digit rather than wrap. */
export function formatCaseNumber(prefix: string, at: Date, sequence: number): string {
  if (!PREFIX.test(prefix)) throw new Error(`bad case number prefix ${prefix}`)
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`bad case number sequence ${sequence}`)
  return `${prefix}-${shanghaiDate(at)}-${String(sequence).padStart(4, '0')}`
}

export function parseCaseNumber(number: string): { prefix: string; date: string; sequence: number } | null {
  const m = NUMBER.exec(number.trim().toUpperCase())
  if (!m) return null
  return { prefix: m[1]!, date: m[2]!, sequence: Number(m[3]) }
}

/**
 * Two-to-four letter prefix of a district, from its pinyin initials kept on the unit
 * (`BL` 碑林, `GL` 高陵, `LT` 临潼, `CA` 长安); `XA` when the district has none.
 */
export function districtPrefix(code: string | null | undefined): string {
  const c = (code ?? '').toUpperCase()
  return PREFIX.test(c) ? c : 'XA'
}
