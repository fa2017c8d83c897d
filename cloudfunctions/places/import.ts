import type { ImportPreview } from '../../types/places'
import { AppError } from '../core/app-error'
import { COLLECTIONS, type UnitDoc } from '../core/collections'
import { geoPoint } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { toLngLat } from '../core/geo'
import { invalidateOrgCache } from '../core/org-cache'
import { readOwnFile } from './files'
import { planImport, type ImportPlan } from './domain/import-plan'
import { readSheet, SheetError } from './domain/sheet'
import { loadPlaces, transact } from './units'

/*
 * Bulk import of 小区/楼栋 from a spreadsheet: preview computes the plan and writes
 * nothing; commit recomputes it from the same file, refuses if it differs from what was
 * previewed or if any row is rejected, and writes every unit in one transaction.
 */

const PREVIEW_ROWS = 200

async function plan(
  ctx: ActionContext,
  communityId: string,
  fileId: string,
  preview: boolean,
): Promise<{ community: UnitDoc; plan: ImportPlan }> {
  const community = await ctx.requireCapabilityAt('places.manage', communityId)
  if (community.kind !== 'community')
    throw new AppError('BAD_REQUEST', '请选择一个社区再导入', {
      issues: [{ path: ['communityId'], message: '请选择社区' }],
    })
  const bytes = await readOwnFile(ctx, fileId)
  let rows
  try {
    rows = await readSheet(bytes)
  } catch (error) {
    if (error instanceof SheetError)
      throw new AppError('BAD_REQUEST', error.message, { issues: [{ path: ['fileId'], message: error.message }] })
    throw error
  }
  const places = await loadPlaces(ctx.rt.db, communityId, preview)
  const existing = {
    communityId,
    grids: places.grids.map((g) => ({ id: g._id, name: g.name })),
    estates: places.estates.map((e) => ({
      id: e._id,
      name: e.name,
      gridId: e.parentId ?? '',
      center: toLngLat(e.center),
    })),
    buildings: places.buildings.map((b) => ({
      id: b._id,
      estateId: b.parentId ?? '',
      name: b.name,
      unitCount: b.unitCount ?? null,
      households: b.households ?? null,
    })),
  }
  return { community, plan: planImport(rows, existing) }
}

const RANK = { reject: 0, change: 1, create: 2, unchanged: 3 } as const

export async function importPreview(
  ctx: ActionContext,
  input: { communityId: string; fileId: string },
): Promise<ImportPreview> {
  const { plan: p } = await plan(ctx, input.communityId, input.fileId, true)
  const rows = [...p.rows].sort((a, b) => RANK[a.outcome] - RANK[b.outcome] || a.row - b.row).slice(0, PREVIEW_ROWS)
  return { counts: p.counts, rows, digest: p.digest }
}

export async function importCommit(ctx: ActionContext, input: { communityId: string; fileId: string; digest: string }) {
  const { community, plan: p } = await plan(ctx, input.communityId, input.fileId, false)
  if (p.counts.rejected > 0) {
    const issues = p.rows
      .filter((r) => r.outcome === 'reject')
      .slice(0, 20)
      .map((r) => ({ path: ['rows', r.row], message: `第 ${r.row} 行：${r.reasons.join('；')}` }))
    throw new AppError('BAD_REQUEST', `表格中有 ${p.counts.rejected} 行有误，请修改后重新导入（一行也没有导入）`, {
      issues,
    })
  }
  if (p.digest !== input.digest) {
    // The preview may have come from this runtime's cached tree: the next one reads afresh.
    invalidateOrgCache(ctx.rt.db)
    throw new AppError('CONFLICT', '预览之后社区的小区楼栋有了变动，请重新预览后再确认导入')
  }
  const grids = new Map((await loadPlaces(ctx.rt.db, community._id)).grids.map((g) => [g._id, g]))
  const point = (c: { lng: number; lat: number } | null) => (c ? geoPoint(ctx.rt.db, c.lng, c.lat) : null)
  const sortBase = ctx.now().getTime()
  await transact(ctx.rt.db, async (tx) => {
    const units = tx.collection(COLLECTIONS.units)
    const estateAncestors = new Map<string, string[]>()
    for (const [i, e] of p.createEstates.entries()) {
      const grid = grids.get(e.gridId)!
      const ancestors = [...grid.ancestors, grid._id]
      estateAncestors.set(e.id, ancestors)
      await units.doc(e.id).set({
        name: e.name,
        kind: 'estate',
        parentId: grid._id,
        ancestors,
        center: point(e.center),
        address: null,
        area: null,
        sort: sortBase + i,
      })
    }
    for (const e of p.changeEstates) await units.doc(e.id).update({ center: point(e.center) })
    for (const [i, b] of p.createBuildings.entries()) {
      const ancestors = estateAncestors.get(b.estateId) ?? (await units.doc(b.estateId).get())!.ancestors
      estateAncestors.set(b.estateId, ancestors)
      await units.doc(b.id).set({
        name: b.name,
        kind: 'building',
        parentId: b.estateId,
        ancestors: [...ancestors, b.estateId],
        center: null,
        address: null,
        sort: sortBase + i,
        unitCount: b.unitCount,
        households: b.households,
      })
    }
    for (const b of p.changeBuildings)
      await units.doc(b.id).update({ unitCount: b.unitCount, households: b.households })
  })
  invalidateOrgCache(ctx.rt.db)
  return {
    estatesCreated: p.counts.estatesCreated,
    buildingsCreated: p.counts.buildingsCreated,
    changed: p.counts.changed,
  }
}
