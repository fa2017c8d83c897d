import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import '@nutui/nutui-react-taro/dist/styles/theme-default.css'
import { listenForPrivacyRequests } from './services/privacy/listen'
import { makeNutuiReachable } from './lib/nutui-a11y'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    listenForPrivacyRequests()
    makeNutuiReachable()
  })
  // children are the pages
  return children
}

export default App
