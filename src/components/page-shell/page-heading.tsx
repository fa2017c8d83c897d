import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'

/**
 * The page's one level-1 heading, for screen readers: its title from the page config (the
 * words WeChat shows in its title bar; on H5 Taro puts them only in the document title).
 * Visually hidden (h5.scss), since each page already shows its name its own way.
 *
 * It also makes Taro's page container (the element that scrolls) reachable by Tab, so a page
 * with nothing to press (an empty 消息) can still be scrolled with the arrow keys.
 */
export function PageHeading() {
  // Read once: Taro sets the current page before it renders the page's component.
  const [title] = useState(() => Taro.getCurrentInstance().page?.config?.navigationBarTitleText)
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    const container = ref.current?.closest('.taro_page')
    if (container && !container.hasAttribute('tabindex')) container.setAttribute('tabindex', '0')
  }, [])
  return title ? (
    <View className="page__heading" role="heading" aria-level={1} ref={ref}>
      {title}
    </View>
  ) : null
}
