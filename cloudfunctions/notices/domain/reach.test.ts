import { receiptId, remindRefusal, seesContact, unitPathOf } from './reach'

describe('receiptId', () => {
  it('should be the same for the same notice and person, and different otherwise', () => {
    expect(receiptId('n1', 'openid-a')).toBe(receiptId('n1', 'openid-a'))
    expect(receiptId('n1', 'openid-a')).not.toBe(receiptId('n2', 'openid-a'))
    expect(receiptId('n1', 'openid-a')).not.toBe(receiptId('n1', 'openid-b'))
  })

  it('should not contain the openid', () => {
    expect(receiptId('n1', 'demo-resident-1')).not.toContain('resident')
  })
})

describe('unitPathOf', () => {
  it.each<[(string | null)[], string[]]>([
    [
      ['c1', 'g1', 'e1', 'b1'],
      ['*', 'c1', 'g1', 'e1', 'b1'],
    ],
    [['c1'], ['*', 'c1']],
    [[null], ['*']],
  ])('should place %j under %j', (units, path) => {
    expect(unitPathOf(units)).toEqual(path)
  })
})

describe('seesContact', () => {
  it.each<[string, string[], string[], boolean]>([
    ['the grid worker of the grid', ['g1'], ['*', 'c1', 'g1'], true],
    ['the grid worker of the grid, for someone with a building', ['g1'], ['*', 'c1', 'g1', 'e1', 'b1'], true],
    ['a grid worker of another grid', ['g2'], ['*', 'c1', 'g1'], false],
    ['the community secretary (outside the grid)', ['c1'], ['*', 'c1', 'g1'], false],
    ['the community secretary for someone with no grid', ['c1'], ['*', 'c1'], false],
  ])('should let %s see full contacts: %j at %j', (_who, viewer, path, sees) => {
    expect(seesContact(viewer, path)).toBe(sees)
  })
})

describe('remindRefusal', () => {
  const now = new Date('2026-11-22T02:00:00.000Z')
  it.each<[string, string | null, boolean, boolean]>([
    ['never reminded, with a grant', null, true, true],
    ['never reminded, without a grant', null, false, false],
    ['reminded 23 hours ago', '2026-11-21T03:00:00.000Z', true, false],
    ['reminded 25 hours ago', '2026-11-21T01:00:00.000Z', true, true],
  ])('should decide a reminder when %s', (_name, remindedAt, grant, allowed) => {
    expect(remindRefusal(now, remindedAt, grant) === null).toBe(allowed)
  })
})
