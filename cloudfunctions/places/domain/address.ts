import type { UserAddress } from '../../core/collections'

/*
 * The address rules: a 楼栋 must be a building of the chosen 小区, the 小区 must sit under a
 * grid of a community, and an address stays confirmed only while it is unchanged.
 */

/** The fields of a unit the rules look at. */
export interface PlaceUnit {
  id: string
  kind: string
  parentId: string | null
  ancestors: string[]
}

/** Where the address puts the resident, or why it cannot (a message for the resident). */
export type AddressCheck = { ok: true; communityId: string; gridId: string } | { ok: false; message: string }

export function checkAddress(estate: PlaceUnit | null, building: PlaceUnit | null): AddressCheck {
  const refuse = (message: string): AddressCheck => ({ ok: false, message })
  if (!estate || estate.kind !== 'estate') return refuse('找不到所选小区，请重新选择')
  if (!building || building.kind !== 'building') return refuse('找不到所选楼栋，请重新选择')
  if (building.parentId !== estate.id) return refuse('所选楼栋不在这个小区里，请重新选择')
  // district → street → community → grid → estate: the grid is the parent, the community above it.
  const communityId = estate.ancestors[estate.ancestors.length - 2]
  const gridId = estate.parentId
  if (!communityId || !gridId) return refuse('该小区还没有划入网格，请联系社区')
  return { ok: true, communityId, gridId }
}

/**
 * The address to store. Declaring the same building and room again keeps a confirmation;
 * any change is self-declared again and waits for staff ("待确认").
 */
export function nextAddress(
  current: UserAddress | null | undefined,
  place: { communityId: string; gridId: string; estateId: string; building: PlaceUnit },
  room: string,
  now: string,
): UserAddress {
  const same = current?.buildingId === place.building.id && current.room === room
  if (same && current) return current
  return {
    communityId: place.communityId,
    gridId: place.gridId,
    estateId: place.estateId,
    buildingId: place.building.id,
    unitIds: [...place.building.ancestors, place.building.id],
    room,
    status: 'pending',
    declaredAt: now,
    confirmedAt: null,
    confirmedBy: null,
  }
}
