import type { ReactNode } from 'react'
import { lazy, Suspense, useRef } from 'react'

/**
 * H5: the popup's frame is NutUI's bottom Popup (focus, overlay and animation). Every page has
 * the privacy popup but few ever ask: the Popup's code and styles are loaded the first time
 * it opens, not with the page (they would weigh on 首页's first load).
 */
const NutuiFrame = lazy(() => import('./nutui-frame'))

export function PopupFrame({ visible, children }: { visible: boolean; children: ReactNode }) {
  // Once opened it stays mounted, so that closing plays NutUI's closing animation.
  const opened = useRef(false)
  if (visible) opened.current = true
  if (!opened.current) return null
  return (
    <Suspense fallback={null}>
      <NutuiFrame visible={visible}>{children}</NutuiFrame>
    </Suspense>
  )
}
