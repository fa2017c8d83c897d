import type { z } from 'zod'
import type { Category, RouteDecision, RoutePreviewInputSchema, RoutingRule } from '../../types/cases'
import { AppError } from '../core/app-error'
import { COLLECTIONS, type UnitDoc } from '../core/collections'
import type { ActionContext } from '../core/define-function'
import { CASE_COLLECTIONS } from './collections'
import { buildOrgIndex, route } from './domain/routing'
import { loadCategory, loadRules, loadSettings, loadUnits, toRoutingUnit } from './service'

/*
 * Categories and routing rules are data the district administrator edits. Saving checks
 * what zod cannot: a leaf's group exists, a group has no group above it, a rule's unit
 * exists. `previewRoute` answers "where would this case go, and why" before a rule is saved.
 */

const bad = (path: string, message: string) => new AppError('BAD_REQUEST', message, { issues: [{ path: [path], message }] })

export async function saveCategory(ctx: ActionContext, input: Category): Promise<Category> {
  const { db } = ctx.rt
  const isLeaf = input.code.includes('.')
  if (isLeaf !== (input.parentCode !== null)) throw bad('parentCode', '二级类别须属于一个一级类别，一级类别不能再有上级')
  if (input.parentCode) {
    if (!input.code.startsWith(`${input.parentCode}.`)) throw bad('code', '二级类别编码须以所属一级类别编码开头')
    const parent = ((await db.collection(CASE_COLLECTIONS.categories).doc(input.parentCode).get()).data as unknown[])[0]
    if (!parent) throw bad('parentCode', '所属一级类别不存在')
  }
  const { code, ...doc } = input
  await db.collection(CASE_COLLECTIONS.categories).doc(code).set(doc)
  return input
}

export async function saveRoutingRule(ctx: ActionContext, input: RoutingRule): Promise<RoutingRule> {
  const { db } = ctx.rt
  if (input.target.kind === 'unit') {
    const unit = ((await db.collection(COLLECTIONS.units).doc(input.target.unitId).get()).data as UnitDoc[])[0]
    if (!unit) throw bad('target', '规则指定的单位不存在')
  }
  const { id, ...doc } = input
  await db.collection(CASE_COLLECTIONS.rules).doc(id).set(doc)
  return input
}

export async function deleteRoutingRule(ctx: ActionContext, id: string): Promise<{ deleted: boolean }> {
  const res = (await ctx.rt.db.collection(CASE_COLLECTIONS.rules).doc(id).remove()) as { deleted?: number }
  return { deleted: (res.deleted ?? 0) > 0 }
}

export async function listRules(ctx: ActionContext): Promise<{ items: RoutingRule[] }> {
  return { items: (await loadRules(ctx.rt.db)).sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id)) }
}

export async function previewRoute(ctx: ActionContext, input: z.output<typeof RoutePreviewInputSchema>): Promise<RouteDecision> {
  const { db } = ctx.rt
  const [category, rules, settings, units] = await Promise.all([loadCategory(db, input.categoryCode), loadRules(db), loadSettings(db), loadUnits(db)])
  const user = ctx.requireUser()
  return route(buildOrgIndex(units.map(toRoutingUnit)), rules, {
    category,
    location: input.location,
    homeUnitId: user.communityId,
    channel: input.channel,
    fallbackUnitId: settings.fallbackUnitId,
  })
}
