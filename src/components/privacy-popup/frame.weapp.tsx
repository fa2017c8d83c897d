import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './frame.weapp.scss'

/**
 * weapp: a plain bottom sheet over a dimmed page. Every page's shell holds the privacy popup,
 * so NutUI's Popup there would keep its code, its overlay and react-transition-group (about
 * 20 KB) in the main package for a sheet that needs no animation.
 */
export function PopupFrame({ visible, children }: { visible: boolean; children: ReactNode }) {
  if (!visible) return null
  return (
    <View className="popup-frame" catchMove>
      <View className="popup-frame__sheet" role="dialog" aria-modal="true">
        {children}
      </View>
    </View>
  )
}
