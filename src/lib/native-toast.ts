/**
 * WeChat's own toast (weapp feedback): with an icon it shows at most 7 characters of the
 * title, so a longer message (most errors) is shown without the icon, where it gets two
 * lines (WeChat's showToast documentation).
 */
export const ICON_TITLE_MAX = 7

export function nativeToast(
  content: string,
  type: 'text' | 'success' | 'fail',
): { title: string; icon: 'success' | 'error' | 'none'; duration: number } {
  const icon = type === 'success' ? 'success' : type === 'fail' ? 'error' : 'none'
  return { title: content, icon: Array.from(content).length <= ICON_TITLE_MAX ? icon : 'none', duration: 2000 }
}
