import { z } from 'zod'
import { defineContract } from './contract'
import {
  AUDIENCE_FILTERS,
  FOLLOW_UP_METHODS,
  NOTICE_CATEGORIES,
  NOTICE_KINDS,
  NOTICE_LIMITS,
  NOTICE_PRIORITIES,
  NOTICE_STATUSES,
} from './notices-labels'

export * from './notices-labels'

/*
 * 社区通知 (notices): the contract between the app, outside tools and the `notices` function.
 * The action names `create`, `publish`, `list`, `get`, `acknowledge`, `reach`, `notReached`,
 * `recordFollowUp` and `withdraw` are used by tools outside the app: keep them.
 */

export const NoticeCategorySchema = z.enum(NOTICE_CATEGORIES)
export const NoticePrioritySchema = z.enum(NOTICE_PRIORITIES)
export const NoticeKindSchema = z.enum(NOTICE_KINDS)
export const AudienceFilterSchema = z.enum(AUDIENCE_FILTERS)
export const FollowUpMethodSchema = z.enum(FOLLOW_UP_METHODS)
export const NoticeStatusSchema = z.enum(NOTICE_STATUSES)

const Id = z.string().trim().min(1, '缺少编号').max(128)
const Iso = z.string().min(1)
/** An instant the app sends: ISO 8601 with an offset, e.g. 2026-12-01T08:00:00+08:00. */
const Instant = z.iso.datetime({ offset: true, error: '时间格式不正确' })
const Text = (max: number, what: string) =>
  z.string().trim().min(1, `请填写${what}`).max(max, `${what}不超过 ${max} 个字`)

/** A PDF attached to a notice. The size is what the upload reported; over the limit is refused. */
export const AttachmentSchema = z.object({
  fileId: z.string().min(1).max(256),
  name: z
    .string()
    .trim()
    .min(1, '请填写附件名称')
    .max(60, '附件名称不超过 60 个字')
    .refine((n) => /\.pdf$/i.test(n), '附件只能是 PDF 文件'),
  sizeBytes: z
    .number()
    .int()
    .min(1, '附件是空文件')
    .max(
      NOTICE_LIMITS.attachmentMaxBytes,
      `附件不能超过 ${NOTICE_LIMITS.attachmentMaxBytes / 1024 / 1024} MB，请压缩后再上传`,
    ),
})
export type Attachment = z.infer<typeof AttachmentSchema>

/** Who receives it: units of the org tree (community, grid; 小区/楼栋 once they exist) and a filter. */
export const AudienceSchema = z.object({
  unitIds: z
    .array(Id)
    .min(1, '请选择发送范围')
    .max(NOTICE_LIMITS.audienceUnitsMax, `发送范围最多 ${NOTICE_LIMITS.audienceUnitsMax} 个单位`),
  filter: AudienceFilterSchema.default('all'),
})
export type Audience = z.infer<typeof AudienceSchema>

/**
 * A notice as composed. `unitId` is the sending unit (发布单位): the caller must hold a notice
 * role there and every audience unit must be it or below it. Times are checked against the
 * server clock on the function side (no schedule in the past, expiry after publication).
 */
export const ComposeNoticeInputSchema = z.object({
  noticeId: Id.optional(),
  unitId: Id,
  kind: NoticeKindSchema.default('notice'),
  title: Text(NOTICE_LIMITS.titleMax, '标题'),
  body: Text(NOTICE_LIMITS.bodyMax, '正文'),
  summary: Text(NOTICE_LIMITS.summaryMax, '摘要'),
  category: NoticeCategorySchema,
  priority: NoticePrioritySchema.default('normal'),
  images: z
    .array(z.string().min(1).max(256))
    .max(NOTICE_LIMITS.imagesMax, `图片最多 ${NOTICE_LIMITS.imagesMax} 张`)
    .default([]),
  attachments: z
    .array(AttachmentSchema)
    .max(NOTICE_LIMITS.attachmentsMax, `附件最多 ${NOTICE_LIMITS.attachmentsMax} 个`)
    .default([]),
  eventId: Id.nullable().default(null),
  publishAt: Instant.nullable().default(null),
  expiresAt: Instant.nullable().default(null),
  pinnedUntil: Instant.nullable().default(null),
  ackRequired: z.boolean().default(false),
  ackDeadline: Instant.nullable().default(null),
  audience: AudienceSchema,
})
export type ComposeNoticeInput = z.input<typeof ComposeNoticeInputSchema>

const NoticeRef = z.object({ noticeId: Id })

export const EditNoticeInputSchema = NoticeRef.extend({
  title: Text(NOTICE_LIMITS.titleMax, '标题'),
  body: Text(NOTICE_LIMITS.bodyMax, '正文'),
  summary: Text(NOTICE_LIMITS.summaryMax, '摘要'),
  /** 实质性修改: readers are told again. A typo fix is not. */
  material: z.boolean(),
})

/**
 * A recipient as staff may refer to one: `ref` is an opaque reference (the receipt id), never
 * a WeChat openid. `recordFollowUp` takes it in the field the outside contract calls `openid`.
 */
export const NotReachedPersonSchema = z.object({
  ref: z.string(),
  name: z.string(),
  /** Full number only for the grid worker of the person's grid; masked for others. */
  phone: z.string(),
  unitName: z.string(),
  read: z.boolean(),
  pushed: z.boolean(),
  canRemind: z.boolean(),
  remindedAt: Iso.nullable(),
})
export type NotReachedPerson = z.infer<typeof NotReachedPersonSchema>

export const ReachCountsSchema = z.object({
  recipients: z.number().int(),
  delivered: z.number().int(),
  read: z.number().int(),
  acknowledged: z.number().int(),
  followedUp: z.number().int(),
  notReached: z.number().int(),
  pushed: z.number().int(),
  noPermission: z.number().int(),
})
export type ReachCounts = z.infer<typeof ReachCountsSchema>

export const ReachSchema = z.object({
  noticeId: z.string(),
  title: z.string(),
  status: NoticeStatusSchema,
  fanoutDone: z.boolean(),
  total: ReachCountsSchema,
  byUnit: z.array(ReachCountsSchema.extend({ unitId: z.string(), unitName: z.string() })),
})
export type Reach = z.infer<typeof ReachSchema>

export const NoticeVersionSchema = z.object({
  version: z.number().int(),
  at: Iso,
  title: z.string(),
  material: z.boolean(),
})
export const ProgressEntrySchema = z.object({ at: Iso, text: z.string() })

/** A notice in a resident's list. */
export const NoticeSummarySchema = z.object({
  id: z.string(),
  kind: NoticeKindSchema,
  title: z.string(),
  summary: z.string(),
  category: NoticeCategorySchema,
  priority: NoticePrioritySchema,
  unitName: z.string(),
  publishedAt: Iso,
  pinned: z.boolean(),
  expired: z.boolean(),
  withdrawn: z.boolean(),
  read: z.boolean(),
  ackRequired: z.boolean(),
  acknowledged: z.boolean(),
})
export type NoticeSummary = z.infer<typeof NoticeSummarySchema>

/** A notice as its recipient opens it. */
export const NoticeDetailSchema = NoticeSummarySchema.extend({
  body: z.string(),
  images: z.array(z.string()),
  attachments: z.array(AttachmentSchema.extend({ url: z.string() })),
  eventId: z.string().nullable(),
  expiresAt: Iso.nullable(),
  ackDeadline: Iso.nullable(),
  readAt: Iso.nullable(),
  acknowledgedAt: Iso.nullable(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  progress: z.array(ProgressEntrySchema),
  following: z.boolean(),
})
export type NoticeDetail = z.infer<typeof NoticeDetailSchema>

/** A notice as staff manage it. `can` lists the actions this viewer may take now. */
export const NoticeStaffViewSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: NoticeKindSchema,
  status: NoticeStatusSchema,
  title: z.string(),
  body: z.string(),
  summary: z.string(),
  category: NoticeCategorySchema,
  priority: NoticePrioritySchema,
  images: z.array(z.string()),
  attachments: z.array(AttachmentSchema),
  eventId: z.string().nullable(),
  publishAt: Iso.nullable(),
  publishedAt: Iso.nullable(),
  expiresAt: Iso.nullable(),
  pinnedUntil: Iso.nullable(),
  ackRequired: z.boolean(),
  ackDeadline: Iso.nullable(),
  audience: z.object({ unitIds: z.array(z.string()), unitNames: z.array(z.string()), filter: AudienceFilterSchema }),
  needsApproval: z.boolean(),
  approvalReason: z.string().nullable(),
  createdByMe: z.boolean(),
  recipientCount: z.number().int().nullable(),
  version: z.number().int(),
  versions: z.array(NoticeVersionSchema),
  progress: z.array(ProgressEntrySchema),
  withdrawnReason: z.string().nullable(),
  createdAt: Iso,
  can: z.array(z.enum(['edit', 'publish', 'approve', 'withdraw', 'reach', 'addProgress'])),
})
export type NoticeStaffView = z.infer<typeof NoticeStaffViewSchema>

export const NoticesContract = defineContract({
  // --- staff: compose and publish ---
  create: { input: ComposeNoticeInputSchema, output: NoticeStaffViewSchema },
  countRecipients: { input: AudienceSchema.extend({ unitId: Id }), output: z.object({ count: z.number().int() }) },
  publish: { input: NoticeRef, output: NoticeStaffViewSchema },
  approve: { input: NoticeRef, output: NoticeStaffViewSchema },
  edit: { input: EditNoticeInputSchema, output: NoticeStaffViewSchema },
  withdraw: {
    input: NoticeRef.extend({ reason: Text(NOTICE_LIMITS.reasonMax, '撤回原因') }),
    output: NoticeStaffViewSchema,
  },
  addProgress: {
    input: NoticeRef.extend({ text: Text(NOTICE_LIMITS.progressMax, '进展') }),
    output: NoticeStaffViewSchema,
  },
  staffList: {
    input: z.object({
      unitId: Id,
      status: NoticeStatusSchema.optional(),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    output: z.object({ items: z.array(NoticeStaffViewSchema) }),
  },
  staffGet: { input: NoticeRef, output: NoticeStaffViewSchema },
  // --- staff: who has it reached ---
  reach: { input: NoticeRef.extend({ unitId: Id.optional() }), output: ReachSchema },
  notReached: {
    input: NoticeRef.extend({ unitId: Id.optional(), limit: z.number().int().min(1).max(200).default(100) }),
    output: z.object({ items: z.array(NotReachedPersonSchema), total: z.number().int() }),
  },
  recordFollowUp: {
    input: NoticeRef.extend({
      /** The recipient's opaque reference from `notReached` (never a WeChat openid; the name is kept for outside tools). */
      openid: Id,
      method: FollowUpMethodSchema,
      note: z.string().trim().max(NOTICE_LIMITS.noteMax, `备注不超过 ${NOTICE_LIMITS.noteMax} 个字`).default(''),
    }),
    output: z.object({ reached: z.boolean() }),
  },
  remind: { input: NoticeRef.extend({ ref: Id }), output: z.object({ remindedAt: Iso }) },
  exportReach: { input: NoticeRef, output: z.object({ fileId: z.string(), fileName: z.string(), url: z.string() }) },
  // --- residents ---
  list: {
    input: z.object({ archive: z.boolean().default(false), limit: z.number().int().min(1).max(100).default(50) }),
    output: z.object({ items: z.array(NoticeSummarySchema), unread: z.number().int() }),
  },
  home: { input: z.object({}), output: z.object({ unread: z.number().int(), urgent: NoticeSummarySchema.nullable() }) },
  get: { input: NoticeRef, output: NoticeDetailSchema },
  acknowledge: { input: NoticeRef, output: NoticeDetailSchema },
  follow: { input: NoticeRef.extend({ following: z.boolean() }), output: NoticeDetailSchema },
})
export type NoticesContractType = typeof NoticesContract
