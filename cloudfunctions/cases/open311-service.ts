import type { Db } from '@cloudbase/database'
import { OPEN_CASE_STATUSES, type CaseDetail } from '../../types/cases'
import { toLngLat } from '../core/geo'
import type { Runtime } from '../core/runtime'
import { CASE_COLLECTIONS, type CaseDoc } from './collections'
import { fromPostRequest, parseRequestsQuery, toServiceRequest, toServices, type Open311Error, type Open311Request, type Open311Service } from './domain/open311'
import { loadCategories } from './service'

/*
 * What the host's Open311 GeoReport v2 routes call (GET services.json, GET requests.json,
 * GET requests/<id>.json, POST requests.json). Reading goes straight to the database —
 * GeoReport data is public: no petitioner, no contact, no timeline beyond status_notes.
 * Creating goes through the `cases` function as a hotline submission by the API account,
 * so routing, numbering, idempotency and notifications are exactly those of the app.
 */

export type Open311Answer<T> = { status: 200; body: T } | { status: 400 | 404; body: Open311Error[] }

export async function open311Services(db: Db): Promise<Open311Service[]> {
  return toServices(await loadCategories(db))
}

async function mediaUrl(rt: Runtime, doc: CaseDoc): Promise<string> {
  const first = doc.photos[0]
  return first ? rt.storage.url(first) : ''
}

async function toRequest(rt: Runtime, d: CaseDoc): Promise<Open311Request> {
  return toServiceRequest({ ...d, location: toLngLat(d.location) }, await mediaUrl(rt, d))
}

/** GET requests: by ids, or by date range, service codes and status; at most 1000, newest first. */
export async function open311Requests(rt: Runtime, query: Record<string, unknown>): Promise<Open311Answer<Open311Request[]>> {
  const parsed = parseRequestsQuery(query, rt.clock.now())
  if (!parsed.ok) return { status: 400, body: parsed.errors }
  const { db } = rt
  const _ = db.command
  const q = parsed.query
  const where: Record<string, unknown> = q.ids
    ? { number: _.in(q.ids.map((i) => i.toUpperCase())) }
    : { submittedAt: _.gte(q.start.toISOString()).and(_.lte(q.end.toISOString())) }
  if (q.serviceCodes) where.categoryCode = _.in(q.serviceCodes)
  if (q.status === 'open') where.status = _.in([...OPEN_CASE_STATUSES])
  if (q.status === 'closed') where.status = _.nin([...OPEN_CASE_STATUSES])
  const res = await db.collection(CASE_COLLECTIONS.cases).where(where).orderBy('submittedAt', 'desc').limit(1000).get()
  return { status: 200, body: await Promise.all((res.data as CaseDoc[]).map((d) => toRequest(rt, d))) }
}

/** GET requests/<service_request_id>: a list of one, as the spec answers. */
export async function open311Request(rt: Runtime, number: string): Promise<Open311Answer<Open311Request[]>> {
  const res = await rt.db.collection(CASE_COLLECTIONS.cases).where({ number: number.trim().toUpperCase() }).limit(1).get()
  const doc = (res.data as CaseDoc[])[0]
  if (!doc) return { status: 404, body: [{ code: 404, description: `service_request_id ${number} not found` }] }
  return { status: 200, body: [await toRequest(rt, doc)] }
}

/**
 * POST requests: the form as a `cases.submit` event for the host to invoke as the API
 * account (which must hold a hotline role); `toPostAnswer` shapes what it answers.
 */
export function open311SubmitEvent(form: Record<string, unknown>, idempotencyKey: string): Open311Answer<Record<string, unknown>> {
  const out = fromPostRequest(form, idempotencyKey)
  if (!out.ok) return { status: 400, body: out.errors }
  const contact = out.input.contact ?? { name: '', phone: '' }
  // A hotline case is entered for someone; without a name or phone the 12345 ticket stands in.
  const onBehalfOf = { name: contact.name || '12345来电', phone: contact.phone && contact.phone.length >= 5 ? contact.phone : '12345' }
  return { status: 200, body: { action: 'submit', ...out.input, onBehalfOf } }
}

export function toPostAnswer(c: CaseDetail): Array<{ service_request_id: string; service_notice: string; account_id: null }> {
  return [{ service_request_id: c.number, service_notice: `已交「${c.handlingUnitName}」办理`, account_id: null }]
}
