import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import '@nutui/nutui-react-taro/dist/styles/theme-default.css'
import './lib/dayjs'
import { listenForPrivacyRequests } from './services/privacy/listen'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    listenForPrivacyRequests()
  })
  // children are the pages
  return children
}

export default App
