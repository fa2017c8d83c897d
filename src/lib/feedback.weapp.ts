import Taro from '@tarojs/taro'
import { messageOf } from '../services/errors'
import { nativeToast } from './native-toast'

/**
 * weapp: WeChat's own toast and modal instead of NutUI's Toast and Dialog (feedback.ts, H5),
 * which would put their code and styles (about 25 KB) in the main package every start
 * downloads. WeChat's modal follows the phone's font size and screen reader by itself.
 */
export function toast(content: string, type: 'text' | 'success' | 'fail' = 'text'): void {
  void Taro.showToast(nativeToast(content, type))
}

/** Shows the Chinese message of any error a service call threw. */
export function toastError(error: unknown): void {
  toast(messageOf(error), 'fail')
}

/** Asks before a destructive or binding action. Resolves true only on the confirm button. */
export async function confirm(options: { title: string; content: string; confirmText?: string }): Promise<boolean> {
  try {
    const res = await Taro.showModal({
      title: options.title,
      content: options.content,
      confirmText: options.confirmText ?? '确定',
      cancelText: '取消',
    })
    return res.confirm
  } catch {
    return false
  }
}
