import { View, Text } from '@tarojs/components'
import { formatTime } from '../../../lib/dayjs'
import type { WishDetail } from '../../../services/wishes'

const HISTORY_LABELS: Record<WishDetail['history'][number]['action'], string> = {
  post: '发布心愿',
  digest: '汇总发送相关单位',
  approve: '审核通过，上墙',
  reject: '审核未通过',
  withdraw: '心愿人撤回',
  hide: '社区隐藏',
  claim: '志愿者认领',
  release: '志愿者放弃认领',
  fulfil: '志愿者标记完成',
  confirm: '心愿人确认完成',
  dispute: '心愿人反馈未完成',
  thank: '心愿人留下感谢',
  expire: '认领超时，回到心愿墙',
  autoConfirm: '超时未确认，自动确认',
}

/** 办理记录: every step of a wish, oldest first, in Shanghai time (styles: detail.scss). */
export function WishHistory({ history }: { history: WishDetail['history'] }) {
  return (
    <View className="wish-detail__card" data-testid="wish-history">
      {history.map((h, i) => (
        <View key={i} className="wish-detail__step">
          <Text className="wish-detail__step-time">{formatTime(h.at)}</Text>
          <Text>
            {HISTORY_LABELS[h.action]}
            {h.note ? `：${h.note}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}
