import type { CaseStatus } from '../../../types/cases'
import { allowedActions, CASE_ACTIONS, decide, type Actor, type CaseActionName, type CaseFacts } from './state-machine'

const now = new Date('2026-12-10T00:00:00Z')
const STATES: CaseStatus[] = ['pending_sign', 'processing', 'returned', 'resolved', 'closed', 'duplicate']
const ACTORS: Record<string, Actor> = {
  petitioner: { petitioner: true, handler: false, supervisor: false },
  resident: { petitioner: false, handler: false, supervisor: false },
  handler: { petitioner: false, handler: true, supervisor: false },
  supervisor: { petitioner: false, handler: true, supervisor: true },
  submitter: { petitioner: false, handler: false, supervisor: false, submitter: true },
}
type ActorName = keyof typeof ACTORS

/**
 * The specification, written out by hand: who may act, and from which state to which.
 * Everyone else gets FORBIDDEN; the right person in any other state gets CONFLICT.
 */
const SPEC: Record<CaseActionName, { who: ActorName[]; from: Partial<Record<CaseStatus, CaseStatus>> }> = {
  get: {
    who: ['petitioner', 'handler', 'supervisor', 'submitter'],
    from: {
      pending_sign: 'pending_sign',
      processing: 'processing',
      returned: 'returned',
      resolved: 'resolved',
      closed: 'closed',
      duplicate: 'duplicate',
    },
  },
  sign: { who: ['handler', 'supervisor'], from: { pending_sign: 'processing' } },
  addNote: {
    who: ['petitioner', 'handler', 'supervisor', 'submitter'],
    from: { pending_sign: 'pending_sign', processing: 'processing', returned: 'returned', resolved: 'resolved' },
  },
  transfer: {
    who: ['handler', 'supervisor'],
    from: { pending_sign: 'pending_sign', processing: 'pending_sign', returned: 'pending_sign' },
  },
  returnCase: { who: ['handler', 'supervisor'], from: { pending_sign: 'returned', processing: 'returned' } },
  requestExtension: { who: ['handler', 'supervisor'], from: { processing: 'processing' } },
  reviewExtension: { who: ['supervisor'], from: { processing: 'processing' } },
  supervise: {
    who: ['supervisor'],
    from: { pending_sign: 'pending_sign', processing: 'processing', returned: 'returned' },
  },
  resolve: { who: ['handler', 'supervisor'], from: { processing: 'resolved' } },
  markDuplicate: {
    who: ['handler', 'supervisor'],
    from: { pending_sign: 'duplicate', processing: 'duplicate', returned: 'duplicate' },
  },
  follow: {
    who: ['resident', 'submitter'],
    from: { pending_sign: 'pending_sign', processing: 'processing', returned: 'returned' },
  },
  rate: { who: ['petitioner'], from: { resolved: 'closed' } },
  recordRevisit: { who: ['handler', 'supervisor'], from: { resolved: 'closed' } },
}

/** Facts under which every guard passes, so the table tests person × state alone. */
function facts(status: CaseStatus, action: CaseActionName): CaseFacts {
  return {
    status,
    rated: false,
    extension: action === 'reviewExtension' ? { status: 'requested' } : null,
    revisitDueAt: '2026-12-01T00:00:00Z',
    isFollower: false,
  }
}

const rows = CASE_ACTIONS.flatMap((action) =>
  STATES.flatMap((state) =>
    Object.keys(ACTORS).map((actor) => {
      const spec = SPEC[action]
      const expected = !spec.who.includes(actor)
        ? action === 'follow'
          ? 'CONFLICT' // petitioner and handlers are already part of the case: not a permission matter
          : 'FORBIDDEN'
        : (spec.from[state] ?? 'CONFLICT')
      return { action, state, actor, expected }
    }),
  ),
)

describe('state-machine', () => {
  it.each(rows)(
    'should answer $expected when $actor tries $action on a $state case',
    ({ action, state, actor, expected }) => {
      const out = decide(action, facts(state, action), ACTORS[actor]!, now)
      expect(out.ok ? out.next : out.code).toBe(expected)
    },
  )

  it('should refuse a second rating with CONFLICT', () => {
    expect(decide('rate', { ...facts('resolved', 'rate'), rated: true }, ACTORS.petitioner!, now)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '这件诉求已经评价过了',
    })
  })

  it('should reopen to processing when the petitioner is dissatisfied', () => {
    expect(
      decide('rate', facts('resolved', 'rate'), ACTORS.petitioner!, now, { satisfaction: 'dissatisfied' }),
    ).toEqual({ ok: true, next: 'processing' })
    expect(
      decide('rate', facts('resolved', 'rate'), ACTORS.petitioner!, now, { satisfaction: 'basically_satisfied' }),
    ).toEqual({ ok: true, next: 'closed' })
    expect(
      decide('rate', facts('resolved', 'rate'), ACTORS.petitioner!, now, {
        satisfaction: 'dissatisfied',
        reopenCount: 1,
      }),
    ).toEqual({ ok: true, next: 'closed' })
  })

  it('should refuse a revisit before the two weeks are over', () => {
    const f = { ...facts('resolved', 'recordRevisit'), revisitDueAt: '2026-12-10T00:00:01Z' }
    expect(decide('recordRevisit', f, ACTORS.handler!, now)).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(decide('recordRevisit', f, ACTORS.handler!, new Date('2026-12-10T00:00:01Z'))).toMatchObject({ ok: true })
  })

  it('should refuse a revisit once the petitioner has rated', () => {
    expect(
      decide('recordRevisit', { ...facts('resolved', 'recordRevisit'), rated: true }, ACTORS.handler!, now),
    ).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('should refuse a second extension request and a review with nothing pending', () => {
    expect(
      decide(
        'requestExtension',
        { ...facts('processing', 'requestExtension'), extension: { status: 'approved' } },
        ACTORS.handler!,
        now,
      ),
    ).toMatchObject({ code: 'CONFLICT' })
    expect(
      decide(
        'reviewExtension',
        { ...facts('processing', 'reviewExtension'), extension: { status: 'approved' } },
        ACTORS.supervisor!,
        now,
      ),
    ).toMatchObject({ code: 'CONFLICT' })
    expect(
      decide(
        'reviewExtension',
        { ...facts('processing', 'reviewExtension'), extension: null },
        ACTORS.supervisor!,
        now,
      ),
    ).toMatchObject({ code: 'CONFLICT' })
  })

  it('should refuse following twice', () => {
    expect(
      decide('follow', { ...facts('processing', 'follow'), isFollower: true }, ACTORS.resident!, now),
    ).toMatchObject({ code: 'CONFLICT' })
  })

  it('should put the action and the state in the Chinese message', () => {
    expect(decide('sign', facts('resolved', 'sign'), ACTORS.handler!, now)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '诉求已办结，不能签收',
    })
    expect(decide('resolve', facts('processing', 'resolve'), ACTORS.resident!, now)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '您没有办结这件诉求的权限',
    })
  })
})

describe('allowedActions', () => {
  const base: CaseFacts = { status: 'processing', rated: false, extension: null, revisitDueAt: null, isFollower: false }
  it('should offer a handler the working buttons of a processing case', () => {
    expect(allowedActions(base, ACTORS.handler!, now)).toEqual([
      'addNote',
      'transfer',
      'returnCase',
      'requestExtension',
      'resolve',
      'markDuplicate',
    ])
  })
  it('should offer the petitioner only rating on a resolved case within the rating period', () => {
    expect(
      allowedActions({ ...base, status: 'resolved', revisitDueAt: '2026-12-20T00:00:00Z' }, ACTORS.petitioner!, now),
    ).toEqual(['addNote', 'rate'])
  })
  it('should offer nothing on a closed case', () => {
    expect(allowedActions({ ...base, status: 'closed', rated: true }, ACTORS.supervisor!, now)).toEqual([])
  })
})
