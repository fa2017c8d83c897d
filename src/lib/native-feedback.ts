import Taro from '@tarojs/taro'
import { nativeToast } from './native-toast'

export type ToastKind = 'text' | 'success' | 'fail'

export interface ConfirmOptions {
  title: string
  content: string
  confirmText?: string
}

/** What shows a page's short messages and asks its yes/no questions. */
export interface FeedbackApi {
  toast(content: string, type: ToastKind): void
  /** Resolves true only on the confirm button; anything else counts as "no". */
  confirm(options: ConfirmOptions): Promise<boolean>
}

/**
 * The platform's own toast and modal: always on weapp (feedback.weapp.ts), and on H5 when
 * NutUI's hosts could not be loaded (page-shell/feedback-hosts.tsx), so a question is still
 * asked and answered rather than left waiting for hosts that will never come.
 */
export const nativeFeedback: FeedbackApi = {
  toast(content, type) {
    void Taro.showToast(nativeToast(content, type))
  },
  async confirm(options) {
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
  },
}
