import Taro from '@tarojs/taro'

/** WeChat shows the privacy guideline filled in on the mini-program's admin page. */
export const openNativeContract: (() => void) | null = () => void Taro.openPrivacyContract({})
