import {
  CASE_STATUS_LABELS,
  DISPOSITION_LABELS,
  OPEN_CASE_STATUSES,
  type CaseStatus,
  type Disposition,
} from '../../../types/cases'
import type { Category } from '../../../types/cases-routing'

/*
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), so 12345 hotline systems and other
 * tools can read and create our cases. Pure mapping; the host serves the routes.
 * - GET services: service_code, service_name, description, metadata, type, keywords, group.
 * - GET requests / request: service_request_id, status (open|closed), status_notes,
 *   service_name, service_code, description, agency_responsible, service_notice,
 *   requested_datetime, updated_datetime, expected_datetime, address, address_id, zipcode,
 *   lat, long, media_url. Date/times are ISO 8601 with an offset (we give +08:00).
 * - POST requests (open311-post.ts): service_code plus a location (lat & long,
 *   address_string or address_id); every service is `realtime`, so the answer carries
 *   service_request_id (never a token, which the spec reserves for `batch` services),
 *   service_notice and account_id.
 * - GET requests' query and its limits: open311-query.ts.
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
  /** The 12345 system's address id; cases stored before it existed have none. */
  addressId?: string
  location: { lng: number; lat: number } | null
  resolution: { disposition: Disposition; reply: string } | null
  duplicateOf: string | null
}

/**
 * One case as a service request. `agency_responsible` is the unit handling it now;
 * `expected_datetime` its handling deadline; `status_notes` what a caller to 12345 would
 * be told: the reply for a closed case, the stage for an open one. `media_url` is what
 * the caller decided may be public (open311-service.ts: only photos that came in through
 * Open311 itself), or ''.
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
    requested_datetime: w3cShanghai(c.submittedAt),
    updated_datetime: w3cShanghai(c.updatedAt),
    expected_datetime: w3cShanghai(c.handleDueAt),
    address: c.address,
    address_id: c.addressId ?? '',
    zipcode: '',
    lat: c.location?.lat ?? null,
    long: c.location?.lng ?? null,
    media_url: mediaUrl,
  }
}

/** Shanghai has kept +08:00 without summer time since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000

/**
 * W3C date/time with +08:00, as GeoReport asks for. Plain arithmetic rather than dayjs's
 * time zone plugin, which costs ~1 ms a call — three per request, 200 requests a page.
 */
export function w3cShanghai(at: string): string {
  return `${new Date(Date.parse(at) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`
}

export interface Open311Error {
  code: number
  description: string
}

/** POST requests' answer: realtime services give the id at once (no token). */
export interface Open311PostAnswer {
  service_request_id: string
  service_notice: string
  account_id: null
}

export interface Open311Discovery {
  changeset: string
  contact: string
  key_service: string
  endpoints: Array<{
    specification: string
    url: string
    changeset: string
    type: 'production' | 'test'
    formats: string[]
  }>
}

/**
 * Service Discovery (wiki.open311.org/Service_Discovery): one GeoReport v2 endpoint at
 * `endpointUrl`, XML and JSON. `changeset` is when the service list last changed.
 */
export function toDiscovery(endpointUrl: string, changeset: string, production: boolean): Open311Discovery {
  return {
    changeset,
    contact: '请联系区级管理员（民呼我行 诉求办理）',
    key_service: 'api_key 由区级管理员为 12345 热线或其他系统的账号开通，该账号须为社区或街道工作人员',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: endpointUrl,
        changeset,
        type: production ? 'production' : 'test',
        formats: ['text/xml', 'application/json'],
      },
    ],
  }
}
