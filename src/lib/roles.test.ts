import { hasAnyRole, ROLE_MANAGERS, VOLUNTEER_REVIEWERS } from './roles'

describe('hasAnyRole', () => {
  it('should let a community secretary review volunteers', () => {
    expect(hasAnyRole([{ role: 'community_secretary' }], VOLUNTEER_REVIEWERS)).toBe(true)
  })
  it('should not let a volunteer review volunteers', () => {
    expect(hasAnyRole([{ role: 'resident' }, { role: 'volunteer' }], VOLUNTEER_REVIEWERS)).toBe(false)
  })
  it('should let only the admin manage roles', () => {
    expect(hasAnyRole([{ role: 'street_staff' }], ROLE_MANAGERS)).toBe(false)
    expect(hasAnyRole([{ role: 'admin' }], ROLE_MANAGERS)).toBe(true)
  })
  it('should treat a missing profile as no roles', () => {
    expect(hasAnyRole(undefined, VOLUNTEER_REVIEWERS)).toBe(false)
  })
})
