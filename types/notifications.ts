import { z } from 'zod'
import {
  KEYWORD_TYPES,
  MESSAGE_KIND_NAMES,
  MESSAGE_KINDS,
  type KeywordType,
  type MessageKind,
} from './notifications-labels'

export * from './notifications-labels'

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

export const KeywordTypeSchema = z.enum(KEYWORD_TYPES)
export const MessageKindSchema = z.enum(MESSAGE_KIND_NAMES as [MessageKind, ...MessageKind[]])

/** One deployment's template for a kind: its id and the keyword name of each field. */
export const TemplateConfigSchema = z.object({
  id: z.string().min(1).max(128),
  keywords: z.record(z.string(), z.string().regex(/^[a-z_]+\d+$/)),
})
export type TemplateConfig = z.infer<typeof TemplateConfigSchema>
export type TemplateMap = Partial<Record<MessageKind, TemplateConfig>>

/**
 * Checks a deployment's template map: every field of a configured kind names a keyword of
 * the field's type (a `thing` field must go to a `thingN` keyword). Answers the problems,
 * in Chinese, empty when it is right.
 */
export function templateMapProblems(map: TemplateMap): string[] {
  const problems: string[] = []
  for (const [kind, config] of Object.entries(map) as [MessageKind, TemplateConfig][]) {
    if (!MESSAGE_KINDS[kind]) {
      problems.push(`未知的消息类型：${kind}`)
      continue
    }
    for (const [field, type] of Object.entries(MESSAGE_KINDS[kind].fields)) {
      const keyword = config.keywords[field]
      if (!keyword) problems.push(`${kind}.${field}：缺少模板关键词`)
      else if (keyword.replace(/\d+$/, '') !== type)
        problems.push(`${kind}.${field}：关键词 ${keyword} 应为 ${type} 类型`)
    }
  }
  return problems
}

/** The map the local host uses: ids named after the kinds, keywords numbered in field order. */
export function demoTemplateMap(): TemplateMap {
  return Object.fromEntries(
    MESSAGE_KIND_NAMES.map((kind) => [
      kind,
      {
        id: `demo-${kind}`,
        keywords: Object.fromEntries(
          Object.entries(MESSAGE_KINDS[kind].fields).map(([field, type], i) => [field, `${type}${i + 1}`]),
        ),
      },
    ]),
  )
}

/** `time`: 24-hour time, optionally with the date, optionally a span joined by ~ (WeChat's rule). */
const TIME_KEYWORD = /^(\d{4}年\d{1,2}月\d{1,2}日 )?\d{2}:\d{2}(~(\d{4}年\d{1,2}月\d{1,2}日 )?\d{2}:\d{2})?$/

/** An instant (and optionally the end of a span on the same day) as a `time` keyword, in Shanghai time: 2026年11月30日 14:30~16:00. */
export function timeKeyword(start: Date | string, end?: Date | string): string {
  const sh = (d: Date | string) => new Date(new Date(d).getTime() + 8 * 3600_000)
  const s = sh(start)
  const hm = (d: Date) => `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
  const head = `${s.getUTCFullYear()}年${s.getUTCMonth() + 1}月${s.getUTCDate()}日 ${hm(s)}`
  if (!end) return head
  const e = sh(end)
  const sameDay = e.toISOString().slice(0, 10) === s.toISOString().slice(0, 10)
  return `${head}~${sameDay ? hm(e) : `${e.getUTCFullYear()}年${e.getUTCMonth() + 1}月${e.getUTCDate()}日 ${hm(e)}`}`
}

/**
 * A kind's fields as the template's keyword data, each cut to its limit: what the drain
 * sends. Null when the deployment has no template for the kind (nothing is pushed then).
 */
export function renderTemplate(
  kind: MessageKind,
  fields: Record<string, string>,
  map: TemplateMap,
): { id: string; data: Record<string, string> } | null {
  const config = map[kind]
  if (!config) return null
  const data: Record<string, string> = {}
  for (const [field, type] of Object.entries(MESSAGE_KINDS[kind].fields) as [string, KeywordType][]) {
    const keyword = config.keywords[field]
    if (!keyword) return null
    const value = fields[field] ?? ''
    data[keyword] = type === 'time' ? (TIME_KEYWORD.test(value) ? value : '') : LIMITERS[type](value)
  }
  return { id: config.id, data }
}

const LIMITERS: Record<Exclude<KeywordType, 'time'>, (v: string) => string> = {
  thing: (v) => thing(v),
  phrase: (v) => phrase(v),
  character_string: (v) => characterString(v),
  name: (v) => personName(v),
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
