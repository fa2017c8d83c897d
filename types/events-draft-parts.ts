import { z } from 'zod'
import { CalendarDateSchema } from './calendar-date'
import { LngLatSchema } from './org'
import { AUDIENCE_KINDS, EVENT_LIMITS as L, QUESTION_KINDS } from './events-labels'

/*
 * The parts of an event draft and a series that staff fill in: times as typed, who may
 * join, sign-up questions, the place, the series rule. Split from events.ts (the draft,
 * the views and EventsContract); these import nothing of it.
 */

const Id = z.string().trim().min(1, '缺少编号').max(128)
const Text = (max: number) => z.string().trim().min(1, '请填写内容').max(max, `最多${max}个字`)

/** `HH:mm`, 24-hour. */
export const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 14:30')

/** A Shanghai wall-clock moment `YYYY-MM-DD HH:mm` on a day that exists (no 2月30日). */
export const LocalDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 2026-12-07 14:30')
  .refine((s) => CalendarDateSchema.safeParse(s.slice(0, 10)).success, '没有这一天，请检查日期')
export type LocalDateTime = z.infer<typeof LocalDateTimeSchema>

/**
 * Who may see and join. `placeIds` only for `places`: grids, 小区 (estates) or 楼栋
 * (buildings) under the organising unit, reaching residents whose address is at or below one.
 */
export const AudienceSchema = z.object({
  kind: z.enum(AUDIENCE_KINDS).default('community'),
  placeIds: z.array(Id).max(20).default([]),
})
export type Audience = z.infer<typeof AudienceSchema>

/** A sign-up form question. `sensitive` answers are masked for roles that do not need them. */
export const QuestionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,20}$/, '问题编号只能用小写字母、数字'),
    kind: z.enum(QUESTION_KINDS),
    label: Text(L.questionLabelMax),
    required: z.boolean().default(false),
    options: z.array(Text(20)).max(L.optionsMax).default([]),
    sensitive: z.boolean().default(false),
  })
  .refine((q) => q.kind !== 'choice' || q.options.length >= 2, { message: '选择题至少要有两个选项', path: ['options'] })
export type Question = z.infer<typeof QuestionSchema>

export const PlaceSchema = z.object({
  name: Text(L.placeMax),
  address: z.string().trim().max(L.addressMax, `地址最多${L.addressMax}个字`).default(''),
  location: LngLatSchema.nullable().default(null),
})

/** Weekly on a weekday (1 = 周一 … 7 = 周日) or monthly on a day every month has. */
export const SeriesRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('weekly'), weekday: z.number().int().min(1, '星期应为 1–7').max(7, '星期应为 1–7') }),
  z.object({
    kind: z.literal('monthly'),
    day: z.number().int().min(1).max(L.monthlyDayMax, `每月的日期最多选 ${L.monthlyDayMax} 号（每个月都有这一天）`),
  }),
])
export type SeriesRule = z.infer<typeof SeriesRuleSchema>
