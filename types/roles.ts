import { z } from 'zod'

/** The roles of docs/design.md "Who uses it". A person holds any number, each bound to one org unit. */
export const RoleSchema = z.enum([
  'resident',
  'volunteer',
  'grid_worker',
  'community_staff',
  'community_secretary',
  'street_staff',
  'department_handler',
  'admin',
])
export type Role = z.infer<typeof RoleSchema>

/**
 * Kinds of org unit. The tree is district → street → community → grid → 小区 (`estate`) →
 * 楼栋 (`building`); departments hang under the district; a community's 三方办
 * (居委会+业委会+物业) and a street's 三方办 hang under their community or street.
 */
export const UnitKindSchema = z.enum([
  'district',
  'street',
  'community',
  'grid',
  'department',
  'joint_office',
  'estate',
  'building',
])

export type UnitKind = z.infer<typeof UnitKindSchema>

/** The places residents live in (issue 10): below the grid, never a unit that handles cases. */
export const PLACE_KINDS = ['estate', 'building'] as const satisfies readonly UnitKind[]
