import Taro from '@tarojs/taro'
import type { LngLat } from '../../../types/org'
import { askPrivacyConsent } from './consent'

const CONSENT_KEY = 'mhwx.privacyAgreed'

/** H5: the same agreement popup as weapp, remembered, then the browser's geolocation. */
export async function locate(): Promise<LngLat> {
  if (Taro.getStorageSync(CONSENT_KEY) !== true) {
    if (!(await askPrivacyConsent())) throw new Error('您没有同意隐私说明，可以从列表中选择社区')
    Taro.setStorageSync(CONSENT_KEY, true)
  }
  return new Promise((resolve, reject) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      reject(new Error('当前浏览器不支持定位，可以从列表中选择社区'))
      return
    }
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve({ lng: pos.coords.longitude, lat: pos.coords.latitude }),
      () => reject(new Error('没有拿到您的位置，可以从列表中选择社区')),
      { timeout: 10000, maximumAge: 60000 },
    )
  })
}
