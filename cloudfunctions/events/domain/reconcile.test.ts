import { reconcileRegistration } from './reconcile'

describe('reconcileRegistration', () => {
  it.each([
    ['new', 'none', false, { kind: 'place' }],
    ['new', 'held', false, { kind: 'set', status: 'confirmed' }],
    ['new', 'held', true, { kind: 'set', status: 'pending' }],
    ['new', 'waiting', false, { kind: 'set', status: 'waiting' }],
    ['waiting', 'waiting', false, { kind: 'none' }],
    // promoted in the book, crashed before the registration was written
    ['waiting', 'offered', false, { kind: 'set', status: 'offered' }],
    ['waiting', 'held', true, { kind: 'set', status: 'confirmed' }],
    // accepted in the book, crashed before the registration was written
    ['offered', 'held', false, { kind: 'set', status: 'confirmed' }],
    ['confirmed', 'held', false, { kind: 'none' }],
    ['pending', 'held', true, { kind: 'none' }],
    // ended in the registration, crashed before the seat went back
    ['cancelled', 'held', false, { kind: 'release' }],
    ['cancelled', 'waiting', false, { kind: 'release' }],
    ['rejected', 'held', true, { kind: 'release' }],
    ['cancelled', 'none', false, { kind: 'none' }],
  ] as const)('should bring %s (book: %s, approval %s) in line with %j', (status, placement, approval, fix) => {
    expect(reconcileRegistration(status, placement, approval)).toEqual(fix)
  })
})
