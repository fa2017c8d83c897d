import type { Db } from '@cloudbase/database'
import type { z } from 'zod'
import type { Category, RouteDecision, RoutePreviewInputSchema, RoutingRule } from '../../types/cases'
import { AppError } from '../core/app-error'
import { loadUnit } from '../core/authz'
import { collection } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { CASE_COLLECTIONS, SETTINGS_ID, type CaseSettingsDoc } from './collections'
import { buildOrgIndex, route } from './domain/routing'
import { loadUnits, toRoutingUnit } from './org-tree'

/*
 * What the district administrator configures: categories, routing rules and the case
 * settings (number prefixes, fallback unit). Saving checks what zod cannot: a leaf's group
 * exists, a group has no group above it, a rule's unit exists. `previewRoute` answers
 * "where would this case go, and why" before a rule is saved.
 */

export async function loadCategories(db: Db): Promise<Category[]> {
  const docs = await collection(db, CASE_COLLECTIONS.categories).limit(1000).get()
  return docs.map(({ _id, ...c }) => ({ ...c, code: _id })).sort((a, b) => a.order - b.order || a.code.localeCompare(b.code))
}

export async function loadCategory(db: Db, code: string): Promise<Category> {
  const doc = await collection(db, CASE_COLLECTIONS.categories).doc(code).get()
  if (!doc || !doc.active || doc.parentCode === null) {
    throw new AppError('BAD_REQUEST', '请选择诉求类别', { issues: [{ path: ['categoryCode'], message: '没有这个诉求类别' }] })
  }
  const { _id, ...rest } = doc
  return { ...rest, code: _id }
}

/** The category's deadline tier, or the tier the case was filed under when the category is gone. */
export async function tierOf(db: Db, code: string, stored: Category['tier']): Promise<Pick<Category, 'tier'>> {
  return loadCategory(db, code).catch(() => ({ tier: stored }))
}

export async function loadRules(db: Db): Promise<RoutingRule[]> {
  const docs = await collection(db, CASE_COLLECTIONS.rules).limit(1000).get()
  return docs.map(({ _id, ...r }) => ({ ...r, id: _id }))
}

export async function loadSettings(db: Db): Promise<CaseSettingsDoc> {
  const doc = await collection(db, CASE_COLLECTIONS.settings).doc(SETTINGS_ID).get()
  if (!doc) throw new AppError('INTERNAL', '诉求功能尚未配置', { cause: 'case_settings/main is missing' })
  return doc
}

const bad = (path: string, message: string) => new AppError('BAD_REQUEST', message, { issues: [{ path: [path], message }] })

export async function saveCategory(ctx: ActionContext, input: Category): Promise<Category> {
  const { db } = ctx.rt
  const isLeaf = input.code.includes('.')
  if (isLeaf !== (input.parentCode !== null)) throw bad('parentCode', '二级类别须属于一个一级类别，一级类别不能再有上级')
  if (input.parentCode) {
    if (!input.code.startsWith(`${input.parentCode}.`)) throw bad('code', '二级类别编码须以所属一级类别编码开头')
    const parent = await collection(db, CASE_COLLECTIONS.categories).doc(input.parentCode).get()
    if (!parent) throw bad('parentCode', '所属一级类别不存在')
  }
  const { code, ...doc } = input
  await collection(db, CASE_COLLECTIONS.categories).doc(code).set(doc)
  return input
}

export async function saveRoutingRule(ctx: ActionContext, input: RoutingRule): Promise<RoutingRule> {
  const { db } = ctx.rt
  if (input.target.kind === 'unit') {
    if (!(await loadUnit(db, input.target.unitId))) throw bad('target', '规则指定的单位不存在')
  }
  const { id, ...doc } = input
  await collection(db, CASE_COLLECTIONS.rules).doc(id).set(doc)
  return input
}

export async function deleteRoutingRule(ctx: ActionContext, id: string): Promise<{ deleted: boolean }> {
  return { deleted: (await collection(ctx.rt.db, CASE_COLLECTIONS.rules).doc(id).remove()) > 0 }
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
