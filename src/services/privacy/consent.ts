import { createStore } from '../../lib/store'

/** The id of the popup's agree button: WeChat checks that this very button was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

type PendingConsent = { resolve(agreed: boolean): void } | null

/** A consent request waiting for the user; the PrivacyPopup on the current page shows it. */
export const privacyRequestStore = createStore<PendingConsent>(null)

/**
 * Shows the privacy popup and resolves with the user's answer. On weapp this runs inside
 * `onNeedPrivacyAuthorization` (the platform decides when); on H5 before geolocation.
 */
export function askPrivacyConsent(): Promise<boolean> {
  privacyRequestStore.get()?.resolve(false)
  return new Promise((resolve) => {
    privacyRequestStore.set({
      resolve(agreed) {
        privacyRequestStore.set(null)
        resolve(agreed)
      },
    })
  })
}
