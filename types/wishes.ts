import { z } from 'zod'
import { CalendarDateSchema } from './calendar-date'
import { defineContract } from './contract'
import { WISH_CATEGORY_KEYS, WISH_LIMITS, WISH_STATUSES } from './wishes-labels'

export { CATEGORY_LABELS, STATUS_LABELS, WISH_CATEGORIES, WISH_LIMITS } from './wishes-labels'

/**
 * 微心愿墙 (issue 5, 高陵 "微心愿墙"; 在职党员认领): the contract between the wish pages and
 * the `wishes` function, and the pure state machine both sides agree on.
 */

export const WishCategorySchema = z.enum(WISH_CATEGORY_KEYS, { error: '请选择心愿类别' })
export type WishCategory = z.infer<typeof WishCategorySchema>

export const WishStatusSchema = z.enum(WISH_STATUSES)
export type WishStatus = z.infer<typeof WishStatusSchema>

/** What residents and volunteers may filter the wall by: the wishes that are public. */
export const WALL_STATUSES = ['open', 'claimed', 'fulfilled', 'confirmed'] as const satisfies readonly WishStatus[]

/** Every transition of a wish, by people (the first ten) or by the scheduler (the last two). */
export const WishActionSchema = z.enum([
  'approve',
  'reject',
  'withdraw',
  'hide',
  'claim',
  'release',
  'fulfil',
  'confirm',
  'dispute',
  'thank',
  'expire',
  'autoConfirm',
])
export type WishAction = z.infer<typeof WishActionSchema>

/**
 * How the caller stands to one wish. A person can be several at once (a secretary who posts
 * a wish is `wisher` and `staff`). `volunteer` means "approved volunteer of the wish's
 * community"; `system` is the scheduler.
 */
export type WishActor = 'wisher' | 'claimer' | 'volunteer' | 'staff' | 'other' | 'system'

interface Rule {
  from: readonly WishStatus[]
  by: readonly WishActor[]
  to: WishStatus | 'same'
}

/**
 * The state machine as data. `to: 'same'` keeps the status (thanks are added to a done wish).
 * A claimer may not claim again and a wisher may not claim their own wish: `claim` is for a
 * `volunteer` who is neither.
 */
export const WISH_RULES: Record<WishAction, Rule> = {
  approve: { from: ['pending_review'], by: ['staff'], to: 'open' },
  reject: { from: ['pending_review'], by: ['staff'], to: 'rejected' },
  withdraw: { from: ['pending_review', 'open'], by: ['wisher'], to: 'withdrawn' },
  hide: { from: ['pending_review', 'open', 'claimed', 'fulfilled', 'confirmed'], by: ['staff'], to: 'hidden' },
  claim: { from: ['open'], by: ['volunteer'], to: 'claimed' },
  release: { from: ['claimed'], by: ['claimer'], to: 'open' },
  fulfil: { from: ['claimed'], by: ['claimer'], to: 'fulfilled' },
  confirm: { from: ['fulfilled'], by: ['wisher'], to: 'confirmed' },
  dispute: { from: ['fulfilled'], by: ['wisher'], to: 'claimed' },
  thank: { from: ['confirmed'], by: ['wisher'], to: 'same' },
  expire: { from: ['claimed'], by: ['system'], to: 'open' },
  autoConfirm: { from: ['fulfilled'], by: ['system'], to: 'confirmed' },
}

export type TransitionResult = { ok: true; to: WishStatus } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' }

/**
 * The next status, or why not: FORBIDDEN when none of the caller's standings may ever take
 * this action on this wish, CONFLICT when they may but not in its current status (it has
 * just been claimed, withdrawn, …). Who you are is checked before what state it is in, so a
 * stranger learns nothing about a wish's progress from the error.
 */
export function transition(from: WishStatus, action: WishAction, actors: readonly WishActor[]): TransitionResult {
  const rule = WISH_RULES[action]
  const claimBlocked = action === 'claim' && (actors.includes('wisher') || actors.includes('claimer'))
  if (!rule.by.some((a) => actors.includes(a)) || claimBlocked) return { ok: false, code: 'FORBIDDEN' }
  if (!rule.from.includes(from)) return { ok: false, code: 'CONFLICT' }
  return { ok: true, to: rule.to === 'same' ? from : rule.to }
}


/** Per-community policy; the defaults apply until staff change them. */
export const WishSettingsSchema = z.object({
  /** When false, a wish that passes content security goes straight onto the wall. */
  reviewRequired: z.boolean(),
  /** Open claims one volunteer may hold at once. */
  claimLimit: z.number().int().min(1).max(20),
  /** Days a volunteer has to fulfil a claim before it returns to the wall. */
  claimDays: z.number().int().min(1).max(30),
  /** Days without an answer after which a fulfilled wish is confirmed automatically. */
  autoConfirmDays: z.number().int().min(1).max(30),
  /** An open wish unclaimed for this many days goes into the digest for partner units. */
  digestAfterDays: z.number().int().min(1).max(90),
  /** Service hours and points credited per fulfilled wish. */
  hoursPerWish: z.number().min(0).max(24),
  pointsPerWish: z.number().int().min(0).max(1000),
})
export type WishSettings = z.infer<typeof WishSettingsSchema>
export const DEFAULT_WISH_SETTINGS: WishSettings = {
  reviewRequired: true,
  claimLimit: 3,
  claimDays: 7,
  autoConfirmDays: 7,
  digestAfterDays: 14,
  hoursPerWish: 2,
  pointsPerWish: 10,
}

const IdSchema = z.string().trim().min(1, '缺少编号').max(128)
const FileIdSchema = z.string().min(1).max(512)
const text = (label: string, min: number, max: number) =>
  z.string().trim().min(min, `${label}至少 ${min} 个字`).max(max, `${label}不超过 ${max} 个字`)
const PhotosSchema = z.array(FileIdSchema).max(WISH_LIMITS.photosMax, `照片最多 ${WISH_LIMITS.photosMax} 张`).default([])
const PageSchema = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
}

export const PostWishInputSchema = z.object({
  /** Where the wish is posted; a station's own community unless `communityId` is given. */
  stationId: IdSchema.optional(),
  communityId: IdSchema.optional(),
  text: text('心愿内容', WISH_LIMITS.textMin, WISH_LIMITS.textMax),
  category: WishCategorySchema,
  photos: PhotosSchema,
  neededBy: CalendarDateSchema,
})
export type PostWishInput = z.input<typeof PostWishInputSchema>

export const HistoryEntrySchema = z.object({
  action: z.union([WishActionSchema, z.literal('post'), z.literal('digest')]),
  /** In which capacity it was done; never a name, so the history can be shown to anyone who sees the wish. */
  by: z.enum(['wisher', 'volunteer', 'staff', 'system']),
  status: WishStatusSchema,
  note: z.string().nullable(),
  at: z.string(),
})
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>

export const PhotoSchema = z.object({ fileId: z.string(), url: z.string() })

/** A wish as the wall shows it: the wisher's name masked, no contact, no history. */
export const WishCardSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string().nullable(),
  stationId: z.string().nullable(),
  wisherName: z.string(),
  text: z.string(),
  category: WishCategorySchema,
  photos: z.array(PhotoSchema),
  neededBy: z.string(),
  status: WishStatusSchema,
  thanks: z.string().nullable(),
  createdAt: z.string(),
  mine: z.boolean(),
})
export type WishCard = z.infer<typeof WishCardSchema>

export const ContactSchema = z.object({ name: z.string(), phone: z.string() })

/**
 * One wish in full as its caller may see it: `contact` only for the wisher and the
 * claimer; review and hide reasons for the wisher and staff.
 */
export const WishDetailSchema = WishCardSchema.extend({
  contact: ContactSchema.nullable(),
  claimDeadline: z.string().nullable(),
  fulfilNote: z.string().nullable(),
  fulfilPhotos: z.array(PhotoSchema),
  autoConfirmAt: z.string().nullable(),
  disputeReason: z.string().nullable(),
  rejectReason: z.string().nullable(),
  hideReason: z.string().nullable(),
  contentVerdict: z.enum(['pass', 'review']).nullable(),
  history: z.array(HistoryEntrySchema),
  /** The actions the caller may take now; the page shows exactly these buttons. */
  can: z.array(WishActionSchema),
})
export type WishDetail = z.infer<typeof WishDetailSchema>

export const LedgerEntrySchema = z.object({
  id: z.string(),
  wishId: z.string(),
  wishText: z.string(),
  hours: z.number(),
  points: z.number(),
  creditedAt: z.string(),
})
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>

/** A confirmed wish as a station's page shows it: what was done and the wisher's thanks. */
export const StationResultSchema = z.object({
  id: z.string(),
  wisherName: z.string(),
  text: z.string(),
  category: WishCategorySchema,
  fulfilNote: z.string().nullable(),
  thanks: z.string().nullable(),
  confirmedAt: z.string(),
})
export type StationResult = z.infer<typeof StationResultSchema>

export const DigestSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  period: z.string(),
  wishIds: z.array(z.string()),
  createdAt: z.string(),
  sentTo: z.array(z.string()),
  sentAt: z.string().nullable(),
})
export type Digest = z.infer<typeof DigestSchema>

const WishIdInput = z.object({ id: IdSchema })
const reason = (label: string) => text(label, 2, WISH_LIMITS.reasonMax)
const WishListOutput = z.object({ items: z.array(WishCardSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
/**
 * One page of the wall. No total: counting every matching wish reads them all (tens of
 * thousands on a busy community), so the wall only says whether another page follows.
 */
const WallOutput = z.object({ items: z.array(WishCardSchema), hasMore: z.boolean(), page: z.number().int(), pageSize: z.number().int() })
const TransitionOutput = z.object({ id: z.string(), status: WishStatusSchema })

/** The `wishes` function. */
export const WishesContract = defineContract({
  post: {
    input: PostWishInputSchema,
    output: z.object({ id: z.string(), status: WishStatusSchema }),
  },
  wall: {
    input: z
      .object({
        communityId: IdSchema.optional(),
        stationId: IdSchema.optional(),
        category: WishCategorySchema.optional(),
        status: z.enum(WALL_STATUSES).default('open'),
        sort: z.enum(['newest', 'soonest']).default('newest'),
        ...PageSchema,
      })
      .refine((v) => v.communityId !== undefined || v.stationId !== undefined, '请选择社区或驿站'),
    output: WallOutput,
  },
  get: { input: WishIdInput, output: WishDetailSchema },
  mine: {
    input: z.object({ as: z.enum(['wisher', 'claimer']).default('wisher'), ...PageSchema }),
    output: WishListOutput,
  },
  reviewQueue: {
    input: z.object({ communityId: IdSchema, status: WishStatusSchema.default('pending_review'), ...PageSchema }),
    output: z.object({ items: z.array(WishDetailSchema), total: z.number().int() }),
  },
  review: {
    input: z
      .object({ id: IdSchema, decision: z.enum(['approve', 'reject']), reason: reason('原因').optional() })
      .refine((v) => v.decision === 'approve' || v.reason !== undefined, { message: '请填写不通过的原因，心愿人会看到', path: ['reason'] }),
    output: TransitionOutput,
  },
  withdraw: { input: WishIdInput, output: TransitionOutput },
  hide: { input: z.object({ id: IdSchema, reason: reason('隐藏原因') }), output: TransitionOutput },
  claim: {
    input: WishIdInput,
    output: z.object({ id: z.string(), status: WishStatusSchema, claimDeadline: z.string(), contact: ContactSchema }),
  },
  release: { input: z.object({ id: IdSchema, reason: reason('原因').optional() }), output: TransitionOutput },
  fulfil: {
    input: z.object({ id: IdSchema, note: text('完成说明', 2, WISH_LIMITS.noteMax), photos: PhotosSchema }),
    output: TransitionOutput,
  },
  confirm: { input: WishIdInput, output: TransitionOutput },
  dispute: { input: z.object({ id: IdSchema, reason: reason('原因') }), output: TransitionOutput },
  thank: { input: z.object({ id: IdSchema, text: text('感谢的话', 2, WISH_LIMITS.thanksMax) }), output: TransitionOutput },
  ledger: {
    input: z.object({}),
    output: z.object({ items: z.array(LedgerEntrySchema), totalHours: z.number(), totalPoints: z.number() }),
  },
  stationResults: {
    input: z.object({ stationId: IdSchema, limit: z.number().int().min(1).max(20).default(5) }),
    output: z.object({ items: z.array(StationResultSchema) }),
  },
  settings: { input: z.object({ communityId: IdSchema }), output: WishSettingsSchema },
  updateSettings: {
    input: z.object({ communityId: IdSchema, settings: WishSettingsSchema.partial() }),
    output: WishSettingsSchema,
  },
  digests: {
    input: z.object({ communityId: IdSchema }),
    output: z.object({ items: z.array(DigestSchema) }),
  },
  exportDigest: {
    input: z.object({ id: IdSchema }),
    output: z.object({ fileId: z.string(), url: z.string(), rows: z.number().int() }),
  },
  sendDigest: {
    input: z.object({
      id: IdSchema,
      recipients: z.array(text('单位名称', 2, 30)).min(1, '请至少填写一个单位').max(10),
    }),
    output: DigestSchema,
  },
})
export type WishesContractType = typeof WishesContract
