import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { SERVER_KIND_LABELS } from '../../../../types/places-labels'
import type { ServerView } from '../../../services/places'
import { toast } from '../../../lib/feedback'
import './server-list.scss'

function call(phone: string) {
  Taro.makePhoneCall({ phoneNumber: phone.replace(/[\s-]/g, '') }).catch(() => toast(`请拨打 ${phone}`))
}

/** "给他留言": the 诉求 form, addressed to the grid that serves me. */
function leaveMessage(s: ServerView) {
  const to = `${SERVER_KIND_LABELS[s.kind]}${s.name}`
  void Taro.navigateTo({
    url: `/pages/cases/submit?gridId=${encodeURIComponent(s.gridId ?? '')}&to=${encodeURIComponent(to)}`,
  })
}

/** 为我服务: one card per person or contact, with 拨打 (when the phone is public) and 给他留言. */
export function ServerList({ servers }: { servers: ServerView[] }) {
  return (
    <View className="servers">
      {servers.map((s) => (
        <View key={`${s.kind}:${s.unitId}:${s.name}`} className="servers__card" data-testid={`server-${s.kind}`}>
          <View className="servers__who">
            <Text className="servers__kind">{SERVER_KIND_LABELS[s.kind]}</Text>
            <Text className="servers__name">{s.name}</Text>
            <Text className="servers__unit">{s.unitName}</Text>
          </View>
          <View className="servers__actions">
            {s.phone ? (
              <Button size="small" type="primary" onClick={() => call(s.phone!)} data-testid={`server-call-${s.kind}`}>
                拨打
              </Button>
            ) : (
              <Text className="servers__hidden">电话未公开</Text>
            )}
            {s.gridId ? (
              <Button
                size="small"
                fill="outline"
                onClick={() => leaveMessage(s)}
                data-testid={`server-message-${s.kind}`}
              >
                给他留言
              </Button>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  )
}
