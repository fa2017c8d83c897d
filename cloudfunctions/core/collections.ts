import type { MessageKind, SubscribeResult } from '../../types/notifications'
import type { Role, UnitKind } from '../../types/roles'
import { collectionName } from './data'

/** `users`: `_id` is the caller's OPENID, so a person has exactly one document. */
export interface UserDoc {
  _id: string
  name: string | null
  phone: string | null
  communityId: string | null
  createdAt: string
  updatedAt: string
  /** My 小区/楼栋 (issue 10, core/places.ts); absent until the resident declares it. */
  address?: UserAddress | null
  /** 党员: set when the community verifies a 双报到 report (core/places.ts `isPartyMember`). */
  partyMember?: boolean
  /** Staff who keep their phone off 为我服务. */
  phoneHidden?: boolean
  /** The work number a 网格员 or post holder chose to show in 为我服务 instead of `phone`. */
  workPhone?: string | null
  /**
   * The `place_posts` this person holds (楼栋长…), kept with each post in the same
   * transaction, so `users.me` knows they appear in 为我服务 without another read.
   */
  placePostIds?: string[]
  /**
   * The communities where this person's volunteer application waits for review, kept with each
   * application in the same transaction, so `users.me` can say 审核中 without another read.
   */
  volunteerPendingIn?: string[]
  /** 角色管理's opaque reference to this person (users/roles.ts), stored once it is handed out. */
  ref?: string
}

/**
 * A resident's address. `unitIds` is every unit from the district down to the building, so
 * "everyone living at or below unit X" is `where({ 'address.unitIds': X })`.
 */
export interface UserAddress {
  communityId: string
  gridId: string
  estateId: string
  buildingId: string
  unitIds: string[]
  /** 单元/室, free text: only the resident and staff of their units ever see it. */
  room: string
  status: 'pending' | 'confirmed'
  declaredAt: string
  confirmedAt: string | null
  confirmedBy: string | null
}

/** A GeoJSON point as stored, or the SDK's `Geo.Point` it is read back as. */
export type StoredPoint = { type: 'Point'; coordinates: [number, number] } | { longitude: number; latitude: number }

/** `units`: one org unit. `ancestors` are the ids above it, root first. */
export interface UnitDoc {
  _id: string
  name: string
  kind: UnitKind
  parentId: string | null
  ancestors: string[]
  center?: StoredPoint | null
  address?: string | null
  /** Grid or 小区 boundary, a `Geo.Polygon` where one is known. */
  area?: unknown
  /** A department's key for matching categories to it (cases/org-tree.ts `departmentKeyOf`). */
  departmentKey?: string
  sort?: number
  /** 楼栋 only: number of 单元 and of households, where the community recorded them. */
  unitCount?: number | null
  households?: number | null
}

/** `role_assignments`: `_id` = `${openid}:${role}:${unitId}`, so assigning twice is a no-op. */
export interface RoleAssignmentDoc {
  _id: string
  openid: string
  role: Role
  unitId: string
  createdAt: string
  grantedBy: string | null
}

export function roleAssignmentId(openid: string, role: Role, unitId: string): string {
  return `${openid}:${role}:${unitId}`
}

/** `volunteer_applications`: `_id` = `${openid}:${communityId}`, one per person and community. */
export interface VolunteerApplicationDoc {
  _id: string
  openid: string
  communityId: string
  skills: string[]
  note: string
  status: 'pending' | 'approved' | 'rejected'
  createdAt: string
  reviewedAt: string | null
  reviewedBy: string | null
  reason: string | null
}

export type SubscribeStep = 'none' | 'pending' | 'sending' | 'sent' | 'skipped' | 'failed' | 'unknown'

/**
 * A subscribe message as the outbox keeps it: the message kind and its fields
 * (types/notifications.ts); which template carries it is the deployment's business.
 * `urgent` ones are pushed even in the quiet hours.
 */
export interface PushInput {
  kind: MessageKind
  data: Record<string, string>
  urgent?: boolean
}

/** `outbox`: one notification to deliver; `_id` is its dedupe key (outbox.ts). */
export interface OutboxDoc {
  _id: string
  /** Same as `_id`; kept as a field for the unique index the console shows. */
  dedupeKey: string
  openid: string
  title: string
  body: string
  link: string | null
  template: PushInput | null
  status: 'pending' | 'sending' | 'done' | 'failed'
  /** Claims so far; also the compare-and-set version of the claim. */
  attempts: number
  /** When a pending record is due, or when a `sending` claim's lease runs out. */
  nextAttemptAt: string
  inboxStep: 'pending' | 'done'
  subscribeStep: SubscribeStep
  lastError: string | null
  createdAt: string
  updatedAt: string
}

/** `inbox`: one in-app message, written by the outbox drain with the dedupe key as `_id`. */
export interface InboxDoc {
  _id: string
  openid: string
  title: string
  body: string
  link: string | null
  createdAt: string
  readAt: string | null
}

/** `subscriptions`: `_id` = `${openid}:${templateId}`; `remaining` one-time messages allowed. */
export interface SubscriptionDoc {
  _id: string
  openid: string
  templateId: string
  remaining: number
  accepted: number
  rejected: number
  /** What the person chose last time they were asked (ban: turned off in WeChat's settings). */
  lastResult?: SubscribeResult | null
  updatedAt: string
}

/** `dev_messages`: what the local messaging port would have sent (the dev inbox shows them). */
export interface DevMessageDoc {
  _id: string
  touser: string
  templateId: string
  page: string | null
  data: Record<string, { value: string }>
  sentAt: string
}

/** Collections shared by every function (docs/layout.md "Collections"), each with its document type. */
export const COLLECTIONS = {
  users: collectionName<UserDoc>('users'),
  units: collectionName<UnitDoc>('units'),
  roleAssignments: collectionName<RoleAssignmentDoc>('role_assignments'),
  volunteerApplications: collectionName<VolunteerApplicationDoc>('volunteer_applications'),
  subscriptions: collectionName<SubscriptionDoc>('subscriptions'),
  outbox: collectionName<OutboxDoc>('outbox'),
  inbox: collectionName<InboxDoc>('inbox'),
  devMessages: collectionName<DevMessageDoc>('dev_messages'),
} as const
