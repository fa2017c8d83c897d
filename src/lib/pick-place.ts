import type { Point } from '../../types/stations'

/** Whether this platform can pick a place on a map. H5 picks a community from the list instead. */
export const CAN_PICK_ON_MAP = false

/** Resolved per platform: pick-place.weapp.ts uses `chooseLocation`. */
export async function pickPlaceOnMap(): Promise<{ point: Point; name: string } | null> {
  return null
}
