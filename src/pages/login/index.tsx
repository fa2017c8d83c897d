import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { PageShell } from '../../components/page-shell'
import { refreshMe, setMe } from '../../hooks/use-me'
import { toastError } from '../../lib/feedback'
import { DEMO_ACCOUNTS, devLogin, isSignedIn } from '../../services/dev-login'
import './index.scss'

/** H5 development only (not in the weapp build): sign in as one of the seeded demo accounts. */
export default function LoginPage() {
  const [busy, setBusy] = useState<string | null>(null)

  const signIn = async (openid: string) => {
    setBusy(openid)
    try {
      await devLogin(openid)
      setMe(null)
      await refreshMe()
      void Taro.reLaunch({ url: '/pages/home/index' })
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(null)
    }
  }

  return (
    <PageShell testId="login-page">
      <View className="login__intro">
        <Text className="login__title">民呼我行 · 演示登录</Text>
        <Text className="login__text">
          网页版用于开发和演示。在微信小程序里，系统会自动识别您的微信身份，不需要登录。
          {isSignedIn() ? '（当前已登录，选择其他账号可切换）' : ''}
        </Text>
      </View>
      <CellGroup title="选择一个演示账号">
        {DEMO_ACCOUNTS.map((a) => (
          <Cell
            key={a.openid}
            title={a.label}
            description={`${a.description} · ${a.openid}`}
            extra={busy === a.openid ? '正在登录…' : '登录'}
            clickable
            data-testid={`login-${a.openid}`}
            onClick={() => void signIn(a.openid)}
          />
        ))}
      </CellGroup>
    </PageShell>
  )
}
