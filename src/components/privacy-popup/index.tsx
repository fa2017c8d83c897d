import { View, Text } from '@tarojs/components'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { useStore } from '../../lib/store'
import { privacyRequestStore, PRIVACY_AGREE_BUTTON_ID } from '../../services/privacy/consent'
import { openNativeContract } from './contract'
import { PopupFrame } from './frame'
import { Tappable } from '../tappable'
import './index.scss'

/**
 * The privacy agreement popup. Shown whenever a consent request is pending
 * (services/privacy/consent.ts). On weapp the agree button is a real
 * `open-type="agreePrivacyAuthorization"` button, as WeChat requires.
 */
export function PrivacyPopup() {
  const pending = useStore(privacyRequestStore)
  // Tab pages stay mounted; only the page in front may show (and answer) the request.
  const [active, setActive] = useState(true)
  useDidShow(() => setActive(true))
  useDidHide(() => {
    setActive(false)
    // Leaving the page that asked counts as "not now": the request must not follow the
    // user onto another page.
    privacyRequestStore.get()?.resolve(false)
  })
  const [guide, setGuide] = useState(false)
  const openContract = () => (openNativeContract ? openNativeContract() : setGuide(!guide))
  return (
    <PopupFrame visible={active && pending !== null}>
      <View className="privacy-popup" data-testid="privacy-popup">
        <Text className="privacy-popup__title">隐私保护提示</Text>
        <Text className="privacy-popup__body">
          为了帮您找到所在社区和附近的服务，我们需要获取您的位置。位置只用于这一次查找，不会公开。请阅读
          <Tappable className="privacy-popup__link" onTap={openContract} role="link" inline>
            《民呼我行隐私保护指引》
          </Tappable>
          后决定是否同意。
        </Text>
        {guide ? (
          <Text className="privacy-popup__guide" data-testid="privacy-guide">
            我们只收集办事必需的信息：您填写的姓名和手机号，只有为您办事的志愿者和工作人员能看到，别人只看到隐去的姓名；您上传的照片只给办理的人看；位置只在您同意时读取，用于查找所在社区、附近的驿站和反映问题的地点。姓名和手机号可以随时在「我的
            → 编辑资料」里修改。
          </Text>
        ) : null}
        <View className="privacy-popup__actions">
          <Button block fill="outline" className="privacy-popup__button" onClick={() => pending?.resolve(false)}>
            不同意
          </Button>
          <Button
            block
            type="primary"
            id={PRIVACY_AGREE_BUTTON_ID}
            className="privacy-popup__button"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => pending?.resolve(true)}
            onClick={() => {
              // weapp answers through onAgreePrivacyAuthorization; H5 has only the click.
              if (process.env.TARO_ENV !== 'weapp') pending?.resolve(true)
            }}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </PopupFrame>
  )
}
