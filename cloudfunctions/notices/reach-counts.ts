import type { Db } from '@cloudbase/database'
import type { ReachCounts } from '../../types/notices'
import { COLLECTIONS, type SubscriptionDoc, type UserDoc } from '../core/collections'
import { aggregated } from '../core/data'
import { NOTICE_COLLECTIONS, type NoticeDoc, type ReceiptDoc } from './collections'

/*
 * The reach figures and the people not reached, each in one aggregate over the receipts
 * that also brings the notice along (joined by its id), so a reach view costs the caller's
 * request and this one. No receipt yet at the bucket: no row comes back, and the caller
 * reads the notice itself.
 */

export const NO_REACH: ReachCounts = {
  recipients: 0,
  delivered: 0,
  read: 0,
  acknowledged: 0,
  followedUp: 0,
  notReached: 0,
  pushed: 0,
  noPermission: 0,
}

type Counted = Omit<ReachCounts, 'delivered'>

/** Counts of the receipts in any of `buckets` for every unit on their paths (`ALL_UNITS` too). */
export async function reachByUnit(
  db: Db,
  noticeId: string,
  buckets: readonly string[],
): Promise<{ notice: NoticeDoc | null; counts: Map<string, ReachCounts> }> {
  const _ = db.command
  const $ = _.aggregate
  const flag = (field: keyof ReceiptDoc, value: unknown) => $.sum($.cond([$.eq([`$${field}`, value]), 1, 0]))
  const [row] = await aggregated<{ units: Array<Counted & { unitId: string }>; notice: NoticeDoc[] }>(
    db
      .collection(NOTICE_COLLECTIONS.receipts)
      .aggregate()
      .match({ noticeId, unitPath: _.in([...buckets]) })
      .unwind('$unitPath')
      .group({
        _id: '$unitPath',
        noticeId: $.first('$noticeId'),
        recipients: $.sum(1),
        read: flag('read', true),
        acknowledged: flag('acked', true),
        followedUp: flag('reachedBy', 'follow_up'),
        notReached: flag('reachedBy', 'none'),
        pushed: flag('push', 'queued'),
        noPermission: flag('push', 'no_grant'),
      })
      // Every unit's counts into one row: the notice is joined once, not once per unit.
      .group({
        _id: '$noticeId',
        units: $.push({
          unitId: '$_id',
          recipients: '$recipients',
          read: '$read',
          acknowledged: '$acknowledged',
          followedUp: '$followedUp',
          notReached: '$notReached',
          pushed: '$pushed',
          noPermission: '$noPermission',
        }),
      })
      .lookup({ from: NOTICE_COLLECTIONS.notices, localField: '_id', foreignField: '_id', as: 'notice' }),
  )
  // A receipt is the in-app delivery: it is in the resident's list the moment it is written.
  const counts = new Map(
    (row?.units ?? []).map(({ unitId, ...c }): [string, ReachCounts] => [unitId, { ...c, delivered: c.recipients }]),
  )
  return { notice: row?.notice[0] ?? null, counts }
}

/** A receipt not reached yet, with what the list shows of its person and their grants. */
export type UnreachedRow = Pick<ReceiptDoc, '_id' | 'openid' | 'unitPath' | 'read' | 'push' | 'remindedAt'> & {
  user: Array<Pick<UserDoc, 'name' | 'phone'>>
  grants: Array<Pick<SubscriptionDoc, 'templateId' | 'remaining'>>
  notice: Array<Pick<NoticeDoc, 'unitId'>>
}

/**
 * The first `limit` receipts of `bucket` not reached yet, in index order (as the receipts were
 * written: a sort would read every unreached receipt), each with its person's name and phone,
 * their subscribe-message grants and the notice's sending unit.
 */
export function unreachedPage(db: Db, noticeId: string, bucket: string, limit: number): Promise<UnreachedRow[]> {
  return aggregated<UnreachedRow>(
    db
      .collection(NOTICE_COLLECTIONS.receipts)
      .aggregate()
      .match({ noticeId, unitPath: bucket, reachedBy: 'none' })
      .limit(limit)
      .lookup({ from: COLLECTIONS.users, localField: 'openid', foreignField: '_id', as: 'user' })
      .lookup({ from: COLLECTIONS.subscriptions, localField: 'openid', foreignField: 'openid', as: 'grants' })
      .lookup({ from: NOTICE_COLLECTIONS.notices, localField: 'noticeId', foreignField: '_id', as: 'notice' })
      .project({
        openid: 1,
        unitPath: 1,
        read: 1,
        push: 1,
        remindedAt: 1,
        'user.name': 1,
        'user.phone': 1,
        'grants.templateId': 1,
        'grants.remaining': 1,
        'notice.unitId': 1,
      }),
  )
}
