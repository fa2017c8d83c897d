import { View, Text, Input } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import type { ContactPreference } from '../../../../types/cases'
import { Tappable } from '../../../components/tappable'

export interface ContactSectionProps {
  way: ContactPreference
  onWay(way: ContactPreference): void
  phone: string
  onPhone(phone: string): void
  showName: boolean
  onShowName(on: boolean): void
}

/** 怎么联系您: a phone call or only mini-program messages, and whether the masked surname may be shown (styles: submit.scss). */
export function ContactSection({ way, onWay, phone, onPhone, showName, onShowName }: ContactSectionProps) {
  return (
    <View className="case-submit__card">
      <View className="case-submit__chips">
        <Tappable
          className={`case-submit__chip ${way === 'phone' ? 'case-submit__chip--on' : ''}`}
          testId="case-submit-way-phone"
          onTap={() => onWay('phone')}
          pressed={way === 'phone'}
        >
          电话联系我
        </Tappable>
        <Tappable
          className={`case-submit__chip ${way === 'message' ? 'case-submit__chip--on' : ''}`}
          testId="case-submit-way-message"
          onTap={() => onWay('message')}
          pressed={way === 'message'}
        >
          小程序消息答复
        </Tappable>
      </View>
      {way === 'phone' ? (
        <Input
          className="case-submit__input"
          type="number"
          value={phone}
          maxlength={20}
          placeholder="联系电话"
          onInput={(e) => onPhone(e.detail.value)}
          data-testid="case-submit-phone"
        />
      ) : (
        <Text className="case-submit__hint" data-testid="case-submit-message-hint">
          工作人员将通过小程序消息答复您，办理进展也会通过“消息”通知您；您的电话不会给工作人员看到。
        </Text>
      )}
      <View className="case-submit__switch">
        <Text>附近居民查看相似诉求时，可显示我的姓氏（如 张**）</Text>
        <Switch checked={showName} onChange={onShowName} data-testid="case-submit-show-name" />
      </View>
      <Text className="case-submit__hint">
        办理这件诉求的工作人员能看到您的姓名{way === 'phone' ? '和电话' : ''}；除此之外不会公开。
      </Text>
    </View>
  )
}
