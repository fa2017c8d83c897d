import { z } from 'zod'
import { CalendarDateSchema } from './calendar-date'
import { defineContract } from './contract'
import { countedPageOf, pageInput, pageOf } from './paging'
import { WISH_CATEGORY_KEYS, WISH_LIMITS, WISH_STATUSES } from './wishes-labels'

export { CATEGORY_LABELS, STATUS_LABELS, WISH_CATEGORIES, WISH_LIMITS } from './wishes-labels'

/**
 * 微心愿墙 (issue 5, 高陵 "微心愿墙"; 在职党员认领): the contract between the wish pages and
 * the `wishes` function. The state machine is the function's (cloudfunctions/wishes/domain/);
 * the app only renders the `can` list a detail answers.
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
const PhotosSchema = z
  .array(FileIdSchema)
  .max(WISH_LIMITS.photosMax, `照片最多 ${WISH_LIMITS.photosMax} 张`)
  .default([])

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
export type Contact = z.infer<typeof ContactSchema>

/**
 * One wish in full as its caller may see it: `contact` is the other side of a claim, only
 * for the two people in it (the claimer gets the wisher's; the wisher gets the volunteer's,
 * the name masked); review and hide reasons for the wisher and staff.
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

const WishIdInput = z.object({ wishId: IdSchema })
const DigestIdInput = z.object({ digestId: IdSchema })
const reason = (label: string) => text(label, 2, WISH_LIMITS.reasonMax)
/**
 * One page of the wall. No total: counting every matching wish reads them all (tens of
 * thousands on a busy community), so the wall only says whether another page follows.
 */
const WallOutput = pageOf(WishCardSchema)
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
        ...pageInput(),
      })
      .refine((v) => v.communityId !== undefined || v.stationId !== undefined, '请选择社区或驿站'),
    output: WallOutput,
  },
  get: { input: WishIdInput, output: WishDetailSchema },
  mine: {
    input: z.object({ as: z.enum(['wisher', 'claimer']).default('wisher'), ...pageInput() }),
    output: countedPageOf(WishCardSchema),
  },
  reviewQueue: {
    input: z.object({ communityId: IdSchema, status: WishStatusSchema.default('pending_review'), ...pageInput() }),
    output: countedPageOf(WishDetailSchema),
  },
  /** 待审核心愿 over every community the caller reviews for (the 工作台 count). */
  workload: { input: z.object({}), output: z.object({ pendingReview: z.number().int() }) },
  review: {
    input: z
      .object({ wishId: IdSchema, decision: z.enum(['approve', 'reject']), reason: reason('原因').optional() })
      .refine((v) => v.decision === 'approve' || v.reason !== undefined, {
        message: '请填写不通过的原因，心愿人会看到',
        path: ['reason'],
      }),
    output: TransitionOutput,
  },
  withdraw: { input: WishIdInput, output: TransitionOutput },
  hide: { input: WishIdInput.extend({ reason: reason('隐藏原因') }), output: TransitionOutput },
  claim: {
    input: WishIdInput,
    output: z.object({ id: z.string(), status: WishStatusSchema, claimDeadline: z.string(), contact: ContactSchema }),
  },
  release: { input: WishIdInput.extend({ reason: reason('原因').optional() }), output: TransitionOutput },
  fulfil: {
    input: WishIdInput.extend({ note: text('完成说明', 2, WISH_LIMITS.noteMax), photos: PhotosSchema }),
    output: TransitionOutput,
  },
  confirm: { input: WishIdInput, output: TransitionOutput },
  dispute: { input: WishIdInput.extend({ reason: reason('原因') }), output: TransitionOutput },
  thank: { input: WishIdInput.extend({ text: text('感谢的话', 2, WISH_LIMITS.thanksMax) }), output: TransitionOutput },
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
    input: DigestIdInput,
    output: z.object({ fileId: z.string(), url: z.string(), rows: z.number().int() }),
  },
  sendDigest: {
    input: DigestIdInput.extend({
      recipients: z
        .array(text('单位名称', 2, 30))
        .min(1, '请至少填写一个单位')
        .max(10),
    }),
    output: DigestSchema,
  },
})
export type WishesContractType = typeof WishesContract
