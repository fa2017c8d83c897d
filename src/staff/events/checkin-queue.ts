import type { CallErrorCode } from '../../services/errors'

/*
 * The staff's check-in list keeps working with a poor connection: a check-in that cannot
 * reach the server waits on the device with the moment it was made, and is sent again
 * later in order. What the server then refuses (a code cancelled meanwhile, another event's
 * code) becomes a conflict that stays on screen until staff have seen it: nothing is lost.
 */

export type QueuedCheckIn =
  | { kind: 'code'; code: string }
  | { kind: 'person'; attendeeId: string }
  | { kind: 'walkIn'; name: string; phone: string }

export interface QueueEntry {
  id: string
  /** What staff see in the queue: the typed code, the person's name. */
  label: string
  checkIn: QueuedCheckIn
  scannedAt: string
  state: 'pending' | 'conflict'
  message: string | null
}

/** What sending one check-in came to: done with the line to show, or failed with the error's code and message. */
export type SendOutcome = { ok: true; message: string } | { ok: false; code: CallErrorCode; message: string }

export function enqueue(
  queue: readonly QueueEntry[],
  checkIn: QueuedCheckIn,
  label: string,
  scannedAt: Date,
): QueueEntry[] {
  const id = `${scannedAt.getTime().toString(36)}-${queue.length}-${Math.random().toString(36).slice(2, 8)}`
  return [...queue, { id, label, checkIn, scannedAt: scannedAt.toISOString(), state: 'pending', message: null }]
}

/**
 * Sends the pending entries in the order they were made. A network failure stops the run
 * and keeps the rest pending; a refusal marks that entry a conflict and the run goes on.
 */
export async function syncQueue(
  queue: readonly QueueEntry[],
  send: (entry: QueueEntry) => Promise<SendOutcome>,
): Promise<{ queue: QueueEntry[]; done: string[] }> {
  const next: QueueEntry[] = []
  const done: string[] = []
  let offline = false
  for (const entry of queue) {
    if (offline || entry.state !== 'pending') {
      next.push(entry)
      continue
    }
    const outcome = await send(entry)
    if (outcome.ok) done.push(`${entry.label}：${outcome.message}`)
    else if (outcome.code === 'NETWORK') {
      offline = true
      next.push(entry)
    } else next.push({ ...entry, state: 'conflict', message: outcome.message })
  }
  return { queue: next, done }
}

/** Staff have read a conflict: it leaves the queue. */
export function dismiss(queue: readonly QueueEntry[], id: string): QueueEntry[] {
  return queue.filter((e) => e.id !== id)
}

/** Only well-formed entries survive a read from storage (an older app version, a damaged value). */
export function parseQueue(raw: unknown): QueueEntry[] {
  if (!Array.isArray(raw)) return []
  return raw.filter(
    (e): e is QueueEntry =>
      typeof e === 'object' &&
      e !== null &&
      typeof e.id === 'string' &&
      typeof e.scannedAt === 'string' &&
      typeof e.checkIn === 'object' &&
      (e.state === 'pending' || e.state === 'conflict'),
  )
}
