import type { CSSProperties, ReactNode } from 'react'
import { Suspense, useRef } from 'react'
import { View } from '@tarojs/components'
import { lazyPart } from '../../lib/lazy-part'

/**
 * H5: the popup's frame is NutUI's bottom Popup (focus, overlay and animation). Every page has
 * the privacy popup but few ever ask: the Popup's code and styles are loaded the first time
 * it opens, not with the page (they would weigh on 首页's first load). Should they not load,
 * the request is still put to the person, in a plain sheet like weapp's (frame.weapp.tsx).
 */
const NutuiFrame = lazyPart(() => import('./nutui-frame'), PlainFrame)

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

// Inline: styles for a sheet that is almost never shown do not belong in every page's CSS.
const OVERLAY: CSSProperties = {
  position: 'fixed',
  inset: 0,
  zIndex: 1000,
  display: 'flex',
  flexDirection: 'column',
  justifyContent: 'flex-end',
  background: 'rgba(0, 0, 0, 0.6)',
}
const SHEET: CSSProperties = { background: '#fff', borderRadius: '16px 16px 0 0' }

function PlainFrame({ visible, children }: { visible: boolean; children: ReactNode }) {
  if (!visible) return null
  return (
    <View style={OVERLAY}>
      <View style={SHEET} role="dialog" aria-modal="true">
        {children}
      </View>
    </View>
  )
}
