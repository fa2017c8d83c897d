import { createHash } from 'node:crypto'
import type { LngLat } from '../../../types/org'
import type { ImportRow } from '../../../types/places'
import { PLACE_LIMITS, SHEET_COLUMNS, type SheetColumn } from '../../../types/places-labels'
import type { SheetRow } from './sheet'

/*
 * The import plan: sheet rows against the 小区 and 楼栋 a community already has → what
 * would be created, changed or left alone, and which rows are refused and why. Pure, so
 * preview and commit compute the same plan and the table tests can pin every rule.
 * Matching is by name (小区 within the community, 楼栋 within its 小区) and new ids are
 * derived from those names, so importing the same file twice changes nothing.
 */

export interface PlanGrid {
  id: string
  name: string
}
export interface PlanEstate {
  id: string
  name: string
  gridId: string
  center: LngLat | null
}
export interface PlanBuilding {
  id: string
  estateId: string
  name: string
  unitCount: number | null
  households: number | null
}
export interface ExistingPlaces {
  communityId: string
  grids: PlanGrid[]
  estates: PlanEstate[]
  buildings: PlanBuilding[]
}

export interface ImportPlan {
  createEstates: PlanEstate[]
  createBuildings: PlanBuilding[]
  changeEstates: Pick<PlanEstate, 'id' | 'center'>[]
  changeBuildings: Pick<PlanBuilding, 'id' | 'unitCount' | 'households'>[]
  rows: ImportRow[]
  counts: { estatesCreated: number; buildingsCreated: number; changed: number; unchanged: number; rejected: number }
  /** Fingerprint of the writes: commit refuses when it differs from the previewed one. */
  digest: string
}

const hash = (...parts: string[]) => createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 12)
export const estateIdFor = (communityId: string, name: string) => `e-${hash(communityId, name)}`
export const buildingIdFor = (estateId: string, label: string) => `b-${hash(estateId, label)}`

/** "3" and "3号" read as "3号楼"; anything else is kept as written. */
export function normaliseBuildingLabel(text: string): string {
  const m = /^(\d{1,4})\s*号?$/.exec(text)
  return m ? `${Number(m[1])}号楼` : text
}

type Parsed = {
  estate: string
  building: string
  gridId: string
  unitCount: number | null
  households: number | null
  center: LngLat | null
}

const col = (c: SheetColumn) => `「${SHEET_COLUMNS[c]}」列`

function intCell(row: SheetRow, c: SheetColumn, min: number, max: number, reasons: string[]): number | null {
  const text = row.cells[c]
  if (text === undefined) return null
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    reasons.push(`${col(c)}应为 ${min}–${max} 的整数（填的是“${text}”）`)
    return null
  }
  return Number(text)
}

function centerCells(row: SheetRow, reasons: string[]): LngLat | null {
  const { lng, lat } = row.cells
  if (lng === undefined && lat === undefined) return null
  const x = Number(lng)
  const y = Number(lat)
  if (
    lng === undefined ||
    lat === undefined ||
    !Number.isFinite(x) ||
    !Number.isFinite(y) ||
    x < 73 ||
    x > 136 ||
    y < 3 ||
    y > 54
  ) {
    reasons.push(`${col('lng')}和${col('lat')}应一起填写，且是国内的经纬度（如 108.9593、34.2581）`)
    return null
  }
  return { lng: x, lat: y }
}

function findGrid(grids: PlanGrid[], text: string): PlanGrid | undefined {
  return grids.find((g) => g.name === text) ?? grids.find((g) => g.name.endsWith(text))
}

function parseRow(row: SheetRow, grids: PlanGrid[], reasons: string[]): Parsed | null {
  const estate = row.cells.estate ?? ''
  const building = normaliseBuildingLabel(row.cells.building ?? '')
  const gridText = row.cells.grid ?? ''
  if (!estate) reasons.push(`${col('estate')}没有填写`)
  else if (estate.length > PLACE_LIMITS.estateNameMax)
    reasons.push(`${col('estate')}不超过 ${PLACE_LIMITS.estateNameMax} 个字`)
  if (!building) reasons.push(`${col('building')}没有填写`)
  else if (building.length > PLACE_LIMITS.buildingLabelMax)
    reasons.push(`${col('building')}不超过 ${PLACE_LIMITS.buildingLabelMax} 个字`)
  const grid = gridText ? findGrid(grids, gridText) : undefined
  if (!gridText) reasons.push(`${col('grid')}没有填写`)
  else if (!grid) reasons.push(`${col('grid')}：本社区没有“${gridText}”（可填 ${grids.map((g) => g.name).join('、')}）`)
  const unitCount = intCell(row, 'unitCount', 1, PLACE_LIMITS.unitCountMax, reasons)
  const households = intCell(row, 'households', 0, PLACE_LIMITS.householdsMax, reasons)
  const center = centerCells(row, reasons)
  if (reasons.length > 0 || !grid) return null
  return { estate, building, gridId: grid.id, unitCount, households, center }
}

const sameCenter = (a: LngLat | null, b: LngLat | null) => a?.lng === b?.lng && a?.lat === b?.lat

/** The plan for `rows` against what the community has; rejected rows write nothing. */
export function planImport(rows: readonly SheetRow[], existing: ExistingPlaces): ImportPlan {
  const gridName = new Map(existing.grids.map((g) => [g.id, g.name]))
  const estates = new Map(existing.estates.map((e) => [e.name, e]))
  const buildings = new Map(existing.buildings.map((b) => [`${b.estateId}\u0000${b.name}`, b]))
  const plan: ImportPlan = {
    createEstates: [],
    createBuildings: [],
    changeEstates: [],
    changeBuildings: [],
    rows: [],
    counts: { estatesCreated: 0, buildingsCreated: 0, changed: 0, unchanged: 0, rejected: 0 },
    digest: '',
  }
  const seen = new Map<string, number>()
  const changedEstates = new Set<string>()

  for (const row of rows) {
    const reasons: string[] = []
    const p = parseRow(row, existing.grids, reasons)
    const out = (outcome: ImportRow['outcome']) =>
      plan.rows.push({
        row: row.row,
        estate: row.cells.estate ?? '',
        building: row.cells.building ?? '',
        outcome,
        reasons,
      })
    if (!p) {
      out('reject')
      continue
    }
    const key = `${p.estate}\u0000${p.building}`
    const first = seen.get(key)
    if (first !== undefined) {
      reasons.push(`与第 ${first} 行重复（同一小区的同一栋楼）`)
      out('reject')
      continue
    }
    let estate = estates.get(p.estate)
    if (estate && estate.gridId !== p.gridId) {
      reasons.push(
        `小区“${p.estate}”属于“${gridName.get(estate.gridId) ?? ''}”，这里写的是“${gridName.get(p.gridId)}”：同一小区只能属于一个网格`,
      )
      out('reject')
      continue
    }
    seen.set(key, row.row)
    let outcome: ImportRow['outcome'] = 'unchanged'
    if (!estate) {
      estate = { id: estateIdFor(existing.communityId, p.estate), name: p.estate, gridId: p.gridId, center: p.center }
      estates.set(p.estate, estate)
      plan.createEstates.push(estate)
      outcome = 'create'
    } else if (p.center && !sameCenter(estate.center, p.center) && !changedEstates.has(estate.id)) {
      changedEstates.add(estate.id)
      plan.changeEstates.push({ id: estate.id, center: p.center })
      reasons.push(`小区位置改为 ${p.center.lng}, ${p.center.lat}`)
      outcome = 'change'
    }
    const current = buildings.get(`${estate.id}\u0000${p.building}`)
    if (!current) {
      plan.createBuildings.push({
        id: buildingIdFor(estate.id, p.building),
        estateId: estate.id,
        name: p.building,
        unitCount: p.unitCount,
        households: p.households,
      })
      outcome = 'create'
    } else {
      const unitCount = p.unitCount ?? current.unitCount
      const households = p.households ?? current.households
      if (unitCount !== current.unitCount) reasons.push(`单元数 ${current.unitCount ?? '未填'} → ${unitCount}`)
      if (households !== current.households) reasons.push(`户数 ${current.households ?? '未填'} → ${households}`)
      if (unitCount !== current.unitCount || households !== current.households) {
        plan.changeBuildings.push({ id: current.id, unitCount, households })
        outcome = 'change'
      }
    }
    out(outcome)
  }

  const counts = plan.counts
  counts.estatesCreated = plan.createEstates.length
  counts.buildingsCreated = plan.createBuildings.length
  for (const r of plan.rows) {
    if (r.outcome === 'change') counts.changed++
    if (r.outcome === 'unchanged') counts.unchanged++
    if (r.outcome === 'reject') counts.rejected++
  }
  const writes = [plan.createEstates, plan.createBuildings, plan.changeEstates, plan.changeBuildings]
  plan.digest = createHash('sha1').update(JSON.stringify(writes)).digest('hex')
  return plan
}
