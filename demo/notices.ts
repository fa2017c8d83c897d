import { COLLECTIONS } from '../cloudfunctions/core/collections'
import type { Runtime } from '../cloudfunctions/core/runtime'
import { UNIT_IDS } from './org'

/**
 * Residents' grids, which 社区通知 targets. Until residents record their 小区/楼栋 (issue 10),
 * `gridId` on the user document says which grid a resident lives in: 王秀兰 and 张志强 in the
 * first grid, 李建国 in the second.
 */
export const NOTICE_DEMO_GRIDS: Record<string, string> = {
  'demo-resident-1': UNIT_IDS.dongxianmenGrid1,
  'demo-volunteer-1': UNIT_IDS.dongxianmenGrid1,
  'demo-resident-2': UNIT_IDS.dongxianmenGrid2,
}

export async function seedNotices(rt: Runtime): Promise<void> {
  for (const [openid, gridId] of Object.entries(NOTICE_DEMO_GRIDS)) {
    await rt.db.collection(COLLECTIONS.users).doc(openid).update({ gridId })
  }
}
