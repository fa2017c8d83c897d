import { useEffect } from 'react'
import { Dialog, Toast } from '@nutui/nutui-react-taro'
import { DIALOG_ID, TOAST_ID, feedbackHostsMounted } from '../../lib/feedback'

/** H5: the page's Toast and Dialog (loaded on demand by feedback-hosts.tsx). */
export default function NutuiHosts() {
  useEffect(() => feedbackHostsMounted({ Toast, Dialog }), [])
  return (
    <>
      <Toast id={TOAST_ID} />
      <Dialog id={DIALOG_ID} />
    </>
  )
}
