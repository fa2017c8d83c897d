/**
 * H5: a browser has no app-wide font size setting (Taro's H5 getSystemInfoSync answers NaN), so
 * only 大字 scales the text. Not asking Taro keeps its device-info code and platform.js (15 KB)
 * out of the scripts 首页's first load waits for. weapp reads WeChat's setting
 * (system-font-size.weapp.ts).
 */
export function systemFontSize(): number | undefined {
  return undefined
}
