import { AppError } from '../core/app-error'
import { transaction } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { notify } from '../core/outbox'
import { actorOf } from './actors'
import { CASE_COLLECTIONS, CASE_TX } from './collections'
import { decide } from './domain/state-machine'
import { followedNotice } from './notices'
import { loadCase, raise } from './transitions'
import { factsOf } from './views'

/** 我也遇到: a resident follows an open case instead of submitting the same thing again. */
export async function followCase(ctx: ActionContext, caseId: string): Promise<{ followerCount: number }> {
  const openid = ctx.requireCaller().openid
  const doc = await loadCase(ctx.rt.db, caseId)
  const out = decide('follow', factsOf(doc, openid), actorOf(doc, openid, ctx.assignments), ctx.now())
  if (!out.ok) raise(out)
  const count = await transaction(
    ctx.rt.db,
    async (tx) => {
      const ref = tx.collection(CASE_COLLECTIONS.cases).doc(caseId)
      const current = await ref.get()
      if (!current) return null
      if (current.followers.includes(openid)) return current.followerCount
      const followers = [...current.followers, openid]
      await ref.update({ followers, followerCount: followers.length })
      await notify(tx, followedNotice({ _id: caseId, number: current.number }, openid), ctx.now())
      return followers.length
    },
    CASE_TX,
  )
  if (count === null) throw new AppError('NOT_FOUND', '找不到这件诉求')
  return { followerCount: count }
}
