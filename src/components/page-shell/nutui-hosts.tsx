import { useEffect } from 'react'
import { Dialog, Toast } from '@nutui/nutui-react-taro'
import { DIALOG_ID, TOAST_ID, feedbackHostsMounted } from '../../lib/feedback'
import type { FeedbackApi } from '../../lib/native-feedback'

/** NutUI's Toast and Dialog, opened by id on the hosts below. */
const nutuiFeedback: FeedbackApi = {
  toast(content, type) {
    Toast.show(TOAST_ID, { content, type, duration: 2 })
  },
  confirm(options) {
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
  },
}

/** H5: the page's Toast and Dialog (loaded on demand by feedback-hosts.tsx). */
export default function NutuiHosts() {
  useEffect(() => feedbackHostsMounted(nutuiFeedback), [])
  return (
    <>
      <Toast id={TOAST_ID} />
      <Dialog id={DIALOG_ID} />
    </>
  )
}
