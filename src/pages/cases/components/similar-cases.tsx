import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { confirm, toast, toastError } from '../../../lib/feedback'
import { casesService, type SimilarCase } from '../../../services/cases'

/** 我也遇到: follow that case (told when it is done) and go to my cases instead of filing this one. */
async function follow(c: SimilarCase): Promise<void> {
  if (!(await confirm({ title: '我也遇到', content: `关注诉求 ${c.number}？办结时会通知您，您这次就不用再提交了。` })))
    return
  try {
    await casesService.follow(c.id)
    toast('已关注，办结时会通知您', 'success')
    await Taro.redirectTo({ url: '/pages/cases/index' })
  } catch (error) {
    toastError(error)
  }
}

/** Open cases like this one nearby, each with 我也遇到 so the resident can follow it instead (styles: submit.scss). */
export function SimilarCases({ similar }: { similar: SimilarCase[] }) {
  return (
    <View className="case-submit__similar" data-testid="case-submit-similar">
      <Text className="case-submit__similar-title">附近已有 {similar.length} 件相似的诉求正在办理</Text>
      {similar.map((c) => (
        <View key={c.id} className="case-submit__similar-item" data-testid={`case-similar-${c.number}`}>
          <Text className="case-submit__hint">
            {c.number} · {c.categoryName} · {c.statusLabel} · 约 {Math.round(c.distanceMeters)} 米 · {c.followerCount}{' '}
            人也遇到
            {c.petitionerName ? ` · ${c.petitionerName} 反映` : ''}
          </Text>
          <Text>{c.description}</Text>
          <Button
            size="small"
            type="primary"
            fill="outline"
            onClick={() => void follow(c)}
            data-testid={`case-similar-follow-${c.number}`}
          >
            我也遇到，关注这件
          </Button>
        </View>
      ))}
    </View>
  )
}
