import Taro from '@tarojs/taro'
import type { Point } from '../../../types/stations'

/** WeChat's built-in map with the station pinned; from there the person picks a map app. */
export async function navigateTo(point: Point, name: string, address: string): Promise<void> {
  await Taro.openLocation({ longitude: point.lng, latitude: point.lat, name, address, scale: 17 })
}

export async function callPhone(phone: string): Promise<void> {
  await Taro.makePhoneCall({ phoneNumber: phone.replace(/-/g, '') })
}
