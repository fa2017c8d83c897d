import type { CasesContract } from '../../types/cases-contract'
import { COLLECTIONS, roleAssignmentId } from '../core/collections'
import type { TestEnv } from '../core/testing'
import {
  ADMIN,
  COMMUNITY,
  GRID,
  GRID_UNIT,
  POINT,
  RESIDENT,
  RESIDENT_2,
  SECRETARY,
  STREET,
  type Call,
  type KindsOf,
  type Script,
} from './script'

const CASES_KINDS: KindsOf<typeof CasesContract> = {
  categories: 'read',
  similarNearby: 'read',
  submit: 'write',
  myCases: 'read',
  get: 'read',
  follow: 'write',
  rate: 'write',
  inbox: 'read',
  workload: 'read',
  sign: 'write',
  addNote: 'write',
  transfer: 'write',
  returnCase: 'write',
  requestExtension: 'write',
  reviewExtension: 'write',
  supervise: 'write',
  resolve: 'write',
  markDuplicate: 'write',
  recordRevisit: 'write',
  ledger: 'read',
  figures: 'read',
  export: 'read',
  saveCategory: 'write',
  routingRules: 'read',
  saveRoutingRule: 'write',
  deleteRoutingRule: 'write',
  previewRoute: 'read',
}

/** An administrator over every district: shared categories are theirs alone. */
const TOP_ADMIN = 'rt-top-admin'

async function addTopAdmin(env: TestEnv): Promise<void> {
  const at = env.clock.now().toISOString()
  const db = env.rt.db
  await db
    .collection(COLLECTIONS.users)
    .doc(TOP_ADMIN)
    .set({ name: '市级管理员', phone: '13700000001', communityId: null, createdAt: at, updatedAt: at })
  for (const unitId of ['d-beilin', 'd-gaoling', 'd-lintong', 'd-changan']) {
    await db
      .collection(COLLECTIONS.roleAssignments)
      .doc(roleAssignmentId(TOP_ADMIN, 'admin', unitId))
      .set({ openid: TOP_ADMIN, role: 'admin', unitId, createdAt: at, grantedBy: null })
  }
}

let request = 0
const submit = (call: Call, openid: string, description: string) =>
  call<{ case: { id: string; number: string } }>(openid, 'cases', {
    action: 'submit',
    clientRequestId: `rt-${String(++request).padStart(8, '0')}`,
    categoryCode: 'environment.litter',
    description,
    location: POINT,
    address: '东县门街12号院',
  }).then((r) => r.case)

const period = { unitId: COMMUNITY, ledger: 'general', from: '2026-11-01', to: '2026-11-30' }

/** 诉求 from submission to rating, the unit's handling, the reports and the routing set-up. */
export const casesScript: Script = {
  fn: 'cases',
  kinds: CASES_KINDS,
  async warmUp(call) {
    // Today's first case at the grid: it reads the categories, rules and the grid's roster into the runtime.
    await submit(call, 'demo-volunteer-1', '小区东门的路灯不亮了')
  },
  async play(call, env) {
    await call(RESIDENT, 'cases', { action: 'categories' })
    await call(RESIDENT, 'cases', { action: 'similarNearby', categoryCode: 'environment.litter', location: POINT })
    const first = await submit(call, RESIDENT, '3号楼楼道垃圾三天没人清运')
    const caseId = first.id
    await call(RESIDENT, 'cases', { action: 'myCases' })
    await call(RESIDENT, 'cases', { action: 'get', caseId })
    await call(RESIDENT_2, 'cases', { action: 'follow', caseId })
    await call(GRID, 'cases', { action: 'inbox', unitId: GRID_UNIT })
    await call(GRID, 'cases', { action: 'workload' })
    await call(GRID, 'cases', { action: 'sign', caseId })
    await call(GRID, 'cases', { action: 'addNote', caseId, text: '已联系物业，明早处理', staffOnly: true })
    await call(GRID, 'cases', { action: 'requestExtension', caseId, days: 3, reason: '需协调环卫车辆' })
    await call(SECRETARY, 'cases', { action: 'reviewExtension', caseId, approve: true })
    await call(STREET, 'cases', { action: 'supervise', caseId, comment: '请加快办理' })
    const resolution = { disposition: 'solved', ledger: 'general', reply: '垃圾已清运，楼道已打扫' }
    await call(GRID, 'cases', { action: 'resolve', caseId, ...resolution })
    await call(RESIDENT, 'cases', { action: 'rate', caseId, value: 'satisfied', comment: '谢谢网格员' })

    const second = await submit(call, RESIDENT_2, '小区门口的路灯坏了一个星期')
    await call(GRID, 'cases', {
      action: 'transfer',
      caseId: second.id,
      toUnitId: 'dept-beilin-zhujian',
      reason: '请住建局处理',
    })
    const third = await submit(call, RESIDENT_2, '楼下的垃圾桶满了没人清理')
    await call(GRID, 'cases', { action: 'returnCase', caseId: third.id, reason: '不属于网格职责' })
    const fourth = await submit(call, RESIDENT_2, '3号楼楼道垃圾还是没有清运')
    await call(GRID, 'cases', { action: 'markDuplicate', caseId: fourth.id, duplicateOfNumber: first.number })

    await call(SECRETARY, 'cases', { action: 'ledger', ...period })
    await call(SECRETARY, 'cases', { action: 'figures', ...period })
    await call(SECRETARY, 'cases', { action: 'export', ...period })
    await call(ADMIN, 'cases', { action: 'routingRules' })
    await call(ADMIN, 'cases', { action: 'previewRoute', categoryCode: 'environment.litter', location: POINT })
    await call(ADMIN, 'cases', {
      action: 'saveRoutingRule',
      id: 'rule-own',
      name: '碑林垃圾问题交街道',
      priority: 1,
      match: { districtIds: ['d-beilin'], categoryPrefixes: ['environment.litter'] },
      target: { kind: 'level', level: 'street' },
    })
    await call(ADMIN, 'cases', { action: 'deleteRoutingRule', id: 'rule-own' })
    await addTopAdmin(env)
    await call(TOP_ADMIN, 'cases', {
      action: 'saveCategory',
      code: 'environment.pets',
      parentCode: 'environment',
      name: '宠物粪便',
      routingLevel: 'grid',
      tier: 'general',
    })

    // 回访: a resolved case nobody rated for two weeks.
    const fifth = await submit(call, RESIDENT_2, '楼道里的灯坏了，晚上看不见')
    await call(GRID, 'cases', { action: 'sign', caseId: fifth.id })
    await call(GRID, 'cases', { action: 'resolve', caseId: fifth.id, ...resolution, reply: '灯已换好' })
    env.clock.advance(14 * 86_400_000)
    await call(GRID, 'cases', {
      action: 'recordRevisit',
      caseId: fifth.id,
      method: 'phone',
      value: 'basically_satisfied',
    })
  },
}
