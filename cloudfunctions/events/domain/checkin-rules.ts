import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { CHECK_IN_LIMITS as L } from '../../../types/events-attendance-labels'

/*
 * The pure rules of check-in: the codes, the window, and how many service hours a visit
 * earns. No database, no clock: time is passed in.
 */

const MINUTE = 60_000
const HOUR = 3_600_000
/** Crockford's base32 without I, L, O and U: nothing to misread when typing a code off a screen. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

function base32(bytes: Buffer, length: number): string {
  let out = ''
  let bits = 0
  let value = 0
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= 0xff
  }
  return out
}

const mac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest()

/**
 * A person's code for one registration and round: the registration signed with the server's
 * secret, so nobody can make one, and a new round after a cancellation gets a new code.
 * Carries no openid: staff scan it.
 */
export function personalCode(secret: string, registrationId: string, round: number): string {
  return base32(mac(secret, `person|${registrationId}|${round}`), L.personalCodeLength)
}

/** The venue code of one event, as printed on the poster at the door. */
export function venueCodeOf(secret: string, eventId: string): string {
  return base32(mac(secret, `venue|${eventId}`), L.venueCodeLength)
}

/** Compares in constant time, so timing tells nothing about how much of a forged code was right. */
export function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * The opaque id of one person on an event's check-in list (a registration, or a walk-in's
 * key): the staff's check-in lists and actions carry it, one id whether the person signed up or walked in.
 */
export function attendeeKey(personRef: string): string {
  return createHash('sha256').update(personRef).digest('base64url').slice(0, 16)
}

export interface Window {
  opensAt: string
  closesAt: string
}

/** Check-in opens a while before the start and closes at the end. */
export function checkInWindow(startAt: string, endAt: string): Window {
  return {
    opensAt: new Date(new Date(startAt).getTime() - L.opensMinutesBefore * MINUTE).toISOString(),
    closesAt: endAt,
  }
}

export type WindowState = 'before' | 'open' | 'after'

export function windowState(w: Window, at: Date): WindowState {
  const t = at.toISOString()
  if (t < w.opensAt) return 'before'
  return t <= w.closesAt ? 'open' : 'after'
}

/**
 * When a check-in counts: now, or the moment an offline device scanned if earlier. A scan
 * from the future, or more than a day old, is refused (null).
 */
export function checkInMoment(now: Date, scannedAt: string | undefined): Date | null {
  if (!scannedAt) return now
  const at = new Date(scannedAt)
  if (Number.isNaN(at.getTime()) || at > now || now.getTime() - at.getTime() > 24 * HOUR) return null
  return at
}

/**
 * Hours a visit earns, in half hours: the real stay when a check-out was recorded, the
 * scheduled length otherwise; at least half an hour, at most the cap.
 */
export function serviceHours(v: {
  startAt: string
  endAt: string
  checkedInAt: string
  checkOutAt: string | null
}): number {
  const ms = v.checkOutAt
    ? new Date(v.checkOutAt).getTime() - new Date(v.checkedInAt).getTime()
    : new Date(v.endAt).getTime() - new Date(v.startAt).getTime()
  const halves = Math.floor(ms / (HOUR / 2))
  return Math.min(Math.max(halves, 1), L.hoursMax * 2) / 2
}

/** Staff find people by a part of the name or the last digits of the phone. */
export function matchesQuery(person: { name: string; phone: string }, q: string | undefined): boolean {
  if (!q) return true
  if (/^\d{1,11}$/.test(q)) return person.phone.endsWith(q)
  return person.name.includes(q)
}

export const phoneTail = (phone: string): string => phone.replace(/\D/g, '').slice(-4)
