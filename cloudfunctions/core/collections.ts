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
  /** Grid boundary, a `Geo.Polygon` where one is known. */
  area?: unknown
  sort?: number
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
