import { messageOf } from '../services/errors'
import { nativeFeedback, type ConfirmOptions, type ToastKind } from './native-feedback'

/**
 * weapp: WeChat's own toast and modal instead of NutUI's Toast and Dialog (feedback.ts, H5),
 * which would put their code and styles (about 25 KB) in the main package every start
 * downloads. WeChat's modal follows the phone's font size and screen reader by itself.
 */
export function toast(content: string, type: ToastKind = 'text'): void {
  nativeFeedback.toast(content, type)
}

/** Shows the Chinese message of any error a service call threw. */
export function toastError(error: unknown): void {
  toast(messageOf(error), 'fail')
}

/** Asks before a destructive or binding action. Resolves true only on the confirm button. */
export function confirm(options: ConfirmOptions): Promise<boolean> {
  return nativeFeedback.confirm(options)
}
