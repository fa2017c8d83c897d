import type { ReactNode } from 'react'
import { Popup } from '@nutui/nutui-react-taro'

/** H5: the popup's frame is NutUI's bottom Popup (focus, overlay and animation). */
export function PopupFrame({ visible, children }: { visible: boolean; children: ReactNode }) {
  return (
    <Popup visible={visible} position="bottom" round closeable={false} closeOnOverlayClick={false}>
      {children}
    </Popup>
  )
}
