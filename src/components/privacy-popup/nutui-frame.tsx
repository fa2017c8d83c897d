import type { ReactNode } from 'react'
import { Popup } from '@nutui/nutui-react-taro'

/** H5: the privacy popup in NutUI's bottom Popup (loaded on demand by frame.tsx). */
export default function NutuiFrame({ visible, children }: { visible: boolean; children: ReactNode }) {
  return (
    <Popup visible={visible} position="bottom" round closeable={false} closeOnOverlayClick={false}>
      {children}
    </Popup>
  )
}
