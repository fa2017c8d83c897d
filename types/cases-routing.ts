import { z } from 'zod'
import { CaseChannelSchema, DeadlineTierSchema, DurationSchema, Id, RoutingLevelSchema, Text } from './cases'

/*
 * How cases are filed and routed: the categories and routing rules, and the decision
 * routing records. Split from cases.ts (the records and answers); the actions that read
 * and edit them are in cases-contract.ts.
 */

// ---------------------------------------------------------------------------
// Categories and routing rules (data that admins edit)
// ---------------------------------------------------------------------------

/**
 * A category, two levels deep: a group (`parentCode` null, e.g. `property` 物业管理) and its
 * leaves (`property.elevator` 电梯故障). Cases are filed under leaves. Routing level and
 * tier are set on the leaf; `ackWithin` / `handleWithin` override the tier's defaults.
 * `departmentKeys` names the district departments that own the matter (住建 `housing`,
 * 城管 `urban`…); more than one means several departments must act, which goes to the
 * street 三方办.
 */
export const CategorySchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/, '编码只能用小写字母、数字、下划线，两级用点分隔'),
  parentCode: z.string().nullable(),
  name: Text(20),
  description: z.string().max(200).default(''),
  routingLevel: RoutingLevelSchema,
  departmentKeys: z.array(z.string().min(1).max(32)).max(5).default([]),
  tier: DeadlineTierSchema,
  ackWithin: DurationSchema.optional(),
  handleWithin: DurationSchema.optional(),
  keywords: z.array(z.string().max(20)).max(10).default([]),
  order: z.number().int().default(0),
  active: z.boolean().default(true),
})
export type Category = z.infer<typeof CategorySchema>

/**
 * A routing rule overrides a category's default level. Rules are tried in ascending
 * `priority`; the first active one whose `match` fits wins. Every match field is optional
 * and an empty match fits everything.
 * - `categoryPrefixes`: `property` fits every `property.*` leaf, `property.elevator` one leaf.
 * - `districtIds` / `streetIds` / `communityIds`: only where the case's location falls. An
 *   administrator's rule names at least one of them, all inside their own units; a rule
 *   for every place is for the top-level administrator only (cases/config-scope.ts).
 * - `channels`: only cases that came in this way (e.g. 12345 hotline cases to the street).
 * The `target` is a level (resolved against the case's location), or a fixed unit.
 */
export const RoutingRuleSchema = z.object({
  id: Id,
  name: Text(40),
  priority: z.number().int().min(0).max(10000),
  active: z.boolean().default(true),
  match: z.object({
    categoryPrefixes: z.array(z.string().min(1)).optional(),
    districtIds: z.array(Id).optional(),
    streetIds: z.array(Id).optional(),
    communityIds: z.array(Id).optional(),
    channels: z.array(CaseChannelSchema).optional(),
  }),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('level'), level: RoutingLevelSchema, departmentKey: z.string().optional() }),
    z.object({ kind: z.literal('unit'), unitId: Id }),
  ]),
})
export type RoutingRule = z.infer<typeof RoutingRuleSchema>

/** Why a case went where it went: the rule (or category default) and each step taken. */
export const RouteDecisionSchema = z.object({
  unitId: Id,
  unitName: z.string(),
  level: RoutingLevelSchema.or(z.literal('district')).or(z.literal('fixed')),
  ruleId: z.string(),
  reason: z.string(),
  steps: z.array(z.string()),
})
export type RouteDecision = z.infer<typeof RouteDecisionSchema>
