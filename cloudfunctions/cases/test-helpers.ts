import type { CaseDetail } from '../../types/cases'
import type { Envelope } from '../../types/envelope'
import { roleAssignmentId } from '../core/collections'
import { createTestEnv, type TestEnv } from '../core/testing'
import { CASE_COLLECTIONS, type CaseDoc } from './collections'
import { addCounts, FIGURE_COUNT_KEYS } from './domain/figures'
import { tallyFigureCounters, type FigureCounterDoc } from './figure-counters'
import { cases } from './index'

/*
 * Shared set-up for the cases function tests: a fresh embedded database seeded with the
 * demo org tree, accounts, categories and rules (demo/), the clock at 10:00 Shanghai on
 * 2026-11-22, and small helpers to submit and act.
 */

export const IN_GRID_1 = { lng: 108.9573, lat: 34.2581 }
export const NOW = '2026-11-22T02:00:00.000Z'

export interface CasesHarness {
  env: TestEnv
  submitAs(openid: string, over?: Record<string, unknown>): Promise<CaseDetail>
  act<T = CaseDetail>(openid: string, action: string, input?: Record<string, unknown>): Promise<Envelope<T>>
  submitEvent(over?: Record<string, unknown>): Record<string, unknown>
  /** Titles of the case notifications queued for one person (other features' demo seeds queue theirs too). */
  caseNoticeTitles(openid: string): Promise<string[]>
  /** Every case notification queued, as [openid, title]. */
  caseNotices(): Promise<Array<[string, string]>>
  /**
   * The figure counters as kept transaction by transaction, and as recounted from the cases
   * stored now: the two must be equal after any sequence of actions (checked after each test).
   */
  figureCounters(): Promise<{ kept: CounterView[]; recounted: CounterView[] }>
}

type CounterView = Omit<FigureCounterDoc, 'updatedAt' | 'unitName'>

/** The counts per unit and day, whatever documents they are split over (figure-counters.ts). */
export function counterViews(docs: FigureCounterDoc[]): CounterView[] {
  const byUnitDay = new Map<string, CounterView>()
  for (const { updatedAt: _at, unitName: _name, ...doc } of docs) {
    const _id = `${doc.day}:${doc.unitId}`
    const sum = byUnitDay.get(_id)
    if (sum) addCounts(sum, doc)
    else byUnitDay.set(_id, { ...doc, _id })
  }
  return [...byUnitDay.values()]
    .filter((d) => FIGURE_COUNT_KEYS.some((k) => d[k] !== 0))
    .sort((a, b) => a._id.localeCompare(b._id))
}

let seq = 0

/** A case the resident reported and the grid signed: processing at 东县门社区第一网格. */
export async function signedCase(h: CasesHarness): Promise<CaseDetail> {
  const c = await h.submitAs('demo-resident-1')
  const res = await h.act('demo-grid-1', 'sign', { caseId: c.id })
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data
}

/** Closes the harness after checking the figure counters against a recount (every cases test ends with it). */
export async function closeChecked(h: CasesHarness): Promise<void> {
  const { kept, recounted } = await h.figureCounters()
  await h.env.close()
  expect(kept).toEqual(recounted)
}

export async function casesHarness(): Promise<CasesHarness> {
  const env = await createTestEnv({ now: NOW, functions: { cases } })
  const submitEvent = (over: Record<string, unknown> = {}) => ({
    action: 'submit',
    clientRequestId: `req-${String(++seq).padStart(8, '0')}`,
    categoryCode: 'environment.litter',
    description: '3号楼楼道垃圾三天没人清运',
    location: IN_GRID_1,
    address: '东县门街12号院',
    ...over,
  })
  return {
    env,
    submitEvent,
    async submitAs(openid, over = {}) {
      const res = await env.call<{ case: CaseDetail; created: boolean }>(openid, 'cases', submitEvent(over))
      if (!res.ok) throw new Error(`submit failed: ${JSON.stringify(res.error)}`)
      return res.data.case
    },
    act: (openid, action, input = {}) => env.call(openid, 'cases', { action, ...input }),
    async caseNotices() {
      const docs = await env.docs<{ dedupeKey: string; openid: string; title: string }>('outbox')
      return docs
        .filter((d) => d.dedupeKey.startsWith('case:'))
        .map((d): [string, string] => [d.openid, d.title])
        .sort()
    },
    async figureCounters() {
      const stored = await env.docs<CaseDoc>(CASE_COLLECTIONS.cases)
      return {
        kept: counterViews(await env.docs<FigureCounterDoc>(CASE_COLLECTIONS.figureCounters)),
        recounted: counterViews(tallyFigureCounters(stored, env.clock.now())),
      }
    },
    async caseNoticeTitles(openid) {
      const docs = await env.docs<{ dedupeKey: string; title: string }>('outbox', { openid })
      return docs
        .filter((d) => d.dedupeKey.startsWith('case:'))
        .map((d) => d.title)
        .sort()
    },
  }
}

/** An administrator at every root of the demo org tree: the only one who may change what every district shares. */
export const TOP_ADMIN = 'test-top-admin'
export async function addTopLevelAdmin(h: CasesHarness): Promise<void> {
  const at = h.env.clock.now().toISOString()
  await h.env.rt.db
    .collection('users')
    .doc(TOP_ADMIN)
    .set({ name: '市级管理员', phone: '13700000001', communityId: null, createdAt: at, updatedAt: at })
  for (const unitId of ['d-beilin', 'd-gaoling', 'd-lintong', 'd-changan']) {
    await h.env.rt.db
      .collection('role_assignments')
      .doc(roleAssignmentId(TOP_ADMIN, 'admin', unitId))
      .set({ openid: TOP_ADMIN, role: 'admin', unitId, createdAt: at, grantedBy: null })
  }
}
