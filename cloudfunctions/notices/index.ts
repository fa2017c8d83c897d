import { NoticesContract } from '../../types/notices'
import { defineFunction } from '../core/define-function'
import { countAudience, createNotice } from './compose'
import { recordFollowUp, remindAgain } from './follow-up'
import { approveNotice, publishNotice } from './publication'
import { exportReach, notReached, reachOf } from './reach-report'
import { acknowledgeNotice, followNotice, listNotices, noticeHome, openNotice } from './resident'
import { addProgress, editNotice, withdrawNotice } from './revisions'
import { staffGet, staffList } from './staff-list'
import { NOTICE_APPROVE_ROLES, NOTICE_PUBLISH_ROLES } from './staff-roles'

/*
 * The `notices` function (issue 13): 社区通知 from draft to receipts and follow-up. `roles` is
 * only the coarse gate; the unit checks (`requireRoleAt`) are in the services.
 */

const STAFF = NOTICE_PUBLISH_ROLES

export const notices = defineFunction('notices', NoticesContract, {
  create: { roles: STAFF, handler: (input, ctx) => createNotice(ctx, input) },
  countRecipients: { roles: STAFF, handler: (input, ctx) => countAudience(ctx, input) },
  publish: { roles: STAFF, handler: (input, ctx) => publishNotice(ctx, input.noticeId) },
  approve: { roles: NOTICE_APPROVE_ROLES, handler: (input, ctx) => approveNotice(ctx, input.noticeId) },
  edit: { roles: STAFF, handler: (input, ctx) => editNotice(ctx, input) },
  withdraw: { roles: STAFF, handler: (input, ctx) => withdrawNotice(ctx, input.noticeId, input.reason) },
  addProgress: { roles: STAFF, handler: (input, ctx) => addProgress(ctx, input.noticeId, input.text) },
  staffList: { roles: STAFF, handler: (input, ctx) => staffList(ctx, input) },
  staffGet: { roles: STAFF, handler: (input, ctx) => staffGet(ctx, input.noticeId) },

  reach: { roles: STAFF, handler: (input, ctx) => reachOf(ctx, input.noticeId, input.unitId) },
  notReached: { roles: STAFF, handler: (input, ctx) => notReached(ctx, input) },
  recordFollowUp: { roles: STAFF, handler: (input, ctx) => recordFollowUp(ctx, input) },
  remind: { roles: STAFF, handler: (input, ctx) => remindAgain(ctx, input.noticeId, input.ref) },
  exportReach: { roles: STAFF, handler: (input, ctx) => exportReach(ctx, input.noticeId) },

  list: { roles: 'signed-in', handler: (input, ctx) => listNotices(ctx, input) },
  home: { roles: 'signed-in', handler: (_input, ctx) => noticeHome(ctx) },
  get: { roles: 'signed-in', handler: (input, ctx) => openNotice(ctx, input.noticeId) },
  acknowledge: { roles: 'signed-in', handler: (input, ctx) => acknowledgeNotice(ctx, input.noticeId) },
  follow: { roles: 'signed-in', handler: (input, ctx) => followNotice(ctx, input.noticeId, input.following) },
})

export const main = notices.main
