import type { LngLat } from '../../../types/org'

/** Where the user is, after the privacy flow. Resolved per platform: locate.weapp.ts / locate.h5.ts. */
export async function locate(): Promise<LngLat> {
  throw new Error('当前平台不支持定位')
}
