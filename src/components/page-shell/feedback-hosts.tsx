import { Suspense, useEffect } from 'react'
import { feedbackHostsMounted } from '../../lib/feedback'
import { lazyPart } from '../../lib/lazy-part'
import { nativeFeedback } from '../../lib/native-feedback'

/**
 * H5: the NutUI Toast and Dialog that lib/feedback.ts opens by id, one of each per page. They
 * show nothing until asked, so their code and styles (NutUI's Dialog, Toast, Popup, Overlay and
 * transitions) are a chunk of their own, loaded once the first page has rendered instead of
 * being part of the scripts 首页's first load waits for; every later page has them at once.
 * Should that chunk not load, the page stays and its messages and questions go to Taro's own
 * toast and modal instead.
 */
const NutuiHosts = lazyPart(() => import('./nutui-hosts'), NativeHosts)

function NativeHosts() {
  useEffect(() => feedbackHostsMounted(nativeFeedback), [])
  return null
}

export function FeedbackHosts() {
  return (
    <Suspense fallback={null}>
      <NutuiHosts />
    </Suspense>
  )
}
