/** weapp: lib/feedback.weapp.ts uses WeChat's own toast and modal, which need no host. */
export function FeedbackHosts() {
  return null
}
