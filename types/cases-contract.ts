import { z } from 'zod'
import { CalendarDateSchema } from './calendar-date'
import { defineContract } from './contract'
import { LngLatSchema } from './org'
import { countedPageOf, maxDepth, pageInput } from './paging'
import { CASE_LIMITS } from './cases-labels'
import {
  CaseChannelSchema,
  CaseDetailSchema,
  CaseSummarySchema,
  CaseWorkloadSchema,
  ContactPreferenceSchema,
  DispositionSchema,
  FiguresSchema,
  Id,
  InboxBoxSchema,
  InboxCountsSchema,
  LedgerSchema,
  SatisfactionSchema,
  SimilarCaseSchema,
  Text,
} from './cases'
import { CategorySchema, RouteDecisionSchema, RoutingRuleSchema } from './cases-routing'

/*
 * The `cases` function's actions: each input as the function checks it, and the contract
 * that pairs it with its answer (the records are in cases.ts).
 */

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

const Reason = Text(CASE_LIMITS.reasonMax)

/**
 * A new case. `clientRequestId` makes the submission idempotent: the app generates it
 * once per form, so a retry after a lost answer returns the same case instead of a second.
 * `channel` other than `miniprogram` is for staff submitting on someone's behalf; then
 * `onBehalfOf` carries the petitioner's name and phone (and openid when they have one).
 */
export const SubmitCaseInputSchema = z
  .object({
    clientRequestId: z.string().min(8).max(64),
    categoryCode: z.string().min(1).max(64),
    description: Text(CASE_LIMITS.proxyDescriptionMax),
    photos: z.array(z.string().min(1).max(256)).max(CASE_LIMITS.photosMax).default([]),
    location: LngLatSchema.nullable().default(null),
    address: z.string().trim().max(CASE_LIMITS.addressMax).default(''),
    /** A 12345 system's own address id (Open311 `address_id`), kept beside the address. */
    addressId: z.string().trim().max(CASE_LIMITS.addressIdMax).default(''),
    channel: CaseChannelSchema.default('miniprogram'),
    contact: z
      .object({
        name: z.string().trim().max(20).default(''),
        phone: z
          .string()
          .regex(/^[0-9+\-\s]{0,20}$/, '电话号码格式不对')
          .default(''),
      })
      .default({ name: '', phone: '' }),
    onBehalfOf: z
      .object({
        openid: z.string().max(64).optional(),
        name: Text(20),
        phone: z.string().regex(/^[0-9+\-\s]{5,20}$/, '电话号码格式不对'),
      })
      .optional(),
    contactPreference: ContactPreferenceSchema.default('phone'),
    /** Whether the name may be shown (masked, 张**) to anyone but the handlers; they always see it. */
    showName: z.boolean().default(false),
    /** 为我服务 "给他留言": the grid the resident wrote to; the case routes as if located in it. */
    addressedGridId: z.string().trim().min(1).max(128).optional(),
  })
  .superRefine((v, ctx) => {
    // Residents write in the app's box; only cases entered for someone (a hotline ticket) may be longer.
    if (v.channel === 'miniprogram' && v.description.length > CASE_LIMITS.descriptionMax) {
      ctx.addIssue({ code: 'custom', path: ['description'], message: `最多${CASE_LIMITS.descriptionMax}个字` })
    }
  })
export type SubmitCaseInput = z.input<typeof SubmitCaseInputSchema>

const CaseRef = z.object({ caseId: Id })

export const SimilarNearbyInputSchema = z.object({
  categoryCode: z.string().min(1).max(64),
  location: LngLatSchema,
  radiusMeters: z.number().int().min(50).max(2000).default(500),
})

export const ListInputSchema = z
  .object({
    status: z.enum(['open', 'resolved', 'closed', 'all']).default('all'),
    ...pageInput(),
  })
  .refine(...maxDepth(10000))

export const AddNoteInputSchema = CaseRef.extend({
  text: Text(CASE_LIMITS.replyMax),
  staffOnly: z.boolean().default(false),
})
export const TransferInputSchema = CaseRef.extend({ toUnitId: Id, reason: Reason })
export const ReturnCaseInputSchema = CaseRef.extend({ reason: Reason })
export const RequestExtensionInputSchema = CaseRef.extend({ days: z.number().int().min(1).max(30), reason: Reason })
export const ReviewExtensionInputSchema = CaseRef.extend({
  approve: z.boolean(),
  comment: z.string().trim().max(200).default(''),
})
export const ResolveInputSchema = CaseRef.extend({
  disposition: DispositionSchema,
  ledger: LedgerSchema,
  reply: Text(CASE_LIMITS.replyMax),
})
export const MarkDuplicateInputSchema = CaseRef.extend({ duplicateOfNumber: z.string().min(1).max(32) })
export const SuperviseInputSchema = CaseRef.extend({ comment: Reason })
export const RateInputSchema = CaseRef.extend({
  value: SatisfactionSchema,
  comment: z.string().trim().max(CASE_LIMITS.commentMax).default(''),
})
export const RecordRevisitInputSchema = CaseRef.extend({
  method: z.enum(['phone', 'visit']),
  value: SatisfactionSchema,
  comment: z.string().trim().max(200).default(''),
})

/**
 * A report's period: Shanghai calendar days that exist, inclusive (`2026-11-01`), the end
 * not before the start, at most a year (a report file is named after its dates).
 */
const Period = { from: CalendarDateSchema, to: CalendarDateSchema }
type Bounds = { from: string; to: string }
function withPeriod<S extends z.ZodType<Bounds>>(schema: S): S {
  return schema
    .refine((v) => v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' })
    .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 366 * 86_400_000, {
      path: ['to'],
      message: '一次最多查询一年',
    })
}

export const InboxInputSchema = z
  .object({
    unitId: Id,
    box: InboxBoxSchema.default('to_sign'),
    ...pageInput(),
  })
  // A box is a work queue, read from the top: deeper than 950 is not a page anyone needs.
  .refine(...maxDepth(950))
export const LedgerInputSchema = withPeriod(
  z
    .object({ ...Period, unitId: Id, ledger: LedgerSchema, ...pageInput({ maxPageSize: 100, defaultPageSize: 50 }) })
    .refine(...maxDepth(10000)),
)
export const FiguresInputSchema = withPeriod(z.object({ ...Period, unitId: Id }))
export const ExportInputSchema = withPeriod(z.object({ ...Period, unitId: Id, ledger: LedgerSchema.optional() }))

export const RoutePreviewInputSchema = z.object({
  categoryCode: z.string().min(1),
  location: LngLatSchema.nullable().default(null),
  channel: CaseChannelSchema.default('miniprogram'),
})

// ---------------------------------------------------------------------------
// The contract
// ---------------------------------------------------------------------------

/** Every action of the `cases` function (issue 6). */
export const CasesContract = defineContract({
  // resident side
  categories: { input: z.object({}), output: z.object({ items: z.array(CategorySchema) }) },
  similarNearby: { input: SimilarNearbyInputSchema, output: z.object({ items: z.array(SimilarCaseSchema) }) },
  submit: { input: SubmitCaseInputSchema, output: z.object({ case: CaseDetailSchema, created: z.boolean() }) },
  myCases: { input: ListInputSchema, output: countedPageOf(CaseSummarySchema) },
  get: { input: CaseRef, output: CaseDetailSchema },
  follow: { input: CaseRef, output: z.object({ followerCount: z.number().int() }) },
  rate: { input: RateInputSchema, output: CaseDetailSchema },
  // unit side
  inbox: { input: InboxInputSchema, output: countedPageOf(CaseSummarySchema).extend({ counts: InboxCountsSchema }) },
  workload: { input: z.object({}), output: CaseWorkloadSchema },
  sign: { input: CaseRef, output: CaseDetailSchema },
  addNote: { input: AddNoteInputSchema, output: CaseDetailSchema },
  transfer: { input: TransferInputSchema, output: CaseDetailSchema },
  returnCase: { input: ReturnCaseInputSchema, output: CaseDetailSchema },
  requestExtension: { input: RequestExtensionInputSchema, output: CaseDetailSchema },
  reviewExtension: { input: ReviewExtensionInputSchema, output: CaseDetailSchema },
  supervise: { input: SuperviseInputSchema, output: CaseDetailSchema },
  resolve: { input: ResolveInputSchema, output: CaseDetailSchema },
  markDuplicate: { input: MarkDuplicateInputSchema, output: CaseDetailSchema },
  recordRevisit: { input: RecordRevisitInputSchema, output: CaseDetailSchema },
  ledger: { input: LedgerInputSchema, output: countedPageOf(CaseSummarySchema) },
  figures: {
    input: FiguresInputSchema,
    output: FiguresSchema.extend({
      byUnit: z.array(FiguresSchema.extend({ unitId: z.string(), unitName: z.string() })),
    }),
  },
  /** `url`: where the H5 page offers the file (a signed link that expires); the weapp downloads `fileId`. */
  export: {
    input: ExportInputSchema,
    output: z.object({ fileId: z.string(), url: z.string(), fileName: z.string(), rowCount: z.number().int() }),
  },
  // admin
  saveCategory: { input: CategorySchema, output: CategorySchema },
  routingRules: { input: z.object({}), output: z.object({ items: z.array(RoutingRuleSchema) }) },
  saveRoutingRule: { input: RoutingRuleSchema, output: RoutingRuleSchema },
  deleteRoutingRule: { input: z.object({ id: Id }), output: z.object({ deleted: z.boolean() }) },
  previewRoute: { input: RoutePreviewInputSchema, output: RouteDecisionSchema },
})
export type CasesContractType = typeof CasesContract
