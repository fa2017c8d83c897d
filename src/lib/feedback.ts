import { messageOf } from '../services/errors'
import type { ConfirmOptions, FeedbackApi, ToastKind } from './native-feedback'

/** The ids of the Toast and Dialog that every page's PageShell renders. */
export const TOAST_ID = 'page-toast'
export const DIALOG_ID = 'page-dialog'

let hostsUp: (api: FeedbackApi) => void = () => undefined
const hosts = new Promise<FeedbackApi>((resolve) => (hostsUp = resolve))

/**
 * Called by the first page's Toast and Dialog hosts once they are on screen
 * (components/page-shell/nutui-hosts.tsx), or with the platform's own toast and modal if their
 * code could not be loaded (feedback-hosts.tsx). Their code is loaded after the first page has
 * rendered, to keep it out of the scripts the first screen waits for, so a message asked for
 * before then waits for them instead of being lost.
 */
export function feedbackHostsMounted(api: FeedbackApi): void {
  hostsUp(api)
}

/**
 * A short message; success and fail add NutUI's drawn tick or cross. The kind goes in `type`:
 * NutUI's `icon` takes a node, so a word there is printed as text ("success" above the message).
 */
export function toast(content: string, type: ToastKind = 'text'): void {
  void hosts.then((h) => h.toast(content, type))
}

/** Shows the Chinese message of any error a service call threw. */
export function toastError(error: unknown): void {
  toast(messageOf(error), 'fail')
}

/**
 * Asks before a destructive or binding action. Resolves true only on the confirm button;
 * cancel, the overlay and the close icon all count as "no".
 */
export function confirm(options: ConfirmOptions): Promise<boolean> {
  return hosts.then((h) => h.confirm(options))
}
