import Taro from '@tarojs/taro'
import type { Point } from '../../../types/stations'

/**
 * Outside WeChat there is no built-in map app: open 高德's public marker page, which hands
 * over to a map app on a phone. Resolved per platform: navigate.weapp.ts uses openLocation.
 */
export async function navigateTo(point: Point, name: string, address: string): Promise<void> {
  const url = `https://uri.amap.com/marker?position=${point.lng},${point.lat}&name=${encodeURIComponent(name)}&src=minhu-woxing&coordinate=gaode&callnative=1`
  if (typeof window !== 'undefined') window.open(url, '_blank')
  else await Taro.setClipboardData({ data: address })
}

/** Calls the station. On H5 Taro turns this into a `tel:` link. */
export async function callPhone(phone: string): Promise<void> {
  await Taro.makePhoneCall({ phoneNumber: phone.replace(/-/g, '') })
}
