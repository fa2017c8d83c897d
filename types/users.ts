import { z } from 'zod'
import { defineContract } from './contract'
import { CapabilityGrantSchema } from './policy'
import { countedPageOf, pageInput } from './paging'
import { RoleSchema, UnitKindSchema } from './roles'
import { CommunityRefSchema, LngLatSchema, UnitViewSchema } from './org'
import { InboxItemSchema, MessageKindSchema, SubscribeResultSchema, SubscriptionGrantSchema } from './notifications'
import { MyAddressSchema } from './places'

/** A display name as a 社区 would write it on a register: 2–20 characters, no digits-only names. */
export const PersonNameSchema = z
  .string()
  .trim()
  .min(2, '姓名至少 2 个字')
  .max(20, '姓名不超过 20 个字')
  .refine((v) => !/^\d+$/.test(v), '请填写真实姓名')

/** A mainland mobile number (11 digits starting with 1[3-9]). */
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号码')

const IdSchema = z.string().trim().min(1, '缺少编号').max(128)

/** One role the user holds, with the unit it is bound to. */
export const RoleAtUnitSchema = z.object({
  role: RoleSchema,
  unitId: z.string(),
  unitName: z.string(),
  unitKind: UnitKindSchema.nullable(),
})
export type RoleAtUnit = z.infer<typeof RoleAtUnitSchema>

/** The caller's own profile: unmasked, because it is theirs. */
export const MeSchema = z.object({
  openid: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  community: CommunityRefSchema.nullable(),
  roles: z.array(RoleAtUnitSchema),
  /** What the app may show this person, from the one role policy; the server allows exactly this. */
  capabilities: z.array(CapabilityGrantSchema),
  createdAt: z.string(),
  /** My 小区/楼栋 (places.setAddress), "待确认" until community staff confirm it. */
  address: MyAddressSchema.nullable(),
  /** A verified 在职党员 (places.verifyParty). */
  partyMember: z.boolean(),
  /**
   * Set when the person appears in residents' 为我服务 (网格员, 楼栋长…): whether their phone
   * is hidden there, and the work number shown instead of `phone` (null: `phone` shows).
   */
  serving: z.object({ phoneHidden: z.boolean(), workPhone: z.string().nullable() }).nullable(),
  /** A volunteer application waiting for the community's review: 我的 says 审核中 instead of offering the form again. */
  volunteerPending: z.boolean(),
})
export type Me = z.infer<typeof MeSchema>

export const VolunteerApplicationStatusSchema = z.enum(['pending', 'approved', 'rejected'])

/** A volunteer application as the reviewing staff see it: the applicant in full (they must know whom they approve); never an openid. */
export const VolunteerApplicationViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  applicantName: z.string(),
  applicantPhone: z.string(),
  /** A verified 在职党员 (places.verifyParty) as the person is now: the fact, not the applicant's word. */
  isPartyMember: z.boolean(),
  skills: z.array(z.string()),
  note: z.string(),
  status: VolunteerApplicationStatusSchema,
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
  reason: z.string().nullable(),
})
export type VolunteerApplicationView = z.infer<typeof VolunteerApplicationViewSchema>

/**
 * A person as 角色管理 refers to one: `ref` is opaque (derived from the account, never a WeChat
 * openid). Staff who hand out roles must know whom they give one to, so the name is in full;
 * the phone is masked (138****1234): it tells two 王芳 apart without handing the number out.
 */
export const PersonRefSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{32}$/, '请从搜索结果中选择人员')

export const PersonHitSchema = z.object({
  ref: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  communityName: z.string().nullable(),
  /** The roles they hold within the units where the caller manages roles. */
  roles: z.array(RoleAtUnitSchema),
})
export type PersonHit = z.infer<typeof PersonHitSchema>

/** One role held at a unit (角色管理's list): whom, which role, since when. */
export const RoleHolderSchema = z.object({
  ref: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  role: RoleSchema,
  since: z.string(),
})
export type RoleHolder = z.infer<typeof RoleHolderSchema>

/** What 角色管理 searches by: part of a name, or 4 to 11 digits of a phone number. */
export const PeopleQuerySchema = z
  .string()
  .trim()
  .min(1, '请输入姓名或手机号')
  .max(20, '姓名或手机号不超过 20 个字')
  .refine((v) => !/^\d{1,3}$/.test(v.replace(/[\s-]/g, '')), '手机号请至少输入 4 位')

const RoleChangeInputSchema = z.object({
  ref: PersonRefSchema,
  role: RoleSchema,
  unitId: IdSchema,
})

/** One message kind on the 消息提醒 page: its template here (null: not sent by subscribe message) and the person's grant. */
export const ReminderSettingSchema = z.object({
  kind: MessageKindSchema,
  label: z.string(),
  ask: z.string(),
  templateId: z.string().nullable(),
  remaining: z.number().int(),
  lastResult: SubscribeResultSchema.nullable(),
})
export type ReminderSetting = z.infer<typeof ReminderSettingSchema>

/**
 * The `users` function: who am I, my profile and community, the org tree, volunteer
 * applications, role administration, subscribe-message grants and the in-app inbox.
 */
export const UsersContract = defineContract({
  me: { input: z.object({}), output: MeSchema },
  updateProfile: {
    input: z
      .object({ name: PersonNameSchema.optional(), phone: PhoneSchema.optional() })
      .refine((v) => v.name !== undefined || v.phone !== undefined, '请至少填写一项'),
    output: MeSchema,
  },
  bindCommunity: {
    input: z.union([z.object({ communityId: IdSchema }), z.object({ locate: LngLatSchema })]),
    output: z.object({ community: CommunityRefSchema, distanceMeters: z.number().nullable() }),
  },
  orgTree: {
    input: z.object({ parentId: IdSchema.optional(), kinds: z.array(UnitKindSchema).optional() }),
    output: z.object({ units: z.array(UnitViewSchema) }),
  },
  applyVolunteer: {
    input: z.object({
      communityId: IdSchema.optional(),
      skills: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
      note: z.string().trim().max(200, '说明不超过 200 字').default(''),
    }),
    output: z.object({ id: z.string(), status: VolunteerApplicationStatusSchema }),
  },
  listVolunteerApplications: {
    input: z.object({ communityId: IdSchema, status: VolunteerApplicationStatusSchema.optional() }),
    output: z.object({ items: z.array(VolunteerApplicationViewSchema) }),
  },
  reviewVolunteer: {
    input: z.object({
      applicationId: IdSchema,
      decision: z.enum(['approve', 'reject']),
      reason: z.string().trim().max(200).optional(),
    }),
    output: z.object({ id: z.string(), status: VolunteerApplicationStatusSchema }),
  },
  /** 待审核志愿者 over every community the caller reviews for (the 工作台 count). */
  workload: { input: z.object({}), output: z.object({ volunteerApplications: z.number().int() }) },
  /** 角色管理: people by part of their name or phone, within the units where the caller manages roles. */
  findPeople: {
    input: z.object({ query: PeopleQuerySchema }),
    output: z.object({ items: z.array(PersonHitSchema), more: z.boolean() }),
  },
  /** 角色管理: who holds which role at exactly this unit. */
  roleHolders: { input: z.object({ unitId: IdSchema }), output: z.object({ items: z.array(RoleHolderSchema) }) },
  assignRole: { input: RoleChangeInputSchema, output: z.object({ created: z.boolean() }) },
  revokeRole: { input: RoleChangeInputSchema, output: z.object({ removed: z.number().int() }) },
  recordSubscription: {
    input: z.object({
      results: z
        .record(z.string().min(1).max(128), SubscribeResultSchema)
        .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 3, '每次 1 至 3 个模板'),
    }),
    output: z.object({ grants: z.array(SubscriptionGrantSchema) }),
  },
  reminders: { input: z.object({}), output: z.object({ items: z.array(ReminderSettingSchema) }) },
  inbox: {
    input: z.object(pageInput()),
    output: countedPageOf(InboxItemSchema).extend({
      unread: z.number().int(),
    }),
  },
  markRead: {
    input: z.union([z.object({ ids: z.array(IdSchema).min(1).max(100) }), z.object({ all: z.literal(true) })]),
    output: z.object({ updated: z.number().int() }),
  },
})
export type UsersContractType = typeof UsersContract
