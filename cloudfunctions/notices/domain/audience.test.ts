import { membershipTargets, type TargetUnit } from './audience'

const street: TargetUnit = { _id: 's1', kind: 'street', ancestors: ['d1'] }
const c1: TargetUnit = { _id: 'c1', kind: 'community', ancestors: ['d1', 's1'] }
const c2: TargetUnit = { _id: 'c2', kind: 'community', ancestors: ['d1', 's1'] }
const g11: TargetUnit = { _id: 'g11', kind: 'grid', ancestors: ['d1', 's1', 'c1'] }
const g12: TargetUnit = { _id: 'g12', kind: 'grid', ancestors: ['d1', 's1', 'c1'] }
const g21: TargetUnit = { _id: 'g21', kind: 'grid', ancestors: ['d1', 's1', 'c2'] }
const joint: TargetUnit = { _id: 'c1-sfb', kind: 'joint_office', ancestors: ['d1', 's1', 'c1'] }
const b3: TargetUnit = { _id: 'b3', kind: 'building', ancestors: ['d1', 's1', 'c1', 'g11', 'e1'] }
const below = [c1, c2, g11, g12, g21, joint]

describe('membershipTargets', () => {
  it.each<[string, TargetUnit[], string[]]>([
    ['one grid', [g11], ['g11']],
    ['two grids of one community', [g12, g11], ['g11', 'g12']],
    ['a community and one of its grids (overlap)', [g11, c1], ['c1']],
    ['a street (its communities)', [street], ['c1', 'c2']],
    ['a street and a grid below it', [g21, street], ['c1', 'c2']],
    ['the same grid twice', [g11, g11], ['g11']],
    ['a 三方办 (nobody lives in it)', [joint], []],
    ['one building', [b3], ['b3']],
    ['a building and its grid', [b3, g11], ['g11']],
  ])('should read residents of %s from each unit once', (_name, chosen, expected) => {
    expect(membershipTargets(chosen, below).map((u) => u._id)).toEqual(expected)
  })
})
