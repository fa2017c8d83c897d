import Taro from '@tarojs/taro'
import type { Point } from '../../types/stations'

export const CAN_PICK_ON_MAP = true

/**
 * WeChat's place picker (GCJ-02). Null when the person backs out; the privacy agreement,
 * if still needed, is asked by onNeedPrivacyAuthorization before the picker opens.
 */
export async function pickPlaceOnMap(): Promise<{ point: Point; name: string } | null> {
  try {
    const res = await Taro.chooseLocation({})
    return { point: { lng: res.longitude, lat: res.latitude }, name: res.name || res.address || '选定的地点' }
  } catch {
    return null
  }
}
