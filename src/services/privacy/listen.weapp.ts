import Taro from '@tarojs/taro'
import { askPrivacyConsent, PRIVACY_AGREE_BUTTON_ID } from './consent'

/**
 * WeChat calls this when a private API (getLocation, chooseLocation…) needs the user's
 * agreement: the pending API waits until we resolve. Registered once at launch.
 */
export function listenForPrivacyRequests(): void {
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    resolve({ event: 'exposureAuthorization' })
    void askPrivacyConsent().then((agreed) =>
      resolve(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' }),
    )
  })
}
