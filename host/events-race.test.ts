import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { BASE_SEEDS, seedDemo } from '../demo'
import { createHost, signToken, type Host } from '.'
import { createSettableClock } from '../cloudfunctions/core/local-runtime'
import { COLLECTIONS } from '../cloudfunctions/core/collections'
import { entryOf } from '../cloudfunctions/events/book'
import { EVENT_COLLECTIONS as E, type BookDoc, type RegistrationDoc } from '../cloudfunctions/events/collections'
import { draft, NOW, SECRETARY } from '../cloudfunctions/events/test-helpers'

/*
 * The 1,000-for-100 race through the real HTTP host: every sign-up is a separate request
 * with its own token, 50 in flight at once (the per-address rate limit is off: every
 * request comes from 127.0.0.1), so the seat book sees true interleaving. It
 * takes about 10 s of CPU (some 20 database round trips per sign-up); the timeout allows
 * for a shared machine. Client and host share one process here, so a busy event loop can
 * let the host's 5 s keep-alive timer close a socket just as fetch reuses it (ECONNRESET on
 * a loaded machine); the keep-alive is long in this test because the race under test is
 * the seat book's, not the socket's.
 */

const SECRET = 'race-secret'
const PEOPLE = 1000
const SEATS = 100
const IN_FLIGHT = 50

let host: Host
let url: string
let work: string

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'minhu-events-race-'))
  host = createHost({
    dbFile: ':memory:',
    devMode: false,
    secret: SECRET,
    h5Dir: work,
    dataDir: work,
    clock: createSettableClock(NOW),
    sweepIntervalMs: 0,
    log: () => undefined,
    quiet: true,
    rateLimits: false,
    timeouts: { keepAliveMs: 120_000 },
  })
  url = await host.listen(0)
  await seedDemo(host.runtime, BASE_SEEDS)
  const users = host.runtime.db.collection(COLLECTIONS.users)
  for (let i = 0; i < PEOPLE; i++) {
    await users.doc(`race-${i}`).set({
      name: `居民${i}`,
      phone: `137${String(i).padStart(8, '0')}`,
      communityId: 'c-dongxianmen',
      createdAt: NOW,
      updatedAt: NOW,
    })
  }
}, 120_000)

afterAll(async () => {
  await host.close()
  rmSync(work, { recursive: true, force: true })
})

async function call(
  openid: string,
  body: Record<string, unknown>,
): Promise<{ ok: boolean; data?: any; error?: { code: string } }> {
  const res = await fetch(`${url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${signToken(openid, SECRET)}` },
    body: JSON.stringify(body),
  })
  return res.json()
}

describe('events.signUp race through the host', () => {
  it('should confirm exactly 100 of 1,000 residents and line up the other 900 at positions 1..900', async () => {
    const created = await call(SECRETARY, { action: 'create', ...draft({ capacity: SEATS }) })
    const eventId = created.data.id as string
    expect((await call(SECRETARY, { action: 'publish', eventId })).ok).toBe(true)

    const people = Array.from({ length: PEOPLE }, (_, i) => `race-${i}`)
    const answers: Array<{ ok: boolean; data?: any }> = new Array(PEOPLE)
    let next = 0
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < PEOPLE) {
          const i = next++
          answers[i] = await call(people[i]!, { action: 'signUp', eventId, clientRequestId: `race-request-${i}` })
        }
      }),
    )

    expect(answers.filter((a) => !a.ok)).toEqual([])
    const statuses = answers.map((a) => a.data.registration.status)
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(SEATS)
    expect(statuses.filter((s) => s === 'waiting')).toHaveLength(PEOPLE - SEATS)
    const positions = answers
      .map((a) => a.data.registration.waitPosition)
      .filter((p) => p !== undefined)
      .sort((a, b) => a - b)
    expect(positions).toEqual(Array.from({ length: PEOPLE - SEATS }, (_, i) => i + 1))

    const db = host.runtime.db
    const book = ((await db.collection(E.books).doc(eventId).get()).data as BookDoc[])[0]!
    expect(book).toMatchObject({ free: 0, waitingCount: PEOPLE - SEATS })
    expect(new Set([...book.holders, ...book.waitlist]).size).toBe(PEOPLE)
    const regs: RegistrationDoc[] = []
    for (let skip = 0; skip < PEOPLE + 1; skip += 500)
      regs.push(
        ...((await db.collection(E.registrations).where({ eventId }).skip(skip).limit(500).get())
          .data as RegistrationDoc[]),
      )
    expect(regs).toHaveLength(PEOPLE)
    expect(
      regs
        .filter((r) => r.status === 'confirmed')
        .map((r) => entryOf(r._id))
        .sort(),
    ).toEqual([...book.holders].sort())
    // A retry of any request answers the same registration and adds nothing.
    const retry = await call(people[0]!, { action: 'signUp', eventId, clientRequestId: 'race-request-0' })
    expect(retry.data).toMatchObject({ created: false, registration: { status: statuses[0] } })
  }, 180_000)
})
