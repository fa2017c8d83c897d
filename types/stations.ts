import { z } from 'zod'
import { CalendarDateSchema } from './calendar-date'
import { defineContract } from './contract'
import { WEEKDAYS, WEEKDAY_LABELS, type Weekday } from './stations-labels'

export { WEEKDAYS, WEEKDAY_LABELS, type Weekday } from './stations-labels'

/**
 * 红色驿站 (issue 4): the contract between the locator pages and the `stations` function.
 *
 * Coordinates are GCJ-02 longitude/latitude as WeChat's `getLocation({type: 'gcj02'})`,
 * `chooseLocation`, `Map` and `openLocation` all use them, so a point travels from the
 * picker to the map without conversion.
 */

/** Any point on Earth: where a resident is may be anywhere, even abroad. */
export const PointSchema = z.object({
  lng: z.number().min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间'),
  lat: z.number().min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间'),
})
export type Point = z.infer<typeof PointSchema>

/**
 * China's bounding box (漠河 to 曾母暗沙, 帕米尔 to 乌苏里江). A station outside it is a typo
 * or swapped lng/lat, which is the mistake this catches most often.
 */
export const CHINA_BOUNDS = { minLng: 73.4, maxLng: 135.1, minLat: 3.8, maxLat: 53.6 } as const

export const ChinaPointSchema = z
  .object({ lng: z.number(), lat: z.number() })
  .refine(
    (p) =>
      p.lng >= CHINA_BOUNDS.minLng &&
      p.lng <= CHINA_BOUNDS.maxLng &&
      p.lat >= CHINA_BOUNDS.minLat &&
      p.lat <= CHINA_BOUNDS.maxLat,
    { message: '坐标不在中国境内，请检查经纬度是否填反或填错' },
  )

/**
 * A 便民设施 kind. The list is data: seven built in, more added by an admin. `icon` is
 * an emoji so it renders the same in the mini-program, H5 and a screen reader's label.
 */
export const AmenityKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,31}$/, '设施编码只能用小写字母、数字和下划线，以字母开头')
export const AmenitySchema = z.object({
  key: AmenityKeySchema,
  label: z.string().trim().min(1, '请填写设施名称').max(12, '设施名称不超过 12 个字'),
  icon: z.string().trim().min(1, '请选择图标').max(8, '图标请用一个表情符号'),
})
export type Amenity = z.infer<typeof AmenitySchema>

const MINUTES_PER_DAY = 24 * 60
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY

/** "HH:mm" to minutes after midnight; "24:00" is allowed as a closing time only. */
export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

const TimeSchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, '时间格式应为 08:30 这样的 24 小时制')

/**
 * One opening interval of a day. A closing time earlier than the opening time means the
 * station closes after midnight (e.g. 20:00–02:00): the interval belongs to the day it opens.
 */
export const IntervalSchema = z
  .object({ open: TimeSchema, close: TimeSchema })
  .refine((i) => i.open !== '24:00', { message: '开门时间不能是 24:00，请填 00:00', path: ['open'] })
  .refine((i) => i.open !== i.close, { message: '开门和关门时间不能相同', path: ['close'] })
export type Interval = z.infer<typeof IntervalSchema>

/** An interval as [start, end) minutes from Monday 00:00; `end` may pass the week's end. */
export interface WeekSpan {
  day: Weekday
  index: number
  start: number
  end: number
}

export function intervalLength(i: Interval): number {
  const open = toMinutes(i.open)
  const close = toMinutes(i.close)
  return close > open ? close - open : close + MINUTES_PER_DAY - open
}

export function weekSpans(hours: Partial<Record<Weekday, Interval[]>>): WeekSpan[] {
  const spans: WeekSpan[] = []
  WEEKDAYS.forEach((day, d) => {
    ;(hours[day] ?? []).forEach((interval, index) => {
      const start = d * MINUTES_PER_DAY + toMinutes(interval.open)
      spans.push({ day, index, start, end: start + intervalLength(interval) })
    })
  })
  return spans.sort((a, b) => a.start - b.start)
}

/**
 * The first pair of intervals that overlap, Sunday night wrapping into Monday, or null.
 * Touching intervals (a 12:00 close and a 12:00 open) do not overlap.
 */
export function findOverlap(hours: Partial<Record<Weekday, Interval[]>>): [WeekSpan, WeekSpan] | null {
  const spans = weekSpans(hours)
  for (let i = 0; i < spans.length; i++) {
    const a = spans[i]!
    for (let j = i + 1; j < spans.length; j++) {
      const b = spans[j]!
      if (b.start < a.end) return [a, b]
    }
    // An interval running past Sunday midnight continues into next Monday's morning.
    const first = spans[0]!
    if (a !== first && a.end > MINUTES_PER_WEEK && a.end - MINUTES_PER_WEEK > first.start) return [a, first]
  }
  return null
}

/** Opening hours for each weekday; a day that is missing or empty is closed. */
export const WeeklyHoursSchema = z
  .object(
    Object.fromEntries(
      WEEKDAYS.map((d) => [d, z.array(IntervalSchema).max(4, '每天最多 4 个开放时段').default([])]),
    ) as Record<Weekday, z.ZodDefault<z.ZodArray<typeof IntervalSchema>>>,
  )
  .superRefine((hours, ctx) => {
    const overlap = findOverlap(hours)
    if (overlap) {
      const [a, b] = overlap
      ctx.addIssue({
        code: 'custom',
        path: [b.day, b.index],
        message: `${WEEKDAY_LABELS[b.day]}的时段与${WEEKDAY_LABELS[a.day]}的时段重叠，请调整`,
      })
    }
  })
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>

/**
 * A closure: a public holiday or a temporary closure (with the reason residents will
 * see), covering whole Asia/Shanghai calendar days from `from` to `to` inclusive.
 */
export const ClosureSchema = z
  .object({
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    kind: z.enum(['holiday', 'temporary']),
    reason: z.string().trim().min(1, '请填写闭馆原因').max(30, '闭馆原因不超过 30 个字'),
  })
  .refine((c) => c.from <= c.to, { message: '结束日期不能早于开始日期', path: ['to'] })
export type Closure = z.infer<typeof ClosureSchema>

/** A mobile number or a landline with area code, as residents dial it. */
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|12345)$/, '请填写手机号或带区号的座机号，如 029-86541234')

export const ContactSchema = z.object({
  name: z.string().trim().max(20, '联系人不超过 20 个字').optional(),
  phone: PhoneSchema,
})

/** What staff fill in to create or edit a station. */
export const StationInputSchema = z.object({
  unitId: z.string().min(1, '请选择所属单位'),
  name: z.string().trim().min(2, '驿站名称至少 2 个字').max(30, '驿站名称不超过 30 个字'),
  address: z.string().trim().min(2, '请填写地址').max(80, '地址不超过 80 个字'),
  location: ChinaPointSchema,
  amenities: z
    .array(AmenityKeySchema)
    .max(30)
    .refine((keys) => new Set(keys).size === keys.length, '便民设施有重复')
    .default([]),
  hours: WeeklyHoursSchema,
  closures: z.array(ClosureSchema).max(50, '闭馆安排最多 50 条').default([]),
  /** File ids from the upload (CloudBase fileIDs in the cloud, `local:` keys on the local host). */
  photos: z.array(z.string().min(1).max(512)).max(9, '照片最多 9 张').default([]),
  contact: ContactSchema,
  description: z.string().trim().max(300, '简介不超过 300 个字').optional(),
})
export type StationInput = z.input<typeof StationInputSchema>

/** Whether a station is open at the server's clock, with the sentence residents read. */
export const OpenStatusSchema = z.object({
  open: z.boolean(),
  /** "营业中 · 21:00 关门", "已打烊 · 明早 8:00 开门", "暂停开放（设备检修） · 周三 8:00 开门" */
  label: z.string(),
  /** When the state next changes (ISO), null if it does not within two weeks. */
  changesAt: z.string().nullable(),
  /** The closure in force today, if any, so the page can show why. */
  closureReason: z.string().nullable(),
})
export type OpenStatus = z.infer<typeof OpenStatusSchema>

export const StationSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  location: PointSchema,
  unitId: z.string(),
  amenities: z.array(z.string()),
  /** A URL the app can show for the first photo (the stored value is a file id). */
  cover: z.string().nullable(),
  /** Metres from the query point, null when the query had no point. */
  distance: z.number().nullable(),
  openStatus: OpenStatusSchema,
})
export type StationSummary = z.infer<typeof StationSummarySchema>

export const StationDetailSchema = StationSummarySchema.extend({
  hours: WeeklyHoursSchema,
  closures: z.array(ClosureSchema),
  /** Stored file ids with a URL to show each; the edit form sends the ids back. */
  photos: z.array(z.object({ fileId: z.string(), url: z.string() })),
  contact: ContactSchema,
  description: z.string().nullable(),
  /** Whether the caller may edit it (staff of its unit or above), to show the edit button. */
  canEdit: z.boolean(),
  updatedAt: z.string(),
})
export type StationDetail = z.infer<typeof StationDetailSchema>

const PagingSchema = z.object({
  offset: z.number().int().min(0).max(10_000).default(0),
  limit: z.number().int().min(1).max(50).default(20),
})

/** Filters both the nearby list and search apply; several amenities means all of them. */
const FilterSchema = z.object({
  amenities: z.array(AmenityKeySchema).max(30).default([]),
  openNow: z.boolean().default(false),
  keyword: z.string().trim().max(30, '搜索词不超过 30 个字').optional(),
})

/** Largest radius a nearby query may ask for: Xi'an and its districts fit well within it. */
export const MAX_RADIUS_M = 200_000

/**
 * Without `point` the list starts from the caller's bound community's centre, and without
 * that it is sorted by name: the locator works for someone who shares no location at all.
 */
export const NearbyInputSchema = PagingSchema.merge(FilterSchema).extend({
  point: PointSchema.optional(),
  radius: z.number().int().min(100, '范围至少 100 米').max(MAX_RADIUS_M, '范围最多 200 公里').optional(),
})

export const SearchInputSchema = PagingSchema.merge(FilterSchema).extend({
  keyword: z.string().trim().min(1, '请输入驿站名称或地址').max(30, '搜索词不超过 30 个字'),
  point: PointSchema.optional(),
})

/** Where distances were measured from, so the page can say "按您所在社区（…）计算距离". */
export const OriginSchema = z.object({
  point: PointSchema,
  source: z.enum(['point', 'community']),
  /** The community's name when `source` is community. */
  name: z.string().nullable(),
})
export type Origin = z.infer<typeof OriginSchema>

export const StationPageSchema = z.object({
  items: z.array(StationSummarySchema),
  /** Null when nothing to measure from: then the list is by name and distances are null. */
  origin: OriginSchema.nullable(),
  hasMore: z.boolean(),
  nextOffset: z.number().int(),
})
export type StationPage = z.infer<typeof StationPageSchema>

export const ManagedUnitSchema = z.object({ id: z.string(), name: z.string(), kind: z.string() })

export const StationsContract = defineContract({
  /** The amenity catalogue: built-ins plus what admins added. Public. */
  amenities: { input: z.object({}), output: z.object({ items: z.array(AmenitySchema) }) },
  /** Nearest first from `point` (or the caller's community), optionally within `radius` metres. Public. */
  nearby: { input: NearbyInputSchema, output: StationPageSchema },
  /** By name or address; nearest first when a point is given, else by name. Public. */
  search: { input: SearchInputSchema, output: StationPageSchema },
  /** One station with everything its page shows. Public. */
  get: {
    input: z.object({ id: z.string().min(1), point: PointSchema.optional() }),
    output: StationDetailSchema,
  },
  /** Staff: the units the caller manages stations for, and those units' stations. */
  mine: {
    input: z.object({}),
    output: z.object({ units: z.array(ManagedUnitSchema), items: z.array(StationSummarySchema) }),
  },
  /** Staff: create a station in a unit the caller manages. */
  create: { input: StationInputSchema, output: z.object({ id: z.string() }) },
  /** Staff: replace a station's details (all fields, as the edit form sends them). */
  update: { input: StationInputSchema.extend({ id: z.string().min(1) }), output: z.object({ id: z.string() }) },
  /** Admin: add an amenity kind or relabel one. */
  saveAmenity: { input: AmenitySchema, output: AmenitySchema },
})
