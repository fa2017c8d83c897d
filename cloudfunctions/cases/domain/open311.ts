import { CASE_STATUS_LABELS, DISPOSITION_LABELS, OPEN_CASE_STATUSES, type CaseStatus, type Category, type Disposition, type SubmitCaseInput } from '../../../types/cases'
import { isoWithOffset } from './deadlines'

/*
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), so 12345 hotline systems and other
 * tools can read and create our cases. Pure mapping; the host serves the routes.
 * - GET services: service_code, service_name, description, metadata, type, keywords, group.
 * - GET requests / request: service_request_id, status (open|closed), status_notes,
 *   service_name, service_code, description, agency_responsible, service_notice,
 *   requested_datetime, updated_datetime, expected_datetime, address, address_id, zipcode,
 *   lat, long, media_url. Date/times are ISO 8601 with an offset (we give +08:00).
 * - POST requests: service_code plus a location (lat & long, address_string or address_id);
 *   answers service_request_id (or a token), service_notice, account_id.
 * - errors: a list of {code, description}.
 * Our human-readable case number is the service_request_id; groups are level-1 categories.
 */

export interface Open311Service {
  service_code: string
  service_name: string
  description: string
  metadata: boolean
  type: 'realtime' | 'batch' | 'blackbox'
  keywords: string
  group: string
}

/** Leaf categories become services; we ask no extra attributes, so metadata is false and creation realtime. */
export function toServices(categories: readonly Category[]): Open311Service[] {
  const groups = new Map(categories.filter((c) => c.parentCode === null).map((c) => [c.code, c.name]))
  return categories
    .filter((c) => c.parentCode !== null && c.active)
    .sort((a, b) => a.order - b.order || a.code.localeCompare(b.code))
    .map((c) => ({
      service_code: c.code,
      service_name: c.name,
      description: c.description,
      metadata: false,
      type: 'realtime',
      keywords: c.keywords.join(','),
      group: groups.get(c.parentCode!) ?? '',
    }))
}

export interface Open311Request {
  service_request_id: string
  status: 'open' | 'closed'
  status_notes: string
  service_name: string
  service_code: string
  description: string
  agency_responsible: string
  service_notice: string
  requested_datetime: string
  updated_datetime: string
  expected_datetime: string
  address: string
  address_id: string
  zipcode: string
  lat: number | null
  long: number | null
  media_url: string
}

/** The fields of a case the mapping reads (a stored case has them all). */
export interface Open311Case {
  number: string
  status: CaseStatus
  categoryCode: string
  categoryName: string
  description: string
  handlingUnitName: string
  submittedAt: string
  updatedAt: string
  handleDueAt: string
  address: string
  location: { lng: number; lat: number } | null
  resolution: { disposition: Disposition; reply: string } | null
  duplicateOf: string | null
}

/**
 * One case as a service request. `agency_responsible` is the unit handling it now;
 * `expected_datetime` its handling deadline; `status_notes` what a caller to 12345 would
 * be told: the reply for a closed case, the stage for an open one. Photos are served
 * through `media_url` when the caller resolves one (the first photo).
 */
export function toServiceRequest(c: Open311Case, mediaUrl = ''): Open311Request {
  const open = OPEN_CASE_STATUSES.includes(c.status)
  let notes: string = CASE_STATUS_LABELS[c.status]
  if (c.resolution) notes = `${DISPOSITION_LABELS[c.resolution.disposition]}：${c.resolution.reply}`
  if (c.status === 'duplicate') notes = `与${c.duplicateOf ?? '另一件诉求'}重复，已合并办理`
  return {
    service_request_id: c.number,
    status: open ? 'open' : 'closed',
    status_notes: notes,
    service_name: c.categoryName,
    service_code: c.categoryCode,
    description: c.description,
    agency_responsible: c.handlingUnitName,
    service_notice: '',
    requested_datetime: isoWithOffset(c.submittedAt),
    updated_datetime: isoWithOffset(c.updatedAt),
    expected_datetime: isoWithOffset(c.handleDueAt),
    address: c.address,
    address_id: '',
    zipcode: '',
    lat: c.location?.lat ?? null,
    long: c.location?.lng ?? null,
    media_url: mediaUrl,
  }
}

export interface Open311Error {
  code: number
  description: string
}

const num = (v: unknown): number | null => {
  if (v === undefined || v === null || v === '') return null
  const n = Number(v)
  return Number.isFinite(n) ? n : null
}
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

/**
 * A POST request's form fields as our submit input (channel `hotline`). The client's
 * identity is not taken from the form: the host decides which account the API key
 * belongs to. `clientRequestId` comes from the caller's idempotency key.
 */
export function fromPostRequest(
  form: Record<string, unknown>,
  clientRequestId: string,
): { ok: true; input: SubmitCaseInput } | { ok: false; errors: Open311Error[] } {
  const errors: Open311Error[] = []
  const serviceCode = str(form.service_code)
  if (!serviceCode) errors.push({ code: 400, description: 'service_code is required' })
  const lat = num(form.lat)
  const lng = num(form.long)
  const address = str(form.address_string)
  const hasPoint = lat !== null && lng !== null
  if (!hasPoint && !address && !str(form.address_id)) errors.push({ code: 400, description: 'a location is required: lat and long, address_string or address_id' })
  if (hasPoint && (Math.abs(lat) > 90 || Math.abs(lng) > 180)) errors.push({ code: 400, description: 'lat/long out of range' })
  const description = str(form.description)
  if (!description) errors.push({ code: 400, description: 'description is required' })
  if (errors.length) return { ok: false, errors }
  const name = `${str(form.last_name)}${str(form.first_name)}`.slice(0, 20)
  const mediaUrl = str(form.media_url)
  return {
    ok: true,
    input: {
      clientRequestId,
      categoryCode: serviceCode,
      description: description.slice(0, 500),
      photos: mediaUrl ? [mediaUrl] : [],
      location: hasPoint ? { lng, lat } : null,
      address: address.slice(0, 100),
      channel: 'hotline',
      contact: { name, phone: str(form.phone).replace(/[^0-9+\-\s]/g, '').slice(0, 20) },
    },
  }
}

export interface RequestsQuery {
  ids: string[] | null
  serviceCodes: string[] | null
  status: 'open' | 'closed' | null
  start: Date
  end: Date
}

const MAX_SPAN_MS = 90 * 24 * 3_600_000

/**
 * GET requests' query. `service_request_id` (comma separated) overrides everything else;
 * without dates the last 90 days are searched, and a range may not span more than 90 days.
 */
export function parseRequestsQuery(q: Record<string, unknown>, now: Date): { ok: true; query: RequestsQuery } | { ok: false; errors: Open311Error[] } {
  const list = (v: unknown) => {
    const items = str(v).split(',').map((s) => s.trim()).filter(Boolean)
    return items.length ? items : null
  }
  const ids = list(q.service_request_id)
  const status = str(q.status)
  if (status && status !== 'open' && status !== 'closed') return { ok: false, errors: [{ code: 400, description: 'status must be open or closed' }] }
  const parse = (v: unknown): Date | null | 'bad' => {
    const s = str(v)
    if (!s) return null
    const t = Date.parse(s)
    return Number.isNaN(t) ? 'bad' : new Date(t)
  }
  const startIn = parse(q.start_date)
  const endIn = parse(q.end_date)
  if (startIn === 'bad' || endIn === 'bad') return { ok: false, errors: [{ code: 400, description: 'start_date and end_date must be ISO 8601 date/times' }] }
  const end = endIn ?? (startIn ? new Date(Math.min(now.getTime(), startIn.getTime() + MAX_SPAN_MS)) : now)
  const start = startIn ?? new Date(end.getTime() - MAX_SPAN_MS)
  if (end.getTime() < start.getTime()) return { ok: false, errors: [{ code: 400, description: 'end_date is before start_date' }] }
  if (!ids && end.getTime() - start.getTime() > MAX_SPAN_MS) return { ok: false, errors: [{ code: 400, description: 'the date range may not span more than 90 days' }] }
  return {
    ok: true,
    query: { ids, serviceCodes: ids ? null : list(q.service_code), status: ids ? null : (status as 'open' | 'closed') || null, start, end },
  }
}
