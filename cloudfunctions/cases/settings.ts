import type { Db } from '@cloudbase/database'
import type { z } from 'zod'
import type { Category, RouteDecision, RoutingRule } from '../../types/cases-routing'
import type { RoutePreviewInputSchema } from '../../types/cases-contract'
import { AppError } from '../core/app-error'
import { holdsCapabilityAt } from '../../types/policy'
import { collection } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { orgUnits } from '../core/org-cache'
import { runtimeCache } from '../core/runtime-cache'
import { CASE_COLLECTIONS, SETTINGS_ID, type CaseSettingsDoc } from './collections'
import { checkRuleScope, type ConfigAuthority, type ScopeCheck, type ScopedUnit } from './domain/config-scope'
import { route } from './domain/routing'
import { orgTreeFor } from './org-tree'

/*
 * What the administrators configure: categories, routing rules and the case settings
 * (number prefixes, fallback unit). Saving checks what zod cannot: a leaf's group exists, a
 * group has no group above it, a rule's units exist — and how far the administrator
 * reaches (domain/config-scope.ts): rules within their own units, categories (shared by
 * every district) by the top-level administrator only. `previewRoute` answers "where would
 * this case go, and why" before a rule is saved.
 */

interface CaseConfig {
  /** Every category, leaves and groups, in display order. */
  categories: Category[]
  rules: RoutingRule[]
  settings: CaseSettingsDoc | null
}

/**
 * Categories, routing rules and settings: what every submission routes by, changed rarely
 * and only here (saveCategory, saveRoutingRule, deleteRoutingRule invalidate it), so read
 * once a minute per runtime (core/runtime-cache.ts) rather than three reads per submit.
 */
const config = runtimeCache(async (db): Promise<CaseConfig> => {
  const [categories, rules, settings] = await Promise.all([
    collection(db, CASE_COLLECTIONS.categories).limit(1000).get(),
    collection(db, CASE_COLLECTIONS.rules).limit(1000).get(),
    collection(db, CASE_COLLECTIONS.settings).doc(SETTINGS_ID).get(),
  ])
  return {
    categories: categories
      .map(({ _id, ...c }) => ({ ...c, code: _id }))
      .sort((a, b) => a.order - b.order || a.code.localeCompare(b.code)),
    rules: rules.map(({ _id, ...r }) => ({ ...r, id: _id })),
    settings,
  }
})

export async function loadCategories(db: Db): Promise<Category[]> {
  return [...(await config.get(db)).categories]
}

export async function loadCategory(db: Db, code: string): Promise<Category> {
  const category = (await config.get(db)).categories.find((c) => c.code === code)
  if (!category || !category.active || category.parentCode === null) {
    throw new AppError('BAD_REQUEST', '请选择诉求类别', {
      issues: [{ path: ['categoryCode'], message: '没有这个诉求类别' }],
    })
  }
  return category
}

/** The category's deadline tier, or the tier the case was filed under when the category is gone. */
export async function tierOf(db: Db, code: string, stored: Category['tier']): Promise<Pick<Category, 'tier'>> {
  return loadCategory(db, code).catch(() => ({ tier: stored }))
}

export async function loadRules(db: Db): Promise<RoutingRule[]> {
  return [...(await config.get(db)).rules]
}

export async function loadSettings(db: Db): Promise<CaseSettingsDoc> {
  const { settings } = await config.get(db)
  if (!settings) throw new AppError('INTERNAL', '诉求功能尚未配置', { cause: 'case_settings/main is missing' })
  return settings
}

const bad = (path: string, message: string) =>
  new AppError('BAD_REQUEST', message, { issues: [{ path: [path], message }] })

/** The org tree as the scope check reads it, and what the caller holds of `cases.configure` in it. */
async function configAuthority(
  ctx: ActionContext,
): Promise<{ unitOf: (id: string) => ScopedUnit | null; authority: ConfigAuthority }> {
  const units = await orgUnits(ctx.rt.db)
  const holds = (scope: readonly string[]) => holdsCapabilityAt(ctx.assignments, 'cases.configure', scope)
  const roots = [...units.values()].filter((u) => u.ancestors.length === 0)
  const unitOf = (id: string): ScopedUnit | null => {
    const u = units.get(id)
    return u ? { id: u._id, name: u.name, kind: u.kind, scope: [...u.ancestors, u._id] } : null
  }
  return { unitOf, authority: { topLevel: roots.length > 0 && roots.every((r) => holds([r._id])), holds } }
}

function requireInScope(check: ScopeCheck): void {
  if (!check.ok)
    throw new AppError(check.code, check.message, { issues: [{ path: [check.path], message: check.message }] })
}

/** A stored rule the caller may change or delete: one that reaches only inside their units. */
async function requireOwnRule(
  ctx: ActionContext,
  id: string,
  scope: Awaited<ReturnType<typeof configAuthority>>,
): Promise<boolean> {
  const existing = await collection(ctx.rt.db, CASE_COLLECTIONS.rules).doc(id).get()
  if (existing && !checkRuleScope(existing, scope.unitOf, scope.authority).ok) {
    throw new AppError('FORBIDDEN', '这条规则涉及您管辖范围以外的地方或单位，不能修改或删除')
  }
  return !!existing
}

export async function saveCategory(ctx: ActionContext, input: Category): Promise<Category> {
  const { db } = ctx.rt
  if (!(await configAuthority(ctx)).authority.topLevel) {
    throw new AppError('FORBIDDEN', '诉求类别各区通用，只有最上级管理员可以修改；请联系上级管理员')
  }
  const isLeaf = input.code.includes('.')
  if (isLeaf !== (input.parentCode !== null))
    throw bad('parentCode', '二级类别须属于一个一级类别，一级类别不能再有上级')
  if (input.parentCode) {
    if (!input.code.startsWith(`${input.parentCode}.`)) throw bad('code', '二级类别编码须以所属一级类别编码开头')
    const parent = await collection(db, CASE_COLLECTIONS.categories).doc(input.parentCode).get()
    if (!parent) throw bad('parentCode', '所属一级类别不存在')
  }
  const { code, ...doc } = input
  await collection(db, CASE_COLLECTIONS.categories).doc(code).set(doc)
  config.invalidate(db)
  return input
}

export async function saveRoutingRule(ctx: ActionContext, input: RoutingRule): Promise<RoutingRule> {
  const scope = await configAuthority(ctx)
  requireInScope(checkRuleScope(input, scope.unitOf, scope.authority))
  await requireOwnRule(ctx, input.id, scope)
  const { id, ...doc } = input
  await collection(ctx.rt.db, CASE_COLLECTIONS.rules).doc(id).set(doc)
  config.invalidate(ctx.rt.db)
  return input
}

export async function deleteRoutingRule(ctx: ActionContext, id: string): Promise<{ deleted: boolean }> {
  if (!(await requireOwnRule(ctx, id, await configAuthority(ctx)))) return { deleted: false }
  const deleted = (await collection(ctx.rt.db, CASE_COLLECTIONS.rules).doc(id).remove()) > 0
  config.invalidate(ctx.rt.db)
  return { deleted }
}

export async function listRules(ctx: ActionContext): Promise<{ items: RoutingRule[] }> {
  return { items: (await loadRules(ctx.rt.db)).sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id)) }
}

export async function previewRoute(
  ctx: ActionContext,
  input: z.output<typeof RoutePreviewInputSchema>,
): Promise<RouteDecision> {
  const { db } = ctx.rt
  // The runtime's cached tree, as a submission routes by (org-tree.ts): the preview shows what a submit would do.
  const [category, rules, settings, tree] = await Promise.all([
    loadCategory(db, input.categoryCode),
    loadRules(db),
    loadSettings(db),
    orgTreeFor(db),
  ])
  const user = ctx.requireUser()
  return route(tree.index, rules, {
    category,
    location: input.location,
    homeUnitId: user.communityId,
    channel: input.channel,
    fallbackUnitId: settings.fallbackUnitId,
  })
}
