import type { WishAction, WishStatus } from '../../../types/wishes'

/*
 * Who may do what to a wish, in which status. Authorisation first (FORBIDDEN: none of the
 * caller's standings may ever take this action), then status (CONFLICT: right person, not
 * now), so a stranger learns nothing about a wish's progress from the error.
 */

/**
 * How the caller stands to one wish. A person can be several at once (a secretary who posts
 * a wish is `wisher` and `staff`). `volunteer` means "approved volunteer of the wish's
 * community"; `system` is the scheduler.
 */
export type WishActor = 'wisher' | 'claimer' | 'volunteer' | 'staff' | 'other' | 'system'

interface Rule {
  from: readonly WishStatus[]
  by: readonly WishActor[]
  to: WishStatus | 'same'
}

/**
 * The state machine as data. `to: 'same'` keeps the status (thanks are added to a done wish).
 * A claimer may not claim again and a wisher may not claim their own wish: `claim` is for a
 * `volunteer` who is neither.
 */
export const WISH_RULES: Record<WishAction, Rule> = {
  approve: { from: ['pending_review'], by: ['staff'], to: 'open' },
  reject: { from: ['pending_review'], by: ['staff'], to: 'rejected' },
  withdraw: { from: ['pending_review', 'open'], by: ['wisher'], to: 'withdrawn' },
  hide: { from: ['pending_review', 'open', 'claimed', 'fulfilled', 'confirmed'], by: ['staff'], to: 'hidden' },
  claim: { from: ['open'], by: ['volunteer'], to: 'claimed' },
  release: { from: ['claimed'], by: ['claimer'], to: 'open' },
  fulfil: { from: ['claimed'], by: ['claimer'], to: 'fulfilled' },
  confirm: { from: ['fulfilled'], by: ['wisher'], to: 'confirmed' },
  dispute: { from: ['fulfilled'], by: ['wisher'], to: 'claimed' },
  thank: { from: ['confirmed'], by: ['wisher'], to: 'same' },
  expire: { from: ['claimed'], by: ['system'], to: 'open' },
  autoConfirm: { from: ['fulfilled'], by: ['system'], to: 'confirmed' },
}

export type TransitionResult = { ok: true; to: WishStatus } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' }

/**
 * The next status, or why not: FORBIDDEN when none of the caller's standings may ever take
 * this action on this wish, CONFLICT when they may but not in its current status (it has
 * just been claimed, withdrawn, …). Who you are is checked before what state it is in, so a
 * stranger learns nothing about a wish's progress from the error.
 */
export function transition(from: WishStatus, action: WishAction, actors: readonly WishActor[]): TransitionResult {
  const rule = WISH_RULES[action]
  const claimBlocked = action === 'claim' && (actors.includes('wisher') || actors.includes('claimer'))
  if (!rule.by.some((a) => actors.includes(a)) || claimBlocked) return { ok: false, code: 'FORBIDDEN' }
  if (!rule.from.includes(from)) return { ok: false, code: 'CONFLICT' }
  return { ok: true, to: rule.to === 'same' ? from : rule.to }
}

/** Actions a person can take from the detail page (the scheduler's are never offered). */
export const PERSON_ACTIONS: readonly WishAction[] = [
  'approve',
  'reject',
  'withdraw',
  'hide',
  'claim',
  'release',
  'fulfil',
  'confirm',
  'dispute',
  'thank',
]

/** The actions this caller may take on this wish now (`can`): the app shows exactly these buttons. */
export function allowedActions(
  wish: { status: WishStatus; thanks: string | null },
  actors: readonly WishActor[],
): WishAction[] {
  return PERSON_ACTIONS.filter((a) => transition(wish.status, a, actors).ok && !(a === 'thank' && wish.thanks))
}
