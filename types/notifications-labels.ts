/**
 * 消息提醒: which subscribe messages the app sends and which tap asks for them. Plain values
 * without zod, so the app (the 消息提醒 page, the taps that ask for grants) imports them
 * directly and zod stays out of the weapp main package; `types/notifications.ts` builds its
 * schemas from the same lists.
 */

/**
 * The keyword types of WeChat's subscribe-message templates that this app fills. A
 * template's keywords are named by type and position (`thing2`, `phrase3`, `time4`); the
 * type decides the limit.
 */
export const KEYWORD_TYPES = ['thing', 'phrase', 'character_string', 'time', 'name'] as const
export type KeywordType = (typeof KEYWORD_TYPES)[number]

/**
 * Every kind of subscribe message the app sends, with the fields its code fills and their
 * keyword type. Code names a kind and fills fields; which WeChat template carries it (the id
 * and each field's keyword name) is deployment configuration (`SUBSCRIBE_TEMPLATES`, see
 * docs/notifications.md), because template ids belong to one mini-program's account.
 * `ask` groups kinds into the taps that request them (WeChat: at most 3 per request).
 */
export const MESSAGE_KINDS = {
  caseAccepted: {
    label: '诉求受理',
    ask: 'case',
    fields: { number: 'character_string', category: 'thing', status: 'phrase' },
  },
  caseProgress: {
    label: '诉求办理进度',
    ask: 'case',
    fields: { number: 'character_string', step: 'thing', status: 'phrase' },
  },
  caseResolved: {
    label: '诉求办结待评价',
    ask: 'case',
    fields: { number: 'character_string', reply: 'thing', status: 'phrase' },
  },
  wishStatus: { label: '心愿进展', ask: 'wish', fields: { wish: 'thing', status: 'phrase' } },
  eventResult: {
    label: '活动报名结果',
    ask: 'event',
    fields: { title: 'thing', time: 'time', place: 'thing', status: 'phrase' },
  },
  eventReminder: { label: '活动提醒', ask: 'event', fields: { title: 'thing', time: 'time', place: 'thing' } },
  eventPromoted: { label: '候补转正', ask: 'event', fields: { title: 'thing', time: 'time', status: 'phrase' } },
  noticeUrgent: {
    label: '重要社区通知',
    ask: 'notice',
    fields: { title: 'thing', summary: 'thing', priority: 'phrase' },
  },
  staffTodo: {
    label: '待办提醒',
    ask: 'staff',
    fields: { task: 'thing', count: 'character_string', status: 'phrase' },
  },
} as const satisfies Record<string, { label: string; ask: string; fields: Record<string, KeywordType> }>

export type MessageKind = keyof typeof MESSAGE_KINDS
export const MESSAGE_KIND_NAMES = Object.keys(MESSAGE_KINDS) as MessageKind[]
export type MessageFields<K extends MessageKind> = Record<keyof (typeof MESSAGE_KINDS)[K]['fields'], string>
export type AskGroup = (typeof MESSAGE_KINDS)[MessageKind]['ask']

/** The kinds one tap asks for (a 诉求 submission asks for the three case kinds). */
export function kindsToAsk(group: AskGroup): MessageKind[] {
  return MESSAGE_KIND_NAMES.filter((k) => MESSAGE_KINDS[k].ask === group)
}
