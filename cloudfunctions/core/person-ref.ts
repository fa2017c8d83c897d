import type { Db } from '@cloudbase/database'
import { AppError } from './app-error'
import { COLLECTIONS, type UserDoc } from './collections'
import { collection } from './data'
import { derivedId } from './ids'

/*
 * People travel to staff as an opaque `ref` (derivedId of the account), never as an openid:
 * no openid reaches anyone but its owner. A ref is stored on the user the first time it is
 * handed out (index `users.ref`), so an action given it back can find the person again.
 */

export function personRef(openid: string): string {
  return derivedId('person', openid)
}

/** Stores the refs about to be handed out on the users that lack one (older accounts). */
export async function keepRefs(db: Db, users: readonly UserDoc[]): Promise<void> {
  for (const u of users) {
    if (u.ref !== personRef(u._id))
      await collection(db, COLLECTIONS.users)
        .doc(u._id)
        .update({ ref: personRef(u._id) })
  }
}

/** The person a ref was handed out for; what a role or unit check then decides is the caller's. */
export async function personOf(db: Db, ref: string, missing = '找不到该人员，请重新搜索'): Promise<UserDoc> {
  const [user] = await collection(db, COLLECTIONS.users).where({ ref }).limit(1).get()
  if (!user) throw new AppError('NOT_FOUND', missing)
  return user
}
