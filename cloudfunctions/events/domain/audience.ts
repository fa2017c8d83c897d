import type { Audience } from '../../../types/events-draft-parts'

/*
 * Who may see and join an event, as keys (pure). An event stores the keys of its audience;
 * a person holds keys for where they live and what they are; they may join when the two
 * share one. The list query is then one indexed `audienceKeys in myKeys`.
 * A place audience names grids, 小区 or 楼栋; a resident holds a key for each of those their
 * address lies in.
 */

export interface PersonStanding {
  /** The person's community and the units above it (a street event for "本社区" reaches its communities). */
  homeUnits: string[]
  /** The grid, 小区 and 楼栋 of the person's declared address. */
  places: string[]
  /** Units (with their ancestors) where the person is a party member. */
  partyUnits: string[]
  /** Units (with their ancestors) where the person is an approved volunteer. */
  volunteerUnits: string[]
}

/** The keys of an event's audience, organised by `unitId`. */
export function audienceKeys(audience: Audience, unitId: string): string[] {
  switch (audience.kind) {
    case 'everyone':
      return ['all']
    case 'community':
      return [`unit:${unitId}`]
    case 'places':
      return audience.placeIds.map((g) => `place:${g}`)
    case 'party_members':
      return [`party:${unitId}`]
    case 'volunteers':
      return [`vol:${unitId}`]
  }
}

/** The keys a person holds. */
export function personKeys(p: PersonStanding): string[] {
  return [
    'all',
    ...p.homeUnits.map((u) => `unit:${u}`),
    ...p.places.map((g) => `place:${g}`),
    ...p.partyUnits.map((u) => `party:${u}`),
    ...p.volunteerUnits.map((u) => `vol:${u}`),
  ]
}

export function mayJoin(eventKeys: readonly string[], keys: readonly string[]): boolean {
  return eventKeys.some((k) => keys.includes(k))
}
