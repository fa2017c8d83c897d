import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { CaseDetail } from '../../../services/cases'

/** The case is stored: its number, who handles it, and the way to its progress (styles: submit.scss). */
export function SubmitDone({ created }: { created: CaseDetail }) {
  return (
    <View className="case-submit__done" data-testid="case-submit-done">
      <Text className="case-submit__done-title">诉求已受理</Text>
      <Text className="case-submit__done-number" data-testid="case-submit-number">
        {created.number}
      </Text>
      <Text className="case-submit__hint">
        已交「{created.handlingUnitName}」办理，每一步进展都会通知您。请记下编号，也可以在“我的诉求”里查看。
      </Text>
      <Button
        block
        type="primary"
        size="large"
        data-testid="case-submit-open"
        onClick={() => void Taro.redirectTo({ url: `/pages/cases/detail?id=${created.id}` })}
      >
        查看办理进度
      </Button>
    </View>
  )
}
