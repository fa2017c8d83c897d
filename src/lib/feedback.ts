import type { Dialog, Toast } from '@nutui/nutui-react-taro'
import { messageOf } from '../services/errors'

/** The ids of the Toast and Dialog that every page's PageShell renders. */
export const TOAST_ID = 'page-toast'
export const DIALOG_ID = 'page-dialog'

/** NutUI's Toast and Dialog, handed over by the hosts that show them. */
export interface FeedbackHostsApi {
  Toast: typeof Toast
  Dialog: typeof Dialog
}

let hostsUp: (api: FeedbackHostsApi) => void = () => undefined
const hosts = new Promise<FeedbackHostsApi>((resolve) => (hostsUp = resolve))

/**
 * Called by the first page's Toast and Dialog hosts once they are on screen
 * (components/page-shell/feedback-hosts.tsx). Their code is loaded after the first page has
 * rendered, to keep it out of the scripts the first screen waits for, so a message asked for
 * before then waits for them instead of being lost.
 */
export function feedbackHostsMounted(api: FeedbackHostsApi): void {
  hostsUp(api)
}

/**
 * A short message; success and fail add NutUI's drawn tick or cross. The kind goes in `type`:
 * NutUI's `icon` takes a node, so a word there is printed as text ("success" above the message).
 */
export function toast(content: string, type: 'text' | 'success' | 'fail' = 'text'): void {
  void hosts.then(({ Toast }) => Toast.show(TOAST_ID, { content, type, duration: 2 }))
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
  return hosts.then(
    ({ Dialog }) =>
      new Promise((resolve) => {
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
      }),
  )
}
