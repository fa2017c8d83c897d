import { audienceKeys, mayJoin, personKeys } from './audience'

const resident = personKeys({ homeUnits: ['c-1', 's-1', 'd-1'], places: [], partyUnits: [], volunteerUnits: [] })
const partyVolunteer = personKeys({
  homeUnits: ['c-1', 's-1', 'd-1'],
  places: ['g-1', 'e-1', 'b-1'],
  partyUnits: ['c-1', 's-1', 'd-1'],
  volunteerUnits: ['c-1', 's-1'],
})
const elsewhere = personKeys({ homeUnits: ['c-2', 's-2', 'd-1'], places: [], partyUnits: [], volunteerUnits: [] })

describe('audience', () => {
  it.each([
    [{ kind: 'everyone', placeIds: [] }, 'c-1', [true, true, true]],
    [{ kind: 'community', placeIds: [] }, 'c-1', [true, true, false]],
    // a street's "本社区" event reaches every community below it
    [{ kind: 'community', placeIds: [] }, 's-1', [true, true, false]],
    [{ kind: 'places', placeIds: ['g-1'] }, 'c-1', [false, true, false]],
    [{ kind: 'places', placeIds: ['b-1'] }, 'c-1', [false, true, false]],
    [{ kind: 'places', placeIds: ['b-2'] }, 'c-1', [false, false, false]],
    [{ kind: 'party_members', placeIds: [] }, 'c-1', [false, true, false]],
    [{ kind: 'volunteers', placeIds: [] }, 's-1', [false, true, false]],
  ] as const)('should let %j of %s reach [resident, party volunteer, elsewhere] = %j', (audience, unit, expected) => {
    const keys = audienceKeys({ ...audience, placeIds: [...audience.placeIds] }, unit)
    expect([mayJoin(keys, resident), mayJoin(keys, partyVolunteer), mayJoin(keys, elsewhere)]).toEqual(expected)
  })
})
