import type { EventDraftInput } from '../../types/events'
import type { Envelope } from '../../types/envelope'
import { COLLECTIONS } from '../core/collections'
import { createTestEnv, type TestEnv } from '../core/testing'
import type { OutboxDoc } from '../core/outbox'
import { EVENT_COLLECTIONS as E, type BookDoc, type RegistrationDoc } from './collections'
import { events } from './index'
import { ATTENDANCE_COLLECTIONS, type AttendanceDoc } from './attendance-collections'
import { isZeroTally, recountTallies } from './domain/figures'
import { RATING_COLLECTION, type RatingDoc } from './rating'
import { TALLY_COLLECTION, type TallyDoc } from './tally'
import { regIdFor } from './registrations'

/*
 * Shared set-up for the events function tests: the demo org tree and accounts only (so
 * the outbox starts empty), the clock at 10:00 Shanghai on Monday 2026-11-30, and helpers
 * to create, publish and sign up.
 */

export const NOW = '2026-11-30T02:00:00.000Z'
export const COMMUNITY = 'c-dongxianmen'
export const OTHER_COMMUNITY = 'c-xiamaling'
export const STREET = 's-baishulin'
export const SECRETARY = 'demo-secretary-1'
export const STREET_STAFF = 'demo-street-1'
export const RESIDENT = 'demo-resident-1'
export const RESIDENT_2 = 'demo-resident-2'
export const VOLUNTEER = 'demo-volunteer-1'

/** A valid draft: Saturday 2026-12-05 14:30–16:00 at 东县门社区, two seats. */
export function draft(over: Partial<EventDraftInput> = {}): EventDraftInput {
  return {
    unitId: COMMUNITY,
    kind: 'bench_meeting',
    title: '板凳会：楼院停车怎么管',
    description: '请大家坐下来一起商量。',
    place: { name: '社区活动室', address: '东县门街12号', location: { lng: 108.9593, lat: 34.2581 } },
    capacity: 2,
    date: '2026-12-05',
    startTime: '14:30',
    endTime: '16:00',
    organiser: { name: '陈静', phone: '02987654321' },
    ...over,
  }
}

export interface EventsHarness {
  env: TestEnv
  as<T = any>(openid: string, action: string, input?: Record<string, unknown>): Promise<Envelope<T>>
  /** Creates and publishes an event; answers its id. */
  published(over?: Partial<EventDraftInput>): Promise<string>
  /** Residents of 东县门社区 with names and phones. */
  residents(n: number, prefix?: string): Promise<string[]>
  signUp(openid: string, eventId: string, extra?: Record<string, unknown>): Promise<Envelope<any>>
  book(eventId: string): Promise<BookDoc>
  reg(eventId: string, openid: string): Promise<RegistrationDoc>
  /** [openid, title] of every outbox record about events, in queue order. */
  notices(): Promise<Array<[string, string]>>
  sweep(): Promise<void>
}

let requestSeq = 0

export function expectOk<T>(e: Envelope<T>): T {
  if (!e.ok) throw new Error(`expected ok, got ${e.error.code}: ${e.error.message}`)
  return e.data
}

/** Every stored tally is what recounting the attendance records and ratings gives (tally.ts). */
export async function expectTalliesRecount(env: TestEnv): Promise<void> {
  const recount = recountTallies(
    await env.docs<AttendanceDoc>(ATTENDANCE_COLLECTIONS.attendance),
    await env.docs<RatingDoc>(RATING_COLLECTION),
  )
  const stored = await env.docs<TallyDoc>(TALLY_COLLECTION)
  expect(Object.fromEntries(stored.map(({ _id, updatedAt: _at, ...t }) => [_id, t]))).toEqual(
    Object.fromEntries([...recount].filter(([id]) => stored.some((t) => t._id === id))),
  )
  for (const [id, t] of recount) if (!stored.some((s) => s._id === id)) expect([id, isZeroTally(t)]).toEqual([id, true])
}

export function errorOf(e: Envelope<unknown>): { code: string; message: string } {
  if (e.ok) throw new Error('expected an error')
  return e.error
}

export async function eventsHarness(now = NOW): Promise<EventsHarness> {
  const env = await createTestEnv({ now, seed: 'base', functions: { events } })
  const as = <T>(openid: string, action: string, input: Record<string, unknown> = {}) =>
    env.call<T>(openid, 'events', { action, ...input })
  const h: EventsHarness = {
    env,
    as,
    async published(over = {}) {
      const created = expectOk(await as<{ id: string }>(SECRETARY, 'create', draft(over) as Record<string, unknown>))
      expectOk(await as(SECRETARY, 'publish', { eventId: created.id }))
      return created.id
    },
    async residents(n, prefix = 'r') {
      const at = env.clock.now().toISOString()
      const ids = Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(4, '0')}`)
      for (const [i, id] of ids.entries()) {
        await env.rt.db
          .collection(COLLECTIONS.users)
          .doc(id)
          .set({
            name: `居民${i + 1}`,
            phone: `139${String(i).padStart(8, '0')}`,
            communityId: COMMUNITY,
            createdAt: at,
            updatedAt: at,
          })
      }
      return ids
    },
    signUp: (openid, eventId, extra = {}) =>
      as(openid, 'signUp', { eventId, clientRequestId: `req-${String(++requestSeq).padStart(8, '0')}`, ...extra }),
    book: async (eventId) => (await env.docs<BookDoc>(E.books, { _id: eventId }))[0]!,
    reg: async (eventId, openid) =>
      (await env.docs<RegistrationDoc>(E.registrations, { _id: regIdFor(eventId, openid) }))[0]!,
    async notices() {
      const res = await env.rt.db
        .collection(COLLECTIONS.outbox)
        .where({ dedupeKey: env.rt.db.command.neq(null) })
        .orderBy('createdAt', 'asc')
        .limit(1000)
        .get()
      return (res.data as OutboxDoc[]).filter((d) => d._id.startsWith('event:')).map((d) => [d.openid, d.title])
    },
    async sweep() {
      const { EVENT_SWEEPS } = await import('./sweeps')
      for (const s of EVENT_SWEEPS) await s.run(env.rt)
    },
  }
  return h
}
