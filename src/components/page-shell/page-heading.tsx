import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

/**
 * The page's one level-1 heading, for screen readers: its title from the page config (the
 * words WeChat shows in its title bar; on H5 Taro puts them only in the document title).
 * Visually hidden (h5.scss), since each page already shows its name its own way.
 */
export function PageHeading() {
  // Read once: Taro sets the current page before it renders the page's component.
  const [title] = useState(() => Taro.getCurrentInstance().page?.config?.navigationBarTitleText)
  return title ? (
    <View className="page__heading" role="heading" aria-level={1}>
      {title}
    </View>
  ) : null
}
