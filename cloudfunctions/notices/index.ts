import { NoticesContract } from '../../types/notices'
import { defineFunction } from '../core/define-function'
import { countAudience, createNotice } from './compose'
import { recordFollowUp, remindAgain } from './follow-up'
import { approveNotice, publishNotice } from './publication'
import { exportReach, notReached, reachOf } from './reach-report'
import { acknowledgeNotice, followNotice, listNotices, noticeHome, openNotice } from './resident'
import { addProgress, editNotice, withdrawNotice } from './revisions'
import { staffGet, staffList } from './staff-list'

/*
 * The `notices` function (issue 13): 社区通知 from draft to receipts and follow-up. `access` is
 * only the coarse gate; the unit checks (`requireCapabilityAt`, `canAt`) are in the services.
 */

const STAFF = 'notices.publish'

export const notices = defineFunction('notices', NoticesContract, {
  create: { access: STAFF, handler: (input, ctx) => createNotice(ctx, input) },
  countRecipients: { access: STAFF, handler: (input, ctx) => countAudience(ctx, input) },
  publish: { access: STAFF, handler: (input, ctx) => publishNotice(ctx, input.noticeId) },
  approve: { access: 'notices.approve', handler: (input, ctx) => approveNotice(ctx, input.noticeId) },
  edit: { access: STAFF, handler: (input, ctx) => editNotice(ctx, input) },
  withdraw: { access: STAFF, handler: (input, ctx) => withdrawNotice(ctx, input.noticeId, input.reason) },
  addProgress: { access: STAFF, handler: (input, ctx) => addProgress(ctx, input.noticeId, input.text) },
  staffList: { access: STAFF, handler: (input, ctx) => staffList(ctx, input) },
  staffGet: { access: STAFF, handler: (input, ctx) => staffGet(ctx, input.noticeId) },

  reach: { access: STAFF, handler: (input, ctx) => reachOf(ctx, input.noticeId, input.unitId) },
  notReached: { access: STAFF, handler: (input, ctx) => notReached(ctx, input) },
  recordFollowUp: { access: STAFF, handler: (input, ctx) => recordFollowUp(ctx, input) },
  remind: { access: STAFF, handler: (input, ctx) => remindAgain(ctx, input.noticeId, input.ref) },
  exportReach: { access: STAFF, handler: (input, ctx) => exportReach(ctx, input.noticeId) },

  list: { access: 'signed-in', handler: (input, ctx) => listNotices(ctx, input) },
  home: { access: 'signed-in', handler: (_input, ctx) => noticeHome(ctx) },
  get: { access: 'signed-in', handler: (input, ctx) => openNotice(ctx, input.noticeId) },
  acknowledge: { access: 'signed-in', handler: (input, ctx) => acknowledgeNotice(ctx, input.noticeId) },
  follow: { access: 'signed-in', handler: (input, ctx) => followNotice(ctx, input.noticeId, input.following) },
})

export const main = notices.main
