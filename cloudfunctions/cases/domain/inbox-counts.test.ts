import { boxesOf, tallyBoxes, type BoxFacts } from './inbox-counts'

const AT = '2026-11-22T02:00:00.000Z'
const BEFORE = '2026-11-21T02:00:00.000Z'
const AFTER = '2026-11-23T02:00:00.000Z'
const UNIT = 'g-1'

const base: BoxFacts = {
  status: 'pending_sign',
  handlingUnitId: UNIT,
  unitScope: ['c-1', UNIT],
  ackDueAt: AFTER,
  handleDueAt: AFTER,
  revisitDueAt: null,
  rating: null,
  extension: null,
}

describe('boxesOf', () => {
  it.each<[string, Partial<BoxFacts>, string, boolean, string[]]>([
    ['unsigned in time', {}, UNIT, false, ['to_sign']],
    ['unsigned past the acknowledgement deadline', { ackDueAt: BEFORE }, UNIT, false, ['to_sign', 'overdue']],
    ['processing in time', { status: 'processing' }, UNIT, false, ['processing']],
    [
      'processing past the handling deadline',
      { status: 'processing', handleDueAt: BEFORE },
      UNIT,
      false,
      ['processing', 'overdue'],
    ],
    [
      'returned past the handling deadline',
      { status: 'returned', handleDueAt: BEFORE },
      UNIT,
      false,
      ['returned', 'overdue'],
    ],
    ['resolved, unrated, revisit due now', { status: 'resolved', revisitDueAt: AT }, UNIT, false, ['revisit']],
    ['resolved, unrated, revisit not yet due', { status: 'resolved', revisitDueAt: AFTER }, UNIT, false, []],
    [
      'resolved and rated',
      { status: 'resolved', revisitDueAt: BEFORE, rating: { value: 'satisfied' } },
      UNIT,
      false,
      [],
    ],
    ['closed', { status: 'closed' }, UNIT, false, []],
    [
      'an extension below, for its supervisor',
      { status: 'processing', extension: { status: 'requested' } },
      'c-1',
      true,
      ['extension'],
    ],
    [
      'an extension below, for someone who does not supervise',
      { status: 'processing', extension: { status: 'requested' } },
      'c-1',
      false,
      [],
    ],
    ['an extension already decided', { status: 'processing', extension: { status: 'approved' } }, 'c-1', true, []],
    ['an extension outside the unit', { status: 'processing', extension: { status: 'requested' } }, 'c-2', true, []],
  ])('should put a case %s in the right boxes', (_name, facts, unitId, supervises, boxes) => {
    expect(boxesOf({ ...base, ...facts }, unitId, AT, supervises)).toEqual(boxes)
  })
})

describe('tallyBoxes', () => {
  it('should count each case in every box it belongs to', () => {
    const cases = [base, { ...base, ackDueAt: BEFORE }, { ...base, status: 'processing' as const, handleDueAt: BEFORE }]
    expect(tallyBoxes(cases, UNIT, AT, false)).toEqual({
      to_sign: 2,
      processing: 1,
      returned: 0,
      overdue: 2,
      revisit: 0,
      extension: 0,
    })
  })
})
