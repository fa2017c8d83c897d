import { randomBytes } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import { normalizeCode } from '../../types/events-attendance-labels'
import { AppError } from '../core/app-error'
import { collection, isDuplicateWrite, transaction } from '../core/data'
import { ATTENDANCE_COLLECTIONS as A, type CodeDoc } from './attendance-collections'
import { personalCode, sameCode, venueCodeOf } from './domain/checkin-rules'

/*
 * Check-in codes: a person's code and the venue's, signed with a secret kept on the server,
 * each recorded in `event_codes` with what it was issued for.
 */

const KEY_ID = 'checkin'
const secrets = new WeakMap<Db, string>()

/** The secret codes are signed with: made once per database, kept on the server only. */
export async function codeSecret(db: Db, now: Date): Promise<string> {
  const known = secrets.get(db)
  if (known) return known
  const secret = await transaction(db, async (tx) => {
    const ref = tx.collection(A.keys).doc(KEY_ID)
    const got = await ref.get()
    if (got) return got.secret
    const made = randomBytes(32).toString('base64url')
    await ref.set({ secret: made, createdAt: now.toISOString() })
    return made
  })
  secrets.set(db, secret)
  return secret
}

/**
 * Records what a code was issued for, once: one insert, which an earlier issue of the same
 * code refuses (a code is made from what it is for, so the record already says the same).
 */
export async function issue(db: Db, code: string, body: Omit<CodeDoc, '_id'>): Promise<void> {
  try {
    await collection(db, A.codes).insertMany([{ _id: code, ...body }])
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
  }
}

/** The code typed or scanned (a venue code's URL carries it as `v=`), normalised; '' when it is none. */
export const codeIn = (raw: string) => normalizeCode(raw.replace(/^(?:.*[?&])?v=/, ''))

/** The code's record, if it is one we issued (signed with the secret), else NOT_FOUND. */
export async function verified(db: Db, code: string, doc: CodeDoc | null, now: Date): Promise<CodeDoc> {
  const invalid = new AppError('NOT_FOUND', '签到码无效，请核对后重试')
  // A refusal writes nothing: the secret is only made once a code was ever issued.
  if (!doc) throw invalid
  const secret = await codeSecret(db, now)
  const expected =
    doc.kind === 'venue' ? venueCodeOf(secret, doc.eventId) : personalCode(secret, doc.registrationId ?? '', doc.round)
  if (!sameCode(expected, code)) throw invalid
  return doc
}
