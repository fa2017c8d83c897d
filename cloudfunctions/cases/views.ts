import { CASE_STATUS_LABELS, type CaseDetail, type CaseSummary } from '../../types/cases'
import { maskName } from '../../types/mask'
import { toLngLat } from '../core/geo'
import type { Storage } from '../core/runtime'
import type { CaseDoc } from './collections'
import { overdue } from './domain/deadlines'
import { residentTimeline } from './domain/resident-words'
import { allowedActions, type Actor, type CaseFacts } from './domain/state-machine'

export function factsOf(doc: CaseDoc, openid: string | null): CaseFacts {
  return {
    status: doc.status,
    rated: doc.rating !== null,
    extension: doc.extension,
    revisitDueAt: doc.revisitDueAt,
    isFollower: openid !== null && doc.followers.includes(openid),
  }
}

/** What a summary shows of a case (a box lists cases read with only these fields). */
export type SummaryFields = Pick<
  CaseDoc,
  | '_id'
  | 'number'
  | 'categoryCode'
  | 'categoryName'
  | 'description'
  | 'status'
  | 'handlingUnitId'
  | 'handlingUnitName'
  | 'submittedAt'
  | 'ackDueAt'
  | 'handleDueAt'
  | 'reopenCount'
  | 'followerCount'
>

export function toSummary(doc: SummaryFields, now: Date): CaseSummary {
  return {
    id: doc._id,
    number: doc.number,
    categoryCode: doc.categoryCode,
    categoryName: doc.categoryName,
    description: doc.description,
    status: doc.status,
    statusLabel: CASE_STATUS_LABELS[doc.status],
    handlingUnitId: doc.handlingUnitId,
    handlingUnitName: doc.handlingUnitName,
    submittedAt: doc.submittedAt,
    ackDueAt: doc.ackDueAt,
    handleDueAt: doc.handleDueAt,
    overdue: overdue(doc, now).any,
    reopened: doc.reopenCount > 0,
    followerCount: doc.followerCount,
  }
}

/**
 * The petitioner's contact with their choices. Staff see the phone only when the petitioner
 * asked to be called; the petitioner always sees their own. Cases stored before these
 * choices existed read as `phone` with the name not shown.
 */
function contactOf(doc: CaseDoc, own: boolean): NonNullable<CaseDetail['contact']> {
  const preference = doc.contactPreference ?? 'phone'
  return {
    name: doc.contact.name,
    phone: own || preference === 'phone' ? doc.contact.phone : '',
    preference,
    showName: doc.showName ?? false,
  }
}

/** The petitioner's name for anyone but the case's staff: masked (张**), and only when they allowed it. */
export function publicName(doc: Pick<CaseDoc, 'contact' | 'showName'>): string | null {
  return doc.showName ? maskName(doc.contact.name) || null : null
}

/**
 * The case as this viewer may see it: staff-only notes and the petitioner's contact only
 * for those who act on the case (and the contact for the petitioner themself). Photos come
 * with links only this answer hands out (`photoUrlsOf`): they are not public.
 */
export function toDetail(doc: CaseDoc, actor: Actor, openid: string, now: Date, photoUrls: string[]): CaseDetail {
  // Whoever entered the case for the petitioner took down their contact, so may see it again.
  const staff = actor.handler || actor.supervisor || !!actor.submitter
  return {
    ...toSummary(doc, now),
    channel: doc.channel,
    origin: doc.origin ?? null,
    address: doc.address,
    location: toLngLat(doc.location),
    photos: doc.photos,
    photoUrls,
    tier: doc.tier,
    route: { ruleId: doc.route.ruleId, reason: doc.route.reason },
    extension: doc.extension,
    resolution: doc.resolution
      ? {
          disposition: doc.resolution.disposition,
          ledger: doc.resolution.ledger,
          reply: doc.resolution.reply,
          resolvedAt: doc.resolution.resolvedAt,
          onTime: doc.resolution.onTime,
        }
      : null,
    rating: doc.rating,
    duplicateOf: doc.duplicateOf,
    timeline: staff ? doc.timeline : residentTimeline(doc.timeline),
    contact: actor.petitioner ? contactOf(doc, true) : staff ? contactOf(doc, false) : null,
    viewer: { isPetitioner: actor.petitioner, isFollower: doc.followers.includes(openid) },
    can: allowedActions(factsOf(doc, openid), actor, now),
  }
}

/** The storage port's link for each photo (signed and expiring on the local host). */
export function photoUrlsOf(storage: Pick<Storage, 'url'>, doc: Pick<CaseDoc, 'photos'>): Promise<string[]> {
  return Promise.all(doc.photos.map((id) => storage.url(id)))
}
