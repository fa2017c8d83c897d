import type { CSSProperties, ReactNode } from 'react'
import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { useFontScale } from '../../hooks/use-font-scale'
import { PrivacyPopup } from '../privacy-popup'
import { PageHeading } from './page-heading'
import { applyRootScale } from './root-scale'
import { FeedbackHosts } from './feedback-hosts'
import './index.scss'

/**
 * The frame of every page: its main landmark, holding the page's one level-1 heading; sets
 * the text scale (大字 and WeChat's font size) as the CSS variable `--fs` that all our sizes
 * multiply by, and hosts the page's Toast, Dialog and privacy popup so pages only call
 * feedback.ts.
 */
export function PageShell({
  children,
  className = '',
  testId,
}: {
  children: ReactNode
  className?: string
  testId?: string
}) {
  const { scale, largeText } = useFontScale()
  const style = { '--fs': String(scale) } as CSSProperties
  useEffect(() => applyRootScale(scale), [scale])
  return (
    <View
      className={`page ${largeText ? 'page--large' : ''} ${className}`}
      style={style}
      data-testid={testId}
      role="main"
    >
      <PageHeading />
      {children}
      <PrivacyPopup />
      <FeedbackHosts />
    </View>
  )
}

/**
 * The grey line that names a part of a page (我的心愿, 心愿类别, 联系方式): a level-2 heading,
 * so a screen reader can list a page's parts and jump between them.
 */
export function SectionTitle({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <View className="section-title" role="heading" aria-level={2} data-testid={testId}>
      {children}
    </View>
  )
}
