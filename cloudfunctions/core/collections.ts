import type { Role, UnitKind } from '../../types/roles'

/** Collection names shared by every function (docs/layout.md "Collections"). */
export const COLLECTIONS = {
  users: 'users',
  units: 'units',
  roleAssignments: 'role_assignments',
  volunteerApplications: 'volunteer_applications',
  subscriptions: 'subscriptions',
  outbox: 'outbox',
  inbox: 'inbox',
  devMessages: 'dev_messages',
} as const

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
