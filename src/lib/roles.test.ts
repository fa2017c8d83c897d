import { can, unitsWith } from './roles'

const me = {
  capabilities: [
    { capability: 'cases.handle' as const, unitIds: ['c1', 'g1'] },
    { capability: 'volunteers.review' as const, unitIds: ['c1'] },
  ],
}

describe('can', () => {
  it('should answer from the capabilities users.me gave', () => {
    expect(can(me, 'volunteers.review')).toBe(true)
    expect(can(me, 'roles.manage')).toBe(false)
  })
  it('should say no before the profile has loaded', () => {
    expect(can(null, 'cases.handle')).toBe(false)
    expect(unitsWith(undefined, 'cases.handle')).toEqual([])
  })
  it('should list the units the capability is held at', () => {
    expect(unitsWith(me, 'cases.handle')).toEqual(['c1', 'g1'])
  })
})
