import { Dialog, Toast } from '@nutui/nutui-react-taro'
import { messageOf } from '../services/errors'

/** The ids of the Toast and Dialog that every page's PageShell renders. */
export const TOAST_ID = 'page-toast'
export const DIALOG_ID = 'page-dialog'

/**
 * A short message; success and fail add NutUI's drawn tick or cross. The kind goes in `type`:
 * NutUI's `icon` takes a node, so a word there is printed as text ("success" above the message).
 */
export function toast(content: string, type: 'text' | 'success' | 'fail' = 'text'): void {
  Toast.show(TOAST_ID, { content, type, duration: 2 })
}

/** Shows the Chinese message of any error a service call threw. */
export function toastError(error: unknown): void {
  toast(messageOf(error), 'fail')
}

/**
 * Asks before a destructive or binding action. Resolves true only on the confirm button;
 * cancel, the overlay and the close icon all count as "no".
 */
export function confirm(options: { title: string; content: string; confirmText?: string }): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false
    const settle = (answer: boolean) => {
      if (settled) return
      settled = true
      Dialog.close(DIALOG_ID)
      resolve(answer)
    }
    Dialog.open(DIALOG_ID, {
      title: options.title,
      content: options.content,
      confirmText: options.confirmText ?? '确定',
      cancelText: '取消',
      onConfirm: () => settle(true),
      onCancel: () => settle(false),
      onClose: () => settle(false),
      onOverlayClick: () => settle(false),
    })
  })
}
