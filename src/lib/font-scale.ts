/**
 * 适老化: the text scale of the app. Two inputs: the 大字 switch the user sets in 我的
 * (kept in storage), and WeChat's own font-size setting (微信 → 设置 → 字体大小, reported as
 * `fontSizeSetting` in px, 17 being the standard size). The larger of the two wins, so a
 * user who already enlarged WeChat's text is never shown smaller text here.
 */
export const STANDARD_SYSTEM_FONT = 17
// 1.5: what older residents asked for in the walk-through; 1.25 was barely noticed.
export const LARGE_TEXT_SCALE = 1.5
export const MAX_SCALE = 1.6

export function fontScale(largeText: boolean, systemFontSize?: number | null): number {
  const system = systemFontSize && systemFontSize > 0 ? systemFontSize / STANDARD_SYSTEM_FONT : 1
  const chosen = largeText ? LARGE_TEXT_SCALE : 1
  const scale = Math.max(system, chosen, 1)
  return Math.round(Math.min(scale, MAX_SCALE) * 100) / 100
}
