import type { RoutingRule } from '../../../types/cases-routing'
import { checkRuleScope, type ConfigAuthority, type ScopedUnit } from './config-scope'
import { TEST_UNITS } from './test-org'

const byId = new Map(TEST_UNITS.map((u) => [u.id, u]))
const scopeOf = (id: string): string[] => {
  const chain: string[] = []
  for (let u = byId.get(id); u; u = u.parentId ? byId.get(u.parentId) : undefined) chain.unshift(u.id)
  return chain
}
const unitOf = (id: string): ScopedUnit | null => {
  const u = byId.get(id)
  return u ? { id: u.id, name: u.name, kind: u.kind, scope: scopeOf(u.id) } : null
}
/** An administrator holding the capability at these units (each covers its subtree). */
const adminAt = (...held: string[]): ConfigAuthority => ({
  topLevel: ['beilin', 'gaoling'].every((root) => held.includes(root)),
  holds: (scope) => scope.some((id) => held.includes(id)),
})

type Row = {
  name: string
  authority: ConfigAuthority
  match: RoutingRule['match']
  target: RoutingRule['target']
  result: 'ok' | 'BAD_REQUEST' | 'FORBIDDEN'
  says?: string
}

const street: RoutingRule['target'] = { kind: 'level', level: 'street' }
const rows: Row[] = [
  {
    name: 'a district admin matching a street of their district, sending to its street',
    authority: adminAt('beilin'),
    match: { streetIds: ['baishulin'] },
    target: street,
    result: 'ok',
  },
  {
    name: 'a district admin for their whole district, to a department',
    authority: adminAt('beilin'),
    match: { districtIds: ['beilin'] },
    target: { kind: 'level', level: 'department', departmentKey: 'housing' },
    result: 'ok',
  },
  {
    name: 'a district admin to a fixed unit of their district',
    authority: adminAt('beilin'),
    match: { communityIds: ['dongxianmen'] },
    target: { kind: 'unit', unitId: 'dxm-joint' },
    result: 'ok',
  },
  {
    name: 'a rule matching another district’s street (the 碑林 admin and 鹿苑)',
    authority: adminAt('beilin'),
    match: { streetIds: ['luyuan'] },
    target: { kind: 'unit', unitId: 'dongxianmen' },
    result: 'FORBIDDEN',
    says: '「鹿苑街道」不在您管辖的范围内',
  },
  {
    name: 'a rule sending their cases to another district’s unit',
    authority: adminAt('beilin'),
    match: { districtIds: ['beilin'] },
    target: { kind: 'unit', unitId: 'gl-housing' },
    result: 'FORBIDDEN',
    says: '「高陵区住建局」不在',
  },
  {
    name: 'a rule for every place by a district admin',
    authority: adminAt('beilin'),
    match: { categoryPrefixes: ['property'] },
    target: street,
    result: 'FORBIDDEN',
    says: '最上级管理员',
  },
  {
    name: 'a rule for every place by the top-level admin',
    authority: adminAt('beilin', 'gaoling'),
    match: {},
    target: street,
    result: 'ok',
  },
  {
    name: 'a street admin sending cases up to the district’s department',
    authority: adminAt('baishulin'),
    match: { streetIds: ['baishulin'] },
    target: { kind: 'level', level: 'department' },
    result: 'FORBIDDEN',
    says: '「柏树林街道」以外',
  },
  {
    name: 'a street admin keeping cases in the street’s 三方办',
    authority: adminAt('baishulin'),
    match: { communityIds: ['dongxianmen'] },
    target: { kind: 'level', level: 'street_joint' },
    result: 'ok',
  },
  {
    name: 'a community admin sending cases to the street',
    authority: adminAt('dongxianmen'),
    match: { communityIds: ['dongxianmen'] },
    target: street,
    result: 'FORBIDDEN',
  },
  {
    name: 'a street named as a community',
    authority: adminAt('beilin'),
    match: { communityIds: ['baishulin'] },
    target: street,
    result: 'BAD_REQUEST',
    says: '社区不存在',
  },
  {
    name: 'an unknown target unit, even for the top-level admin',
    authority: adminAt('beilin', 'gaoling'),
    match: {},
    target: { kind: 'unit', unitId: 'nowhere' },
    result: 'BAD_REQUEST',
  },
]

describe('checkRuleScope', () => {
  it.each(rows.map((r) => [r.name, r] as const))('should decide %s', (_name, row) => {
    const res = checkRuleScope({ match: row.match, target: row.target }, unitOf, row.authority)
    expect(res.ok ? 'ok' : res.code).toBe(row.result)
    if (row.says && !res.ok) expect(res.message).toContain(row.says)
  })
})
