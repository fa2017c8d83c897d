import type { UnitView } from '../../../types/org'
import { audienceChoices, senderUnits } from './units'

const unit = (id: string, kind: UnitView['kind'], ancestors: string[]): UnitView => ({
  id,
  name: id,
  kind,
  parentId: ancestors.at(-1) ?? null,
  ancestors,
  center: null,
  address: null,
})
const tree = [
  unit('s1', 'street', ['d1']),
  unit('c1', 'community', ['d1', 's1']),
  unit('c1-sfb', 'joint_office', ['d1', 's1', 'c1']),
  unit('g1', 'grid', ['d1', 's1', 'c1']),
  unit('b1', 'building', ['d1', 's1', 'c1', 'g1', 'e1']),
  unit('c2', 'community', ['d1', 's1']),
]

describe('audienceChoices', () => {
  it('should offer the sending unit and the places below it, widest first, and nothing beside it', () => {
    expect(audienceChoices(tree, 'c1').map((u) => u.id)).toEqual(['c1', 'g1', 'b1'])
  })
})

describe('senderUnits', () => {
  it('should list the units where users.me grants notices.publish', () => {
    const me = {
      roles: [
        { role: 'community_secretary' as const, unitId: 'c1', unitName: '东县门社区', unitKind: 'community' as const },
      ],
      capabilities: [{ capability: 'notices.publish' as const, unitIds: ['c1'] }],
    }
    expect(senderUnits(me)).toEqual([{ id: 'c1', name: '东县门社区', kind: 'community' }])
  })
})
