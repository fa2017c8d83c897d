import type { Role } from '../types/roles'
import { COLLECTIONS, roleAssignmentId, type RoleAssignmentDoc, type UserDoc } from '../cloudfunctions/core/collections'
import type { Runtime } from '../cloudfunctions/core/runtime'
import { UNIT_IDS } from './org'

/** The demo accounts of docs/design.md, all in 东县门社区 so their flows meet. */
export interface DemoAccount {
  openid: string
  name: string
  phone: string
  roles: { role: Role; unitId: string }[]
}

export const DEMO_ACCOUNTS = [
  { openid: 'demo-resident-1', name: '王秀兰', phone: '13991230001', roles: [] },
  { openid: 'demo-resident-2', name: '李建国', phone: '13991230002', roles: [] },
  {
    openid: 'demo-volunteer-1',
    name: '张志强',
    phone: '13991230003',
    roles: [{ role: 'volunteer', unitId: UNIT_IDS.dongxianmen }],
  },
  {
    openid: 'demo-grid-1',
    name: '刘芳',
    phone: '13991230004',
    roles: [{ role: 'grid_worker', unitId: UNIT_IDS.dongxianmenGrid1 }],
  },
  {
    openid: 'demo-secretary-1',
    name: '陈静',
    phone: '13991230005',
    roles: [{ role: 'community_secretary', unitId: UNIT_IDS.dongxianmen }],
  },
  {
    openid: 'demo-street-1',
    name: '赵伟',
    phone: '13991230006',
    roles: [{ role: 'street_staff', unitId: UNIT_IDS.baishulin }],
  },
  {
    openid: 'demo-dept-1',
    name: '孙磊',
    phone: '13991230007',
    roles: [{ role: 'department_handler', unitId: UNIT_IDS.beilinHousing }],
  },
  { openid: 'demo-admin', name: '周敏', phone: '13991230008', roles: [{ role: 'admin', unitId: UNIT_IDS.beilin }] },
] as const satisfies readonly DemoAccount[]

export type DemoOpenid = (typeof DEMO_ACCOUNTS)[number]['openid']

export async function seedAccounts(rt: Runtime): Promise<void> {
  const now = rt.clock.now().toISOString()
  for (const account of DEMO_ACCOUNTS as readonly DemoAccount[]) {
    const user: Omit<UserDoc, '_id'> = {
      name: account.name,
      phone: account.phone,
      communityId: UNIT_IDS.dongxianmen,
      createdAt: now,
      updatedAt: now,
    }
    await rt.db.collection(COLLECTIONS.users).doc(account.openid).set(user)
    for (const { role, unitId } of account.roles) {
      const doc: Omit<RoleAssignmentDoc, '_id'> = {
        openid: account.openid,
        role,
        unitId,
        createdAt: now,
        grantedBy: null,
      }
      await rt.db
        .collection(COLLECTIONS.roleAssignments)
        .doc(roleAssignmentId(account.openid, role, unitId))
        .set(doc)
    }
  }
}
