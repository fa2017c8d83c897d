import { thing } from '../../types/notifications'
import type { Db } from '@cloudbase/database'
import { rosterAt } from '../core/authz'
import type { NotifyInput } from '../core/outbox'
import type { WishDoc } from './collections'

/*
 * Who hears of a wish's steps, and how. Builders only: a step returns these in its change
 * and the transition engine queues them with `notify(tx, …)` in the wish's own transaction.
 */

/**
 * An outbox record about one wish, deduplicated per event and person: the event is the
 * wish version a transition wrote, or for a claim `claim@<claimedAt>` (the claim's own
 * update cannot know the version it produced, and its notices may be queued later by the sweep).
 */
export function wishNotice(
  wish: Pick<WishDoc, '_id' | 'text'>,
  event: number | string,
  openid: string,
  title: string,
  body: string,
): NotifyInput {
  return {
    dedupeKey: `wish:${wish._id}:${event}:${openid}`,
    openid,
    title,
    body,
    link: `/pages/wishes/detail?id=${encodeURIComponent(wish._id)}`,
    template: { kind: 'wishStatus', data: { wish: wish.text, status: title.slice(0, 5) } },
  }
}

/** A wish waiting for review, to one of its reviewers: in the inbox and as a 待办提醒 push. */
export function reviewNotice(wish: Pick<WishDoc, '_id' | 'text'>, communityName: string, openid: string): NotifyInput {
  return {
    ...wishNotice(wish, 1, openid, '新心愿待审核', `${communityName}有一个新的微心愿等待审核：${thing(wish.text)}`),
    template: { kind: 'staffTodo', data: { task: `心愿待审核：${wish.text}`, count: '1', status: '待审核' } },
  }
}

/** Openids of the community's own staff, who are told about its review queue and digests. */
export function staffOf(db: Db, communityId: string): Promise<string[]> {
  return rosterAt(db, communityId, 'wishes.review')
}
