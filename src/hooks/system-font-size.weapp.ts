import Taro from '@tarojs/taro'

/** WeChat's 字体大小 setting in px; getAppBaseInfo is the current API, getSystemInfoSync the fallback. */
export function systemFontSize(): number | undefined {
  try {
    if (typeof Taro.getAppBaseInfo === 'function') {
      const size = (Taro.getAppBaseInfo() as { fontSizeSetting?: number }).fontSizeSetting
      if (size) return size
    }
    return Taro.getSystemInfoSync().fontSizeSetting
  } catch {
    return undefined
  }
}
