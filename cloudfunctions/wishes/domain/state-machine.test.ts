import { WishActionSchema, WishStatusSchema, type WishAction, type WishStatus } from '../../../types/wishes'
import { transition, type WishActor } from './state-machine'

/**
 * The state machine as a table, written out by hand from the issue rather than derived
 * from WISH_RULES: every action, from every status, by every standing.
 */
const ALLOWED: [WishAction, WishActor, WishStatus[], WishStatus | 'same'][] = [
  ['approve', 'staff', ['pending_review'], 'open'],
  ['reject', 'staff', ['pending_review'], 'rejected'],
  ['withdraw', 'wisher', ['pending_review', 'open'], 'withdrawn'],
  ['hide', 'staff', ['pending_review', 'open', 'claimed', 'fulfilled', 'confirmed'], 'hidden'],
  ['claim', 'volunteer', ['open'], 'claimed'],
  ['release', 'claimer', ['claimed'], 'open'],
  ['fulfil', 'claimer', ['claimed'], 'fulfilled'],
  ['confirm', 'wisher', ['fulfilled'], 'confirmed'],
  ['dispute', 'wisher', ['fulfilled'], 'claimed'],
  ['thank', 'wisher', ['confirmed'], 'same'],
  ['expire', 'system', ['claimed'], 'open'],
  ['autoConfirm', 'system', ['fulfilled'], 'confirmed'],
]
const ACTORS: WishActor[] = ['wisher', 'claimer', 'volunteer', 'staff', 'other', 'system']

describe('wish state machine', () => {
  const rows: [WishAction, WishStatus, WishActor][] = []
  for (const action of WishActionSchema.options)
    for (const from of WishStatusSchema.options) for (const actor of ACTORS) rows.push([action, from, actor])

  it.each(rows)('should answer %s from %s by %s as the table says', (action, from, actor) => {
    const row = ALLOWED.find(([a, by]) => a === action && by === actor)
    const result = transition(from, action, [actor])
    if (!row) expect(result).toEqual({ ok: false, code: 'FORBIDDEN' })
    else if (!row[2].includes(from)) expect(result).toEqual({ ok: false, code: 'CONFLICT' })
    else expect(result).toEqual({ ok: true, to: row[3] === 'same' ? from : row[3] })
  })

  it('should cover every action in the table', () => {
    expect(new Set(ALLOWED.map((r) => r[0]))).toEqual(new Set(WishActionSchema.options))
  })

  it('should refuse a wisher claiming their own wish even when they are a volunteer', () => {
    expect(transition('open', 'claim', ['wisher', 'volunteer'])).toEqual({ ok: false, code: 'FORBIDDEN' })
  })

  it('should refuse the claimer claiming again', () => {
    expect(transition('claimed', 'claim', ['claimer', 'volunteer'])).toEqual({ ok: false, code: 'FORBIDDEN' })
  })

  it('should let a staff member who posted a wish both withdraw and approve it', () => {
    expect(transition('pending_review', 'withdraw', ['wisher', 'staff'])).toEqual({ ok: true, to: 'withdrawn' })
    expect(transition('pending_review', 'approve', ['wisher', 'staff'])).toEqual({ ok: true, to: 'open' })
  })

  it('should tell a volunteer who arrives second that the wish is taken (CONFLICT)', () => {
    expect(transition('claimed', 'claim', ['volunteer'])).toEqual({ ok: false, code: 'CONFLICT' })
  })
})
