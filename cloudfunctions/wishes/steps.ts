import { thing } from '../../types/notifications'
import type { WishSettings } from '../../types/wishes'
import { AppError } from '../core/app-error'
import type { ActionContext } from '../core/define-function'
import { checkOwnPhotos } from '../core/photos'
import { freeSlot } from './claims'
import { WISH_COLLECTIONS as W, type LedgerDoc, type WishDoc } from './collections'
import { addDays } from './domain/dates'
import { wishNotice } from './notices'
import { loadSettings } from './settings'
import { personTransition, type Step } from './transitions'

/*
 * The steps of a wish's life after posting and claiming (claims.ts): each as a `Step` for
 * the transition engine, and the actions people take with them.
 */

/** Every step's change, by action; the sweeps take `expire` and `confirm(…, 'system')`. */
export const steps = {
  approve: (): Step => ({
    action: 'approve',
    change: (w, at, v) => ({
      by: 'staff',
      patch: { openedAt: at.toISOString(), rejectReason: null },
      notices: [wishNotice(w, v, w.wisherId, '心愿已上墙', `您的心愿“${thing(w.text)}”已通过审核，正在等待志愿者认领`)],
    }),
  }),
  reject: (reason: string): Step => ({
    action: 'reject',
    change: (w, _at, v) => ({
      by: 'staff',
      note: reason,
      patch: { rejectReason: reason },
      notices: [wishNotice(w, v, w.wisherId, '心愿未通过', `您的心愿未通过审核：${reason}`)],
    }),
  }),
  withdraw: (): Step => ({ action: 'withdraw', change: () => ({ by: 'wisher', notices: [] }) }),
  hide: (reason: string): Step => ({
    action: 'hide',
    change: (w, _at, v) => ({
      by: 'staff',
      note: reason,
      patch: { hideReason: reason },
      also: async (tx) => {
        if (w.status === 'claimed' && w.claimerId) await freeSlot(tx, w.claimerId)
      },
      notices: [
        wishNotice(w, v, w.wisherId, '心愿已隐藏', `社区隐藏了您的心愿：${reason}`),
        ...(w.claimerId && (w.status === 'claimed' || w.status === 'fulfilled')
          ? [wishNotice(w, v, w.claimerId, '心愿已隐藏', `您认领的心愿已被社区隐藏：${reason}`)]
          : []),
      ],
    }),
  }),
  release: (claimer: string, reason: string | undefined): Step => ({
    action: 'release',
    change: (w, _at, v) => ({
      by: 'volunteer',
      note: reason ?? null,
      patch: { claimerId: null, claimedAt: null, claimDeadline: null, disputeReason: null },
      also: (tx) => freeSlot(tx, claimer),
      notices: [
        wishNotice(
          w,
          v,
          w.wisherId,
          '心愿重新上墙',
          `志愿者放弃了认领，您的心愿“${thing(w.text)}”已回到心愿墙${reason ? `（${reason}）` : ''}`,
        ),
        wishNotice(w, v, claimer, '已放弃认领', `您已放弃认领心愿“${thing(w.text)}”`),
      ],
    }),
  }),
  fulfil: (note: string, photos: string[], autoConfirmDays: number): Step => ({
    action: 'fulfil',
    change: (w, at, v) => ({
      by: 'volunteer',
      note,
      patch: {
        fulfilNote: note,
        fulfilPhotos: photos,
        fulfilledAt: at.toISOString(),
        autoConfirmAt: addDays(at, autoConfirmDays),
      },
      also: (tx) => freeSlot(tx, w.claimerId!),
      notices: [
        wishNotice(
          w,
          v,
          w.wisherId,
          '请确认心愿',
          `志愿者已完成您的心愿“${thing(w.text)}”，请确认；${autoConfirmDays} 天内未确认将自动确认`,
        ),
      ],
    }),
  }),
  dispute: (reason: string, claimDays: number): Step => ({
    action: 'dispute',
    change: (w, at, v) => ({
      by: 'wisher',
      note: reason,
      patch: { disputeReason: reason, fulfilledAt: null, autoConfirmAt: null, claimDeadline: addDays(at, claimDays) },
      also: async (tx) => {
        const ref = tx.collection(W.claimSlots).doc(w.claimerId!)
        const slots = await ref.get()
        // Taking a slot marks it for the repair sweep, which must see any change since its count.
        await ref.set({ open: (slots?.open ?? 0) + 1, auditDueAt: at.toISOString() })
      },
      notices: [wishNotice(w, v, w.claimerId!, '心愿未完成', `心愿人反馈“${thing(w.text)}”尚未完成：${reason}`)],
    }),
  }),
  confirm: (settings: WishSettings, by: 'wisher' | 'system'): Step => ({
    action: by === 'wisher' ? 'confirm' : 'autoConfirm',
    change: (w, at, v) => ({
      by,
      note: by === 'system' ? `${settings.autoConfirmDays} 天未确认，系统自动确认` : null,
      patch: { confirmedAt: at.toISOString(), autoConfirmAt: null },
      also: async (tx) => {
        const entry: Omit<LedgerDoc, '_id'> = {
          openid: w.claimerId!,
          source: 'wish',
          sourceId: w._id,
          title: `微心愿：${thing(w.text)}`,
          hours: settings.hoursPerWish,
          points: settings.pointsPerWish,
          creditedAt: at.toISOString(),
        }
        await tx.collection(W.ledger).doc(`wish:${w._id}`).set(entry)
      },
      notices: [
        wishNotice(
          w,
          v,
          w.claimerId!,
          '心愿已确认',
          `心愿“${thing(w.text)}”已确认完成，记服务时长 ${settings.hoursPerWish} 小时、积分 ${settings.pointsPerWish}`,
        ),
        ...(by === 'system'
          ? [wishNotice(w, v, w.wisherId, '心愿已自动确认', `您的心愿“${thing(w.text)}”已自动确认完成`)]
          : []),
      ],
    }),
  }),
  thank: (text: string): Step => ({
    action: 'thank',
    change: (w, _at, v) => {
      if (w.thanks) throw new AppError('CONFLICT', '您已经留过感谢的话了')
      return {
        by: 'wisher',
        note: text,
        patch: { thanks: text },
        notices: [wishNotice(w, v, w.claimerId!, '收到感谢', `心愿人对您说：${text}`)],
      }
    },
  }),
  expire: (): Step => ({
    action: 'expire',
    change: (w, _at, v) => ({
      by: 'system',
      note: '认领超时，心愿回到心愿墙',
      patch: { claimerId: null, claimedAt: null, claimDeadline: null, disputeReason: null },
      also: (tx) => freeSlot(tx, w.claimerId!),
      notices: [
        wishNotice(
          w,
          v,
          w.wisherId,
          '心愿重新上墙',
          `认领超时，您的心愿“${thing(w.text)}”已回到心愿墙，等待其他志愿者认领`,
        ),
        wishNotice(w, v, w.claimerId!, '认领已超时', `您认领的心愿“${thing(w.text)}”已超过期限，已退回心愿墙`),
      ],
    }),
  }),
}

/** 审核: approval puts the wish on the wall; a refusal carries the reason the wisher reads. */
export function reviewWish(
  ctx: ActionContext,
  input: { wishId: string; decision: 'approve' | 'reject'; reason?: string },
) {
  return personTransition(ctx, input.wishId, () =>
    input.decision === 'approve' ? steps.approve() : steps.reject(input.reason!),
  )
}

export const withdrawWish = (ctx: ActionContext, input: { wishId: string }) =>
  personTransition(ctx, input.wishId, () => steps.withdraw())

export const hideWish = (ctx: ActionContext, input: { wishId: string; reason: string }) =>
  personTransition(ctx, input.wishId, () => steps.hide(input.reason))

export function releaseWish(ctx: ActionContext, input: { wishId: string; reason?: string }) {
  return personTransition(ctx, input.wishId, () => steps.release(ctx.requireCaller().openid, input.reason))
}

/** The community's rules for the wish (cached per runtime: no request on a warm one). */
const settingsOf = (ctx: ActionContext, wish: WishDoc) => loadSettings(ctx.rt.db, wish.communityId)

export async function fulfilWish(ctx: ActionContext, input: { wishId: string; note: string; photos: string[] }) {
  await checkOwnPhotos(ctx.rt.db, ctx.requireCaller().openid, input.photos)
  return personTransition(ctx, input.wishId, async (wish) =>
    steps.fulfil(input.note, input.photos, (await settingsOf(ctx, wish)).autoConfirmDays),
  )
}

export function confirmWish(ctx: ActionContext, input: { wishId: string }) {
  return personTransition(ctx, input.wishId, async (wish) => steps.confirm(await settingsOf(ctx, wish), 'wisher'))
}

export function disputeWish(ctx: ActionContext, input: { wishId: string; reason: string }) {
  return personTransition(ctx, input.wishId, async (wish) =>
    steps.dispute(input.reason, (await settingsOf(ctx, wish)).claimDays),
  )
}

export const thankWish = (ctx: ActionContext, input: { wishId: string; text: string }) =>
  personTransition(ctx, input.wishId, () => steps.thank(input.text))
