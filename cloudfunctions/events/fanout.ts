import type { Db } from '@cloudbase/database'
import { collection } from '../core/data'
import { join } from '../core/joins'
import { notify } from '../core/outbox'
import { ACTIVE_STATUSES, EVENT_COLLECTIONS as E, type EventDoc, type RegistrationDoc } from './collections'
import { eventNotice } from './domain/notices'
import { transitionReg } from './registrations'

/*
 * Messages to everyone signed up (a change of time or place, the cancellation or 本期暂停), driven by
 * the event's `fanout` mark: run by the action right away and by the sweep after a crash,
 * with per-person dedupe keys, so everyone is told once.
 */

const PAGE = 500

/** The first page of an event's registrations in the given statuses, read with the event (`docWith`). */
export const registrationsJoin = (db: Db, eventId: string, statuses: readonly string[]) =>
  join(
    E.registrations,
    { eventId, status: db.command.in([...statuses]) },
    { orderBy: ['joinedAt', 'asc'], limit: PAGE },
  )

/**
 * Every registration of an event in the given statuses (events hold at most a few
 * thousand), in sign-up order; `firstPage` is what `registrationsJoin` already brought.
 */
export async function registrationsOf(
  db: Db,
  eventId: string,
  statuses: readonly string[],
  firstPage?: RegistrationDoc[],
): Promise<RegistrationDoc[]> {
  const out: RegistrationDoc[] = []
  for (let skip = 0; ; skip += PAGE) {
    const page =
      skip === 0 && firstPage
        ? firstPage
        : await collection(db, E.registrations)
            .where({ eventId, status: db.command.in([...statuses]) })
            .orderBy('joinedAt', 'asc')
            .skip(skip)
            .limit(PAGE)
            .get()
    out.push(...page)
    if (page.length < PAGE) return out
  }
}

/**
 * Queues the event's pending fan-out, then clears the mark. Returns how many people were
 * told. `event` as the caller just wrote or read it: the mark is cleared only if it is
 * still the one run, and the dedupe keys make a second run (the sweep's) add nothing.
 */
export async function runFanout(db: Db, event: EventDoc, now: Date): Promise<number> {
  const eventId = event._id
  const fanout = event.fanout
  if (!fanout) return 0
  let told = 0
  // 本期暂停 ends registrations as a cancellation does, and says so in its own words.
  const skip = fanout.kind === 'skip'
  const regs = await registrationsOf(db, eventId, ACTIVE_STATUSES)
  for (const reg of regs) {
    if (fanout.kind === 'change') {
      if (!reg.openid) continue
      await notify(
        db,
        eventNotice(event, reg.openid, `${fanout.key}:${reg._id}`, fanout.title, fanout.body, '有变更'),
        now,
      )
      told++
    } else {
      const done = await transitionReg(
        db,
        reg._id,
        ACTIVE_STATUSES,
        (r) => ({
          patch: {
            status: 'cancelled',
            cancelReason: skip ? 'event_skipped' : 'event_cancelled',
            offerExpiresAt: null,
          },
          note: fanout.body,
          ends: true,
          notice: r.openid
            ? eventNotice(
                event,
                r.openid,
                `${fanout.key}:${r._id}`,
                fanout.title,
                fanout.body,
                skip ? '本期暂停' : '已取消',
                {
                  urgent: true,
                },
              )
            : null,
        }),
        now,
      )
      if (done?.openid) told++
    }
  }
  await db.collection(E.events).where({ _id: eventId, 'fanout.key': fanout.key }).update({ fanout: null })
  return told
}
