import { z } from 'zod'

/**
 * Subscribe-message field limits (WeChat rules): a value over its limit makes
 * `subscribeMessage.send` fail with 47003, so every value goes through these helpers
 * before it is put in an outbox record.
 */
export const TEMPLATE_LIMITS = { thing: 20, phrase: 5, character_string: 32, name: 10 } as const

function cut(value: string, max: number, ellipsis: boolean): string {
  const chars = Array.from(value.replace(/\s+/g, ' ').trim())
  if (chars.length <= max) return chars.join('')
  return ellipsis ? chars.slice(0, max - 1).join('') + '…' : chars.slice(0, max).join('')
}

/** `thing`: ≤ 20 characters of free text; a longer one is cut with an ellipsis. */
export function thing(value: string): string {
  return cut(value, TEMPLATE_LIMITS.thing, true)
}

/** `phrase`: ≤ 5 Chinese characters, e.g. a status such as 已受理; cut without ellipsis. */
export function phrase(value: string): string {
  return cut(value, TEMPLATE_LIMITS.phrase, false)
}

/** `character_string`: ≤ 32 letters, digits and symbols, e.g. a case number. */
export function characterString(value: string): string {
  return cut(value.replace(/[^\x21-\x7e]/g, ''), TEMPLATE_LIMITS.character_string, false)
}

/** `name`: ≤ 10 characters. */
export function personName(value: string): string {
  return cut(value, TEMPLATE_LIMITS.name, false)
}

/** What the app records after `Taro.requestSubscribeMessage`: one result per template id. */
export const SubscribeResultSchema = z.enum(['accept', 'reject', 'ban', 'filter'])
export type SubscribeResult = z.infer<typeof SubscribeResultSchema>

/** A template id and how many one-time messages the user has allowed for it. */
export const SubscriptionGrantSchema = z.object({
  templateId: z.string(),
  remaining: z.number().int().min(0),
})
export type SubscriptionGrant = z.infer<typeof SubscriptionGrantSchema>

/** One message of the in-app inbox. */
export const InboxItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
})
export type InboxItem = z.infer<typeof InboxItemSchema>

/**
 * Applies the field limits by the key's type prefix (`thing3`, `phrase1`,
 * `character_string2`, `name4`), so a template filled by any feature can never be
 * rejected for length.
 */
export function enforceTemplateLimits(data: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(data)) {
    if (/^thing\d+$/.test(key)) out[key] = thing(value)
    else if (/^phrase\d+$/.test(key)) out[key] = phrase(value)
    else if (/^character_string\d+$/.test(key)) out[key] = characterString(value)
    else if (/^name\d+$/.test(key)) out[key] = personName(value)
    else out[key] = value
  }
  return out
}
