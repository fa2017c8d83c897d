import type { Db } from '@cloudbase/database'
import type { ReachCounts } from '../../types/notices'
import { COLLECTIONS, type SubscriptionDoc, type UserDoc } from '../core/collections'
import { aggregated } from '../core/data'
import { NOTICE_COLLECTIONS, type NoticeDoc, type ReceiptDoc } from './collections'

/*
 * The reach figures and the people not reached, each in one aggregate over the receipts
 * that also brings the notice along (joined by its id), so a reach view costs the caller's
 * request and this one. No receipt yet at the bucket: no row comes back, and the caller
 * reads the notice itself. The export wants both: the figures' aggregate then brings the
 * first page of people too (a sub-pipeline of its `$lookup`), still one request.
 */

type Pipeline = ReturnType<Db['command']['aggregate']['pipeline']>

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

/**
 * Counts of the receipts in any of `buckets` for every unit on their paths (`ALL_UNITS` too);
 * with `people`, also the first `limit` receipts of its bucket not reached yet (`unreachedPage`).
 */
export async function reachByUnit(
  db: Db,
  noticeId: string,
  buckets: readonly string[],
  people?: { bucket: string; limit: number },
): Promise<{ notice: NoticeDoc | null; counts: Map<string, ReachCounts>; unreached: UnreachedRow[] }> {
  const _ = db.command
  const $ = _.aggregate
  const flag = (field: keyof ReceiptDoc, value: unknown) => $.sum($.cond([$.eq([`$${field}`, value]), 1, 0]))
  let pipeline = db
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
    .lookup({ from: NOTICE_COLLECTIONS.notices, localField: '_id', foreignField: '_id', as: 'notice' })
  if (people) {
    const page = unreachedStages($.pipeline(), noticeId, people.bucket, people.limit).project(UNREACHED_FIELDS)
    pipeline = pipeline.lookup({ from: NOTICE_COLLECTIONS.receipts, pipeline: page.done(), as: 'unreached' })
  }
  const [row] = await aggregated<{
    units: Array<Counted & { unitId: string }>
    notice: NoticeDoc[]
    unreached?: UnreachedRow[]
  }>(pipeline)
  // A receipt is the in-app delivery: it is in the resident's list the moment it is written.
  const counts = new Map(
    (row?.units ?? []).map(({ unitId, ...c }): [string, ReachCounts] => [unitId, { ...c, delivered: c.recipients }]),
  )
  return { notice: row?.notice[0] ?? null, counts, unreached: row?.unreached ?? [] }
}

/** A receipt not reached yet, with what the list shows of its person and their grants. */
export type UnreachedRow = Pick<ReceiptDoc, '_id' | 'openid' | 'unitPath' | 'read' | 'push' | 'remindedAt'> & {
  user: Array<Pick<UserDoc, 'name' | 'phone'>>
  grants: Array<Pick<SubscriptionDoc, 'templateId' | 'remaining'>>
}

const UNREACHED_FIELDS = {
  openid: 1,
  unitPath: 1,
  read: 1,
  push: 1,
  remindedAt: 1,
  'user.name': 1,
  'user.phone': 1,
  'grants.templateId': 1,
  'grants.remaining': 1,
}

/**
 * The first `limit` receipts of `bucket` not reached yet, in index order (as the receipts were
 * written: a sort would read every unreached receipt), each with its person's name and phone
 * and their subscribe-message grants.
 */
function unreachedStages(p: Pipeline, noticeId: string, bucket: string, limit: number): Pipeline {
  return p
    .match({ noticeId, unitPath: bucket, reachedBy: 'none' })
    .limit(limit)
    .lookup({ from: COLLECTIONS.users, localField: 'openid', foreignField: '_id', as: 'user' })
    .lookup({ from: COLLECTIONS.subscriptions, localField: 'openid', foreignField: 'openid', as: 'grants' })
}

/** `unreachedStages` on their own, with the notice's sending unit. */
export function unreachedPage(
  db: Db,
  noticeId: string,
  bucket: string,
  limit: number,
): Promise<Array<UnreachedRow & { notice: Array<Pick<NoticeDoc, 'unitId'>> }>> {
  return aggregated(
    unreachedStages(db.collection(NOTICE_COLLECTIONS.receipts).aggregate(), noticeId, bucket, limit)
      .lookup({ from: NOTICE_COLLECTIONS.notices, localField: 'noticeId', foreignField: '_id', as: 'notice' })
      .project({ ...UNREACHED_FIELDS, 'notice.unitId': 1 }),
  )
}
