import { CASE_LIMITS } from '../../../types/cases-labels'
import type { LngLat } from '../../../types/org'
import type { Open311Error } from './open311'

/*
 * POST requests (GeoReport v2): the form a client sends, checked field by field. Only
 * `service_code` and one location (lat & long, address_string or address_id) are required;
 * `description` is optional and may hold 4,000 characters, as the spec says. A field that is
 * too long is refused with its name, its length and the limit — never cut.
 */

/** A form as sent: every field may be repeated (FixMyStreet repeats `media_url`). */
export type Open311Form = Readonly<Record<string, readonly string[]>>

export const OPEN311_POST_LIMITS = {
  description: CASE_LIMITS.proxyDescriptionMax,
  address_string: CASE_LIMITS.addressMax,
  address_id: CASE_LIMITS.addressIdMax,
  first_name: 10,
  last_name: 10,
  phone: 20,
  media_url: 2048,
  /** How many media_url a request may carry (each is fetched and stored as a case photo). */
  mediaUrls: 3,
} as const

export interface Open311Post {
  serviceCode: string
  /** '' when the client sent none: the service turns it into a note. */
  description: string
  location: LngLat | null
  address: string
  addressId: string
  mediaUrls: string[]
  /** The petitioner as the client gave them (never shown in a GeoReport answer). */
  name: string
  phone: string
}

const first = (form: Open311Form, key: string): string => (form[key]?.find((v) => v.trim() !== '') ?? '').trim()

function number(value: string): number | null | 'bad' {
  if (value === '') return null
  const n = Number(value)
  return Number.isFinite(n) ? n : 'bad'
}

function location(form: Open311Form, errors: Open311Error[]): LngLat | null {
  const lat = number(first(form, 'lat'))
  const lng = number(first(form, 'long'))
  if (lat === 'bad' || lng === 'bad') {
    errors.push({ code: 400, description: 'lat and long must be decimal degrees (WGS84)' })
    return null
  }
  if ((lat === null) !== (lng === null)) {
    errors.push({ code: 400, description: 'lat and long must be sent together' })
    return null
  }
  if (lat === null || lng === null) return null
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    errors.push({ code: 400, description: 'lat/long out of range' })
    return null
  }
  return { lng, lat }
}

function mediaUrls(form: Open311Form, errors: Open311Error[]): string[] {
  // A multi-photo client sends the field again, or one field with several URLs.
  const urls = (form.media_url ?? []).flatMap((v) => v.split(/[\s,]+/)).filter(Boolean)
  if (urls.length > OPEN311_POST_LIMITS.mediaUrls) {
    errors.push({
      code: 400,
      description: `too many media_url: ${urls.length}, at most ${OPEN311_POST_LIMITS.mediaUrls}`,
    })
  }
  for (const url of urls) {
    if (url.length > OPEN311_POST_LIMITS.media_url) {
      errors.push({
        code: 400,
        description: `media_url is too long: ${url.length} characters, at most ${OPEN311_POST_LIMITS.media_url}`,
      })
    } else if (!/^https?:\/\/[^\s/]+/i.test(url)) {
      errors.push({ code: 400, description: `media_url must be an http or https URL: ${url.slice(0, 80)}` })
    }
  }
  return urls
}

/** The POST form as our fields, or every error at once (the spec answers a list). */
export function parsePost(form: Open311Form): { ok: true; post: Open311Post } | { ok: false; errors: Open311Error[] } {
  const errors: Open311Error[] = []
  const serviceCode = first(form, 'service_code')
  if (!serviceCode) errors.push({ code: 400, description: 'service_code is required' })
  for (const field of ['description', 'address_string', 'address_id', 'first_name', 'last_name', 'phone'] as const) {
    // UTF-16 units, as the cases contract counts: a Chinese character is one.
    const n = first(form, field).length
    const max = OPEN311_POST_LIMITS[field]
    if (n > max) errors.push({ code: 400, description: `${field} is too long: ${n} characters, at most ${max}` })
  }
  const point = location(form, errors)
  const address = first(form, 'address_string')
  const addressId = first(form, 'address_id')
  if (!point && !address && !addressId && !errors.some((e) => e.description.startsWith('lat'))) {
    errors.push({ code: 400, description: 'a location is required: lat and long, address_string or address_id' })
  }
  const phone = first(form, 'phone')
  if (phone && !/^[0-9+\-\s()]+$/.test(phone))
    errors.push({ code: 400, description: 'phone may hold only digits, spaces and + - ( )' })
  const urls = mediaUrls(form, errors)
  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    post: {
      serviceCode,
      description: first(form, 'description'),
      location: point,
      address,
      addressId,
      mediaUrls: urls,
      // Chinese order: family name first.
      name: `${first(form, 'last_name')}${first(form, 'first_name')}`,
      phone: phone.replace(/[()]/g, ''),
    },
  }
}
