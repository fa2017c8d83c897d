import type { Db } from '@cloudbase/database'
import { z } from 'zod'
import { OPEN_CASE_STATUSES } from '../../types/cases'
import type { Envelope, ErrorCode } from '../../types/envelope'
import { collection, type Where } from '../core/data'
import { toLngLat } from '../core/geo'
import { saveUpload, UPLOADS_COLLECTION } from '../core/photos'
import type { Runtime } from '../core/runtime'
import { CASE_COLLECTIONS, type CaseDoc } from './collections'
import {
  toServiceRequest,
  toServices,
  type Open311Error,
  type Open311PostAnswer,
  type Open311Request,
  type Open311Service,
} from './domain/open311'
import { serviceAreaPoints, SERVICE_RADIUS_KM, withinServiceArea } from './domain/open311-area'
import { parsePost, type Open311Form } from './domain/open311-post'
import { OPEN311_QUERY_LIMITS, parseRequestsQuery, type Open311Query } from './domain/open311-query'
import { orgTreeFor, toRoutingUnit } from './org-tree'
import { loadCategories } from './settings'

/*
 * What the host's Open311 GeoReport v2 routes call. Reading goes straight to the database:
 * a GeoReport answer carries no petitioner, no contact, no timeline beyond status_notes, and
 * no resident's photo (see `publicMedia`). Creating goes through the `cases` function as a
 * hotline submission by the API account, so routing, numbering, idempotency and
 * notifications are exactly those of the app.
 */

/** The statuses GeoReport errors are answered with (403 for anything about the api_key). */
export type Open311ErrorStatus = 400 | 403 | 404 | 429 | 500
export type Open311Answer<T> = { status: 200; body: T } | { status: Open311ErrorStatus; body: Open311Error[] }

/** Open311's status for a failed submission: 403 for anything about the api_key's account; 400 for a request we cannot fulfil. */
const OPEN311_STATUS: Record<ErrorCode, Open311ErrorStatus> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 400,
  RATE_LIMITED: 429,
  INTERNAL: 500,
}

const SubmittedSchema = z.object({ case: z.object({ number: z.string(), handlingUnitName: z.string() }) })

const fail = (
  status: Open311ErrorStatus,
  description: string,
): { status: Open311ErrorStatus; body: Open311Error[] } => ({ status, body: [{ code: status, description }] })

export async function open311Services(db: Db): Promise<Open311Service[]> {
  return toServices(await loadCategories(db))
}

/** The fields a GeoReport answer is made of: the rest of a case (timeline, contact…) is never read. */
const REQUEST_FIELDS = {
  number: true,
  status: true,
  categoryCode: true,
  categoryName: true,
  description: true,
  handlingUnitName: true,
  submittedAt: true,
  updatedAt: true,
  handleDueAt: true,
  address: true,
  addressId: true,
  location: true,
  resolution: true,
  duplicateOf: true,
  photos: true,
} as const
type RequestDoc = Pick<CaseDoc, keyof typeof REQUEST_FIELDS | '_id'>

/**
 * Public media: only a photo that reached us through Open311's own `media_url` — already
 * public at its source, whose URL is answered back. A resident's own photos (uploaded in the
 * app) are never in a GeoReport answer; staff and the petitioner see them in the app.
 */
async function publicMedia(db: Db, docs: readonly RequestDoc[]): Promise<Map<string, string>> {
  const firsts = [...new Set(docs.map((d) => d.photos[0]).filter((p): p is string => !!p))]
  if (firsts.length === 0) return new Map()
  const uploads = await collection(db, UPLOADS_COLLECTION)
    .where({ _id: db.command.in(firsts) })
    .limit(firsts.length)
    .get()
  return new Map(uploads.flatMap((u) => (u.sourceUrl ? [[u._id, u.sourceUrl]] : [])))
}

async function toRequests(db: Db, docs: readonly RequestDoc[]): Promise<Open311Request[]> {
  const media = await publicMedia(db, docs)
  return docs.map((d) => toServiceRequest({ ...d, location: toLngLat(d.location) }, media.get(d.photos[0] ?? '') ?? ''))
}

export interface RequestsPage {
  page: number
  pageSize: number
  /** Whether the next page may hold more (the host answers a `Link: rel="next"`). */
  more: boolean
}

/**
 * GET requests: by ids (at most 100), or by date range, service codes and status, newest
 * first, one page at a time (open311-query.ts). Served by the `submittedAt`,
 * `categoryCode_submittedAt`, `status_submittedAt` and `number` indexes.
 */
export async function open311Requests(
  rt: Runtime,
  query: Open311Query,
): Promise<Open311Answer<Open311Request[]> & { page?: RequestsPage }> {
  const parsed = parseRequestsQuery(query, rt.clock.now())
  if (!parsed.ok) return { status: 400, body: parsed.errors }
  const { db } = rt
  const _ = db.command
  const q = parsed.query
  const where: Where<CaseDoc> = q.ids
    ? { number: _.in(q.ids.map((i) => i.toUpperCase())) }
    : { submittedAt: _.gte(q.start.toISOString()).and(_.lte(q.end.toISOString())) }
  if (q.serviceCodes) where.categoryCode = _.in(q.serviceCodes)
  if (q.status === 'open') where.status = _.in([...OPEN_CASE_STATUSES])
  if (q.status === 'closed') where.status = _.nin([...OPEN_CASE_STATUSES])
  const skip = (q.page - 1) * q.pageSize
  // One more than a page says whether there is a next one, within the spec's first 1000.
  const take = Math.min(q.pageSize + 1, OPEN311_QUERY_LIMITS.window - skip)
  let cursor = collection(db, CASE_COLLECTIONS.cases).where(where).field(REQUEST_FIELDS).orderBy('submittedAt', 'desc')
  if (skip > 0) cursor = cursor.skip(skip)
  const docs = await cursor.limit(take).get()
  const more = docs.length > q.pageSize
  const body = await toRequests(db, docs.slice(0, q.pageSize))
  return { status: 200, body, page: { page: q.page, pageSize: q.pageSize, more } }
}

/** GET requests/<service_request_id>: a list of one, as the spec answers. */
export async function open311Request(rt: Runtime, number: string): Promise<Open311Answer<Open311Request[]>> {
  const [doc] = await collection(rt.db, CASE_COLLECTIONS.cases)
    .where({ number: number.trim().toUpperCase() })
    .field(REQUEST_FIELDS)
    .limit(1)
    .get()
  if (!doc) return fail(404, `service_request_id ${number} not found`)
  return { status: 200, body: await toRequests(rt.db, [doc]) }
}

/** GET tokens/<token>: tokens are no longer issued (every service is realtime); ones given out before still resolve. */
export async function open311Token(
  db: Db,
  token: string,
): Promise<Open311Answer<Array<{ service_request_id: string; token: string }>>> {
  const [found] = /^[a-f0-9]{32}$/.test(token)
    ? await collection(db, CASE_COLLECTIONS.cases).where({ _id: token }).field({ number: true }).limit(1).get()
    : []
  if (!found) return fail(404, `token ${token} not found`)
  return { status: 200, body: [{ service_request_id: found.number, token }] }
}

/** A fetched `media_url`, or why it could not be used (said to the client as is). */
export type FetchedMedia = { ok: true; content: Buffer; extension: string } | { ok: false; description: string }

export interface Open311SubmitDeps {
  /** Invokes `cases` as the API account. */
  submit(event: Record<string, unknown>): Promise<Envelope<unknown>>
  /** Fetches one media_url (the host's network policy: size, type, timeout). */
  fetchMedia(url: string): Promise<FetchedMedia>
}

/** Is the point inside the deployment (open311-area.ts)? */
async function inServiceArea(db: Db, point: { lng: number; lat: number }): Promise<boolean> {
  const units = [...(await orgTreeFor(db)).byId.values()].map((u) => ({
    center: toLngLat(u.center),
    boundary: toRoutingUnit(u).boundary,
  }))
  return withinServiceArea(serviceAreaPoints(units), point)
}

/**
 * POST requests: checks the form (400, every error at once), the service code (404), the
 * point (400 outside the area), fetches and stores each media_url as a photo of the API
 * account, then submits the case as that account with channel `hotline`.
 */
export async function open311Submit(
  rt: Runtime,
  openid: string,
  form: Open311Form,
  clientRequestId: string,
  deps: Open311SubmitDeps,
): Promise<Open311Answer<Open311PostAnswer[]>> {
  const parsed = parsePost(form)
  if (!parsed.ok) return { status: 400, body: parsed.errors }
  const post = parsed.post
  const service = (await open311Services(rt.db)).find((s) => s.service_code === post.serviceCode)
  if (!service) return fail(404, `service_code ${post.serviceCode} not found`)
  if (post.location && !(await inServiceArea(rt.db, post.location))) {
    return fail(
      400,
      `lat/long (${post.location.lat}, ${post.location.lng}) is outside the service area: more than ${SERVICE_RADIUS_KM} km from every district, street and community served here`,
    )
  }
  const photos: string[] = []
  for (const url of post.mediaUrls) {
    const media = await deps.fetchMedia(url)
    if (!media.ok) return fail(400, `media_url ${url.slice(0, 120)}: ${media.description}`)
    const fileId = await saveUpload(rt, `open311.${media.extension}`, media.content, openid)
    // The source URL was public already: it is what a GeoReport answer may show (publicMedia).
    await collection(rt.db, UPLOADS_COLLECTION).doc(fileId).update({ sourceUrl: url })
    photos.push(fileId)
  }
  const answer = await deps.submit({
    action: 'submit',
    clientRequestId,
    channel: 'hotline',
    categoryCode: service.service_code,
    description: post.description || `${service.service_name}（来电未附描述）`,
    photos,
    location: post.location,
    // Staff read the address; with only an id, the id is what they can look up.
    address: post.address || (post.addressId ? `地址编号 ${post.addressId}` : ''),
    addressId: post.addressId,
    // A hotline case is entered for someone; without a name or phone the 12345 ticket stands in.
    onBehalfOf: { name: post.name || '12345来电', phone: post.phone.length >= 5 ? post.phone : '12345' },
  })
  if (!answer.ok) {
    const status = OPEN311_STATUS[answer.error.code]
    const issue = answer.error.issues?.[0]
    return fail(status, issue ? `${issue.path.join('.')}: ${issue.message}` : answer.error.message)
  }
  // What `cases` answered is checked for the two fields the answer names (the invoke is untyped).
  const created = SubmittedSchema.parse(answer.data).case
  return {
    status: 200,
    body: [
      {
        service_request_id: created.number,
        service_notice: `已交「${created.handlingUnitName}」办理`,
        account_id: null,
      },
    ],
  }
}
