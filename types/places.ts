import { z } from 'zod'
import { defineContract } from './contract'
import { LngLatSchema } from './org'
import { countedPageOf, pageInput } from './paging'
import { ADDRESS_STATUSES, PARTY_REPORT_STATUSES, PLACE_LIMITS, PLACE_POSTS, SERVER_KINDS } from './places-labels'

export * from './places-labels'

/*
 * 小区、楼栋 and the people on them (issue 10). 小区 (`estate`) and 楼栋 (`building`) are org
 * units under a grid, so every "at this unit or above" rule covers them unchanged; a
 * resident's address, the 党员 fact and the posts on places are what events and notices
 * target (docs/places.md).
 */

const Id = z.string().trim().min(1, '缺少编号').max(128)
const Iso = z.string()
/** A person as staff see them: an opaque ref (never an openid), handed back to act on them. */
const PersonRef = z.string().trim().min(1, '请选择居民').max(128)

export const AddressStatusSchema = z.enum(ADDRESS_STATUSES)
export const PartyReportStatusSchema = z.enum(PARTY_REPORT_STATUSES)
export const PlacePostSchema = z.enum(PLACE_POSTS, { error: '请选择岗位' })
export const ServerKindSchema = z.enum(SERVER_KINDS)

/** 单元/室 as the resident writes it ("2单元 301"): never shown to other residents. */
export const RoomSchema = z.string().trim().max(PLACE_LIMITS.roomMax, `单元/室不超过 ${PLACE_LIMITS.roomMax} 个字`)

/** A phone a contact may be reached on: mobile or landline (029-8765 4321). */
export const ContactPhoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s]{5,20}$/, '请填写正确的电话号码')
const ContactNameSchema = z.string().trim().min(2, '姓名至少 2 个字').max(20, '姓名不超过 20 个字')

/** One 楼栋 as pickers show it. */
export const BuildingViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  unitCount: z.number().int().nullable(),
  households: z.number().int().nullable(),
})
export type BuildingView = z.infer<typeof BuildingViewSchema>

/** One 小区 with its 楼栋, in the order staff keep them. */
export const EstateViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  center: LngLatSchema.nullable(),
  buildings: z.array(BuildingViewSchema),
})
export type EstateView = z.infer<typeof EstateViewSchema>

/** The caller's own address: unmasked, because it is theirs. `users.me` answers it too. */
export const MyAddressSchema = z.object({
  communityId: z.string(),
  communityName: z.string(),
  gridId: z.string(),
  estateId: z.string(),
  estateName: z.string(),
  buildingId: z.string(),
  buildingLabel: z.string(),
  room: z.string(),
  status: AddressStatusSchema,
  declaredAt: Iso,
  confirmedAt: Iso.nullable(),
})
export type MyAddress = z.infer<typeof MyAddressSchema>

/** A resident as the staff of their own community see them (name and room unmasked, phone masked). */
export const ResidentViewSchema = MyAddressSchema.pick({
  estateName: true,
  buildingId: true,
  buildingLabel: true,
  room: true,
  status: true,
  declaredAt: true,
}).extend({ ref: z.string(), name: z.string(), phone: z.string(), partyMember: z.boolean() })
export type ResidentView = z.infer<typeof ResidentViewSchema>

/** One person or contact serving the caller's 小区 or 楼栋. `phone` is null when hidden. */
export const ServerViewSchema = z.object({
  kind: ServerKindSchema,
  name: z.string(),
  phone: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  /** The grid a "给他留言" 诉求 is addressed to. */
  gridId: z.string().nullable(),
})
export type ServerView = z.infer<typeof ServerViewSchema>

/** A post on a place as staff manage it. */
export const PostViewSchema = z.object({
  id: z.string(),
  post: PlacePostSchema,
  unitId: z.string(),
  unitName: z.string(),
  name: z.string(),
  phone: z.string(),
  phoneHidden: z.boolean(),
  hasAccount: z.boolean(),
})
export type PostView = z.infer<typeof PostViewSchema>

export const PartyReportFieldsSchema = z.object({
  workUnit: z
    .string()
    .trim()
    .min(2, '请填写工作单位')
    .max(PLACE_LIMITS.workUnitMax, `工作单位不超过 ${PLACE_LIMITS.workUnitMax} 个字`),
  partyOrg: z
    .string()
    .trim()
    .min(2, '请填写所在党组织')
    .max(PLACE_LIMITS.partyOrgMax, `党组织名称不超过 ${PLACE_LIMITS.partyOrgMax} 个字`),
  skills: z
    .array(z.string().trim().min(1).max(PLACE_LIMITS.skillMax, `每项特长不超过 ${PLACE_LIMITS.skillMax} 个字`))
    .max(PLACE_LIMITS.skillsMax, `特长最多 ${PLACE_LIMITS.skillsMax} 项`)
    .default([]),
})

/** A 双报到 report: the reporter sees their own; staff of the community see everyone's. */
export const PartyReportViewSchema = z.object({
  ref: z.string(),
  name: z.string(),
  phone: z.string(),
  communityId: z.string(),
  workUnit: z.string(),
  partyOrg: z.string(),
  skills: z.array(z.string()),
  status: PartyReportStatusSchema,
  reportedAt: Iso,
  verifiedAt: Iso.nullable(),
  reason: z.string().nullable(),
})
export type PartyReportView = z.infer<typeof PartyReportViewSchema>

/** One row of an import preview: the sheet's row number (header is row 1) and what it does. */
export const ImportRowSchema = z.object({
  row: z.number().int(),
  estate: z.string(),
  building: z.string(),
  outcome: z.enum(['create', 'change', 'unchanged', 'reject']),
  /** Why a row is rejected or what changes ("单元数 2 → 3"). */
  reasons: z.array(z.string()),
})
export type ImportRow = z.infer<typeof ImportRowSchema>

export const ImportPreviewSchema = z.object({
  counts: z.object({
    estatesCreated: z.number().int(),
    buildingsCreated: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
  }),
  /** Rejected and changed rows first, then created; at most 200 (counts are complete). */
  rows: z.array(ImportRowSchema),
  /** What `importCommit` must be given back: the plan it confirms, so a changed tree is noticed. */
  digest: z.string(),
})
export type ImportPreview = z.infer<typeof ImportPreviewSchema>

const CommunityRef = z.object({ communityId: Id })

/**
 * The `places` function: 小区/楼栋, my address, 为我服务, bulk import, 双报到 and the posts
 * on places. Staff actions are scoped to a community (or a unit) the caller holds a role at.
 */
export const PlacesContract = defineContract({
  places: { input: CommunityRef, output: z.object({ estates: z.array(EstateViewSchema) }) },
  setAddress: {
    input: z.object({ estateId: Id, buildingId: Id, room: RoomSchema.default('') }),
    output: z.object({ address: MyAddressSchema }),
  },
  myServers: {
    input: z.object({}),
    output: z.object({ address: MyAddressSchema.nullable(), servers: z.array(ServerViewSchema) }),
  },
  /** Residents whose address is at or below `unitId` (a community, grid, 小区 or 楼栋), newest first. */
  residents: {
    input: z.object({
      unitId: Id,
      status: AddressStatusSchema.optional(),
      ...pageInput({ maxPageSize: 200, defaultPageSize: 50 }),
    }),
    output: countedPageOf(ResidentViewSchema),
  },
  confirmResidents: {
    input: CommunityRef.extend({ refs: z.array(PersonRef).min(1, '请选择要确认的居民').max(PLACE_LIMITS.confirmMax) }),
    output: z.object({ confirmed: z.number().int() }),
  },
  importPreview: { input: CommunityRef.extend({ fileId: Id }), output: ImportPreviewSchema },
  importCommit: {
    input: CommunityRef.extend({ fileId: Id, digest: z.string().min(1) }),
    output: z.object({
      estatesCreated: z.number().int(),
      buildingsCreated: z.number().int(),
      changed: z.number().int(),
    }),
  },
  reportParty: { input: PartyReportFieldsSchema, output: z.object({ report: PartyReportViewSchema }) },
  myPartyReport: { input: z.object({}), output: z.object({ report: PartyReportViewSchema.nullable() }) },
  partyReports: {
    input: CommunityRef.extend({ status: PartyReportStatusSchema.optional() }),
    output: z.object({ items: z.array(PartyReportViewSchema) }),
  },
  verifyParty: {
    input: z.object({
      ref: PersonRef,
      decision: z.enum(['verify', 'reject']),
      reason: z.string().trim().max(200, '理由不超过 200 字').optional(),
    }),
    output: z.object({ report: PartyReportViewSchema }),
  },
  posts: { input: CommunityRef, output: z.object({ items: z.array(PostViewSchema) }) },
  assignPost: {
    input: z
      .object({
        unitId: Id,
        post: PlacePostSchema,
        /** A person with an account (a resident of the community); else name and phone. */
        ref: PersonRef.optional(),
        name: ContactNameSchema.optional(),
        phone: ContactPhoneSchema.optional(),
        phoneHidden: z.boolean().default(false),
      })
      .refine((v) => v.ref !== undefined || (v.name !== undefined && v.phone !== undefined), {
        message: '请选择居民，或填写姓名和电话',
        path: ['name'],
      }),
    output: z.object({ post: PostViewSchema }),
  },
  removePost: { input: z.object({ postId: Id }), output: z.object({ removed: z.number().int() }) },
  setPhoneHidden: { input: z.object({ hidden: z.boolean() }), output: z.object({ hidden: z.boolean() }) },
  /** The work number to show in 为我服务 instead of the profile phone; null goes back to it. */
  setWorkPhone: {
    input: z.object({ workPhone: ContactPhoneSchema.nullable() }),
    output: z.object({ workPhone: z.string().nullable() }),
  },
})
export type PlacesContractType = typeof PlacesContract
