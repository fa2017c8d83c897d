import { AsyncLocalStorage } from 'node:async_hooks'

/** Requests one piece of work sent to an embedded database, by SDK action. */
export interface RequestTally {
  total: number
  byAction: Record<string, number>
}

const current = new AsyncLocalStorage<RequestTally>()

/**
 * Runs `fn` and counts the database requests it sends (each one is a network round trip
 * and a billed operation on CloudBase). The count follows the async context, so calls
 * running at the same time are counted apart.
 */
export async function countRequests<T>(fn: () => Promise<T>): Promise<{ result: T; requests: RequestTally }> {
  const requests: RequestTally = { total: 0, byAction: {} }
  const result = await current.run(requests, fn)
  return { result, requests }
}

/** Called by the seam for every request an embedded database receives. */
export function noteRequest(action: string): void {
  const tally = current.getStore()
  if (!tally) return
  tally.total++
  tally.byAction[action] = (tally.byAction[action] ?? 0) + 1
}
