import { Dialog, Toast } from '@nutui/nutui-react-taro'
import { DIALOG_ID, TOAST_ID } from '../../lib/feedback'

/** H5: the NutUI Toast and Dialog that lib/feedback.ts opens by id, one of each per page. */
export function FeedbackHosts() {
  return (
    <>
      <Toast id={TOAST_ID} />
      <Dialog id={DIALOG_ID} />
    </>
  )
}
