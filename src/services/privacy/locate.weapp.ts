import Taro from '@tarojs/taro'
import type { LngLat } from '../../../types/org'

/**
 * GCJ-02 as WeChat returns it. If the privacy agreement is still needed, WeChat fires
 * onNeedPrivacyAuthorization first (listen.weapp.ts) and this call waits for the answer.
 */
export async function locate(): Promise<LngLat> {
  try {
    const res = await Taro.getLocation({ type: 'gcj02' })
    return { lng: res.longitude, lat: res.latitude }
  } catch {
    throw new Error('没有拿到您的位置，可以从列表中选择社区')
  }
}
